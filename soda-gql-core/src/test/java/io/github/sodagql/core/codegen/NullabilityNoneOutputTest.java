package io.github.sodagql.core.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sodagql.core.TestProject;
import io.github.sodagql.core.config.ScalarMapping;
import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.session.BuildResult;
import io.github.sodagql.core.session.BuilderSession;
import io.github.sodagql.core.source.ContentHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nullability=none}, the default, generates exactly what soda-gql generated before the option existed:
 * the digests in {@code codegen/nullability-none-digests.txt} were taken from the build just before it. A later,
 * deliberate change of the generated code changes them too: then check that the change is that one, and copy the
 * digests the failure prints into the file.
 */
class NullabilityNoneOutputTest {
    @TempDir
    Path temporary;

    @Test
    void defaultOutputIsByteIdenticalToTheOutputBeforeNullability() throws IOException {
        assertEquals(expected(), digests(UnaryOperator.identity()), "the output of nullability=none changed; see the class comment");
    }

    @Test
    void noneLeavesNoTraceOfJSpecify() throws IOException {
        digests(UnaryOperator.identity());
        try (Stream<Path> files = Files.walk(temporary)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                assertEquals(false, text.contains("jspecify") || text.contains("@Nullable") || text.contains("NullMarked")
                        || text.contains("NullUnmarked") || text.contains("${"), file.toString());
                assertEquals(false, file.getFileName().toString().equals("package-info.java"), file.toString());
            }
        }
    }

    @Test
    void explicitNoneIsTheDefault() throws IOException {
        assertEquals(expected(), digests(config -> config.nullability("none")));
    }

    @Test
    void jspecifyChangesTheOutput() throws IOException {
        // The digests can tell the modes apart, so the two tests above could fail.
        assertEquals(false, expected().equals(digests(config -> config.nullability("jspecify"))));
    }

    private String digests(UnaryOperator<SodaGqlConfig.Builder> options) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (String fixture : new java.util.TreeSet<>(List.of("small-app", "medium-app", "large-app", "codegen/adversarial",
                "codegen/codec/graphql", "codegen/scalars"))) {
            Path project = temporary.resolve(fixture.replace('/', '-'));
            Path documents = fixture.contains("/") ? TestProject.resource(fixture) : TestProject.fixture(fixture);
            GeneratedCodeCompilesTest.copyTree(documents, project.resolve("src/main/graphql"));
            SodaGqlConfig.Builder config = SodaGqlConfig.builder(project).javaPackage("com.example.test")
                    .scalar(ScalarMapping.parse("DateTime", "java.time.OffsetDateTime"))
                    .scalar(ScalarMapping.parse("Money", "com.example.test.Money:com.example.test.MoneyCodec"))
                    .scalar(ScalarMapping.parse("JSON", "java.lang.Object"))
                    .scalar(ScalarMapping.parse("JSONObject", "java.util.Map"));
            BuildResult result = new BuilderSession(options.apply(config).build()).buildInitial();
            assertEquals(false, result.hasErrors(), result.diagnostics().toString());
            Path root = project.resolve("target/generated-sources/soda-gql");
            StringBuilder all = new StringBuilder();
            int files = 0;
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    all.append(root.relativize(file).toString().replace('\\', '/')).append('\n')
                            .append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).append('\0');
                    files++;
                }
            }
            lines.append(fixture).append(' ').append(files).append(' ').append(ContentHash.of(all.toString()).hex()).append('\n');
        }
        return lines.toString();
    }

    private static String expected() throws IOException {
        return Files.readString(TestProject.resource("codegen/nullability-none-digests.txt"));
    }
}
