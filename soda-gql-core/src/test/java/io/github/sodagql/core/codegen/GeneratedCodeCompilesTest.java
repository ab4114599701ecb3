package io.github.sodagql.core.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.session.BuildResult;
import io.github.sodagql.core.session.BuilderSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class GeneratedCodeCompilesTest {
    @TempDir
    Path temporary;

    static Path repoRoot() {
        String property = System.getProperty("sodagql.repoRoot");
        Path start = property != null ? Path.of(property) : Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("it-fixtures"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No repository root above " + start);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"small-app", "medium-app", "large-app"})
    void fixtureSourcesCompileWithWarningsAsErrorsAndNothingOnTheClasspath(String fixture) throws IOException {
        copyTree(repoRoot().resolve("it-fixtures/" + fixture + "/src/main/graphql"), temporary.resolve("src/main/graphql"));
        BuildResult result = new BuilderSession(SodaGqlConfig.builder(temporary).javaPackage("com.example." + fixture.replace("-", ""))
                .scalar(io.github.sodagql.core.config.ScalarMapping.of("DateTime", "java.time.OffsetDateTime"))
                .build()).buildInitial();
        assertEquals(List.of(), result.diagnostics());

        String output = JavaSourceCompiler.compile(temporary.resolve("target/generated-sources/soda-gql"),
                temporary.resolve("classes"), List.of());

        assertEquals("", output);
    }
}
