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
 * the digests in {@code codegen/nullability-none-digests.txt} were taken from the build just before it.
 */
class NullabilityNoneOutputTest {
    @TempDir
    Path temporary;

    @Test
    void defaultOutputIsByteIdenticalToTheOutputBeforeNullability() throws IOException {
        assertEquals(expected(), digests(UnaryOperator.identity()));
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
