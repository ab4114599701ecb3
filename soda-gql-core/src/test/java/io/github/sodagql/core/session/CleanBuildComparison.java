package io.github.sodagql.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The check behind the incremental proofs: a build's diagnostics, artifact bytes and (without errors)
 * generated tree equal those of a clean build of a copy of the same documents.
 */
final class CleanBuildComparison {
    static final String DOCUMENTS = "src/main/graphql";
    private static final String ARTIFACT = "target/soda-gql/artifact.json";
    private static final String GENERATED = "target/generated-sources/soda-gql";
    /** Left by a killed build's atomic write; never compiled (hidden, not .java). */
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.tmp");

    private CleanBuildComparison() {}

    /** Builds {@code clean} from a copy of {@code project}'s documents and asserts {@code result} equals it. */
    static BuildResult assertSameAsCleanBuild(Path project, BuildResult result, Path clean,
            Function<Path, SodaGqlConfig> config, String context) throws IOException {
        IncrementalDifferentialTest.deleteTree(clean);
        IncrementalDifferentialTest.copy(project.resolve(DOCUMENTS), clean.resolve(DOCUMENTS));
        BuildResult reference = new BuilderSession(config.apply(clean)).buildInitial();

        assertEquals(formatted(reference.diagnostics()), formatted(result.diagnostics()), context);
        assertEquals(Files.readString(clean.resolve(ARTIFACT)), Files.readString(project.resolve(ARTIFACT)), context);
        if (!reference.hasErrors()) {
            Map<String, String> expected = tree(clean.resolve(GENERATED));
            Map<String, String> actual = tree(project.resolve(GENERATED));
            assertEquals(expected.keySet(), actual.keySet(), "generated files; " + context);
            for (String path : expected.keySet()) {
                assertEquals(expected.get(path), actual.get(path), path + "; " + context);
            }
        }
        return reference;
    }

    private static List<String> formatted(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::format).toList();
    }

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    if (!TEMPORARY.matcher(file.getFileName().toString()).matches()) {
                        files.put(root.relativize(file).toString(), Files.readString(file));
                    }
                }
            }
        }
        return files;
    }
}
