package io.github.sodagql.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sodagql.core.TestProject;
import io.github.sodagql.core.config.ExportOptions;
import io.github.sodagql.core.config.ScalarMapping;
import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.source.ProjectPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing a build writes holds the project's absolute path: generated sources, the artifact, the manifests,
 * Spring documents, the report and the state. That is what lets a build cache (the Apache Maven Build Cache
 * Extension, a remote one shared by CI machines) restore our outputs into a checkout in another folder.
 */
class NoAbsolutePathTest {
    @TempDir
    Path temporary;

    @Test
    void noFileUnderTargetHoldsTheProjectsAbsolutePath() throws IOException {
        Path project = temporary.resolve("checkout-at-an-unusual-place").toAbsolutePath().normalize();
        IncrementalDifferentialTest.copy(TestProject.fixture("large-app"), project.resolve("src/main/graphql"));
        SodaGqlConfig config = SodaGqlConfig.builder(project).javaPackage("com.example.large")
                .scalar(new ScalarMapping("DateTime", "java.time.OffsetDateTime", Optional.empty()))
                .exports(new ExportOptions(List.of("apollo", "persisted-documents"), true, true,
                        ProjectPath.parse(ExportOptions.DEFAULT_RESOURCE_DIRECTORY)))
                .build();

        BuildResult result = new BuilderSession(config).buildInitial();

        assertEquals(List.of(), result.diagnostics());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(project.resolve("target"))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertTrue(files.size() > 50, "the build wrote its outputs: " + files.size());
        assertTrue(files.stream().anyMatch(f -> f.endsWith("persisted-query-manifest.json")));
        assertTrue(files.stream().anyMatch(f -> f.toString().contains("graphql-documents")));
        List<String> forms = List.of(project.toString(), project.toString().replace('\\', '/'),
                project.toUri().toString(), temporary.getFileName().toString());
        List<String> leaks = new ArrayList<>();
        for (Path file : files) {
            // ISO-8859-1 maps every byte to a char, so binary state files are searched too.
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            for (String form : forms) {
                if (bytes.contains(form)) {
                    leaks.add(project.relativize(file) + " holds " + form);
                }
            }
        }
        assertEquals(List.of(), leaks);
    }
}
