package io.github.sodagql.core.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.session.BuildResult;
import io.github.sodagql.core.session.BuilderSession;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One bad input, built end to end through {@link BuilderSession}'s public API: it must end in diagnostics (or a
 * build), never an exception, and each diagnostic must be a clean one-line sentence, not a stack trace.
 * {@code expected} lists every diagnostic as {@code CODE path:line:column} ({@code CODE -} when it has no location).
 */
record CatalogueCase(String name, Function<Path, SodaGqlConfig> setUp, List<String> expected) {
    /** What leaks when an exception is turned into text instead of a diagnostic. */
    private static final Pattern LEAK = Pattern.compile(
            "Exception|\\bat [a-z]+\\.[a-z]+\\.|should never happen|java\\.lang\\.|java\\.util\\.|Internal error|[A-Z][a-z]+Value\\{");

    @Override
    public String toString() {
        return name;
    }

    /** Builds the case in {@code project}; the diagnostics as {@code CODE location} lines. */
    List<String> run(Path project) {
        SodaGqlConfig config = setUp.apply(project);
        BuildResult result;
        try {
            result = new BuilderSession(config).buildInitial();
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError(name + ": the build threw instead of reporting", e);
        }
        for (Diagnostic diagnostic : result.diagnostics()) {
            String text = diagnostic.formatWithHint();
            assertFalse(LEAK.matcher(diagnostic.message()).find(), name + ": internals leak into " + text);
            assertFalse(diagnostic.message().contains("\n") || diagnostic.message().contains("\r"), name + ": " + text);
            assertFalse(diagnostic.message().isBlank() || diagnostic.hint().isBlank(), name + ": " + text);
        }
        return lines(result.diagnostics());
    }

    void check(Path project) {
        assertEquals(expected, run(project), name);
    }

    static List<String> lines(List<Diagnostic> diagnostics) {
        return diagnostics.stream()
                .map(d -> d.code() + " " + d.location().map(Object::toString).orElse("-"))
                .sorted()
                .toList();
    }
}
