package io.github.sodagql.core.diagnostic;

import io.github.sodagql.core.source.SourceLocation;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user mistake, as data: a code, where it is, one sentence on what is wrong and a hint on how to fix
 * it. {@code related} holds other places that matter (the first definition of a duplicate, the links of a
 * cycle). Diagnostics without a location (configuration problems) sort first.
 */
public record Diagnostic(
        DiagnosticCode code,
        Severity severity,
        Optional<SourceLocation> location,
        String message,
        String hint,
        List<SourceLocation> related) implements Comparable<Diagnostic> {

    private static final Comparator<Diagnostic> ORDER = Comparator
            .comparing((Diagnostic d) -> d.location().orElse(null), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Diagnostic::code)
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        message = printable(Objects.requireNonNull(message, "message"));
        hint = printable(Objects.requireNonNull(hint, "hint"));
        related = List.copyOf(related);
    }

    public static Diagnostic at(DiagnosticCode code, SourceLocation location, String message, String hint) {
        return new Diagnostic(code, code.defaultSeverity(), Optional.of(location), message, hint, List.of());
    }

    public static Diagnostic at(DiagnosticCode code, SourceLocation location, String message, String hint,
            List<SourceLocation> related) {
        return new Diagnostic(code, code.defaultSeverity(), Optional.of(location), message, hint, related);
    }

    public static Diagnostic global(DiagnosticCode code, String message, String hint) {
        return new Diagnostic(code, code.defaultSeverity(), Optional.empty(), message, hint, List.of());
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** One line in javac's shape: {@code path:line:column: [CODE] message}. */
    public String format() {
        String prefix = location.map(l -> l + ": ").orElse("");
        return prefix + "[" + code + "] " + message;
    }

    /** {@link #format()} followed by the hint on its own indented line. */
    public String formatWithHint() {
        return hint.isEmpty() ? format() : format() + System.lineSeparator() + "    hint: " + hint;
    }

    /**
     * The text with line breaks and other control characters escaped ({@code \\n}, {@code \\u0000}): text copied
     * from a schema or document (a deprecation reason, a string value) must not split a log line or an IDE marker.
     * Idempotent, so a diagnostic read back from the snapshot is unchanged.
     */
    private static String printable(String text) {
        int i = 0;
        while (i < text.length() && !Character.isISOControl(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 8).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    @Override
    public int compareTo(Diagnostic other) {
        return ORDER.compare(this, other);
    }
}
