package io.github.sodagql.core.catalogue;

import io.github.sodagql.core.TestProject;
import io.github.sodagql.core.config.SodaGqlConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input catalogue (issue 13): documents and schemas from {@code src/test/resources/catalogue/<stage>/<case>/}
 * (a project tree beside its {@code expected.txt}), configurations and file-system oddities from
 * {@link GeneratedCases}. Each case is built end to end and must give exactly its expected diagnostics, located,
 * without an exception. Run with {@code -Dcatalogue.record=true} to (re)write the {@code expected.txt} files from
 * what the build gives, then review the diff.
 */
class BadInputCatalogueTest {
    private static final String ROOT = "catalogue";

    @TempDir
    Path temporary;

    static Stream<CatalogueCase> cases() {
        List<CatalogueCase> cases = new ArrayList<>();
        for (String stage : List.of("documents", "schema")) {
            Path folder = TestProject.resource(ROOT + "/" + stage);
            try (Stream<Path> children = Files.list(folder)) {
                for (Path caseFolder : children.filter(Files::isDirectory).sorted().toList()) {
                    cases.add(fromFolder(stage, caseFolder));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        cases.addAll(GeneratedCases.all());
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputEndsInItsLocatedDiagnosticsNeverAnException(CatalogueCase badInput) throws IOException {
        if (Boolean.getBoolean("catalogue.record")
                && BadInputCatalogueTest.class.getClassLoader().getResource(ROOT + "/" + badInput.name()) != null) {
            record(badInput);
            return;
        }
        badInput.check(temporary);
    }

    private void record(CatalogueCase badInput) throws IOException {
        List<String> actual = badInput.run(temporary);
        Path expected = TestProject.repoRoot().resolve("soda-gql-core/src/test/resources/" + ROOT + "/"
                + badInput.name() + "/expected.txt");
        Files.writeString(expected, actual.isEmpty() ? "" : String.join("\n", actual) + "\n", StandardCharsets.UTF_8);
    }

    /** A case folder: its files are the project; documents cases get the shared schema unless they bring one. */
    private static CatalogueCase fromFolder(String stage, Path caseFolder) {
        List<String> expected;
        try {
            Path file = caseFolder.resolve("expected.txt");
            expected = Files.exists(file)
                    ? Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).sorted().toList()
                    : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CatalogueCase(stage + "/" + caseFolder.getFileName(), project -> {
            copy(caseFolder, project);
            Path documents = project.resolve("src/main/graphql");
            boolean hasJson = Files.exists(documents.resolve("schema.json"));
            if (stage.equals("documents")) {
                copy(TestProject.resource(ROOT + "/_schema"), documents);
            }
            SodaGqlConfig.Builder config = SodaGqlConfig.builder(project).javaPackage("com.example.catalogue");
            if (hasJson) {
                config.schemaPath("src/main/graphql/schema.json");
            }
            return config.build();
        }, expected);
    }

    static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (file.getFileName().toString().equals("expected.txt")) {
                    continue;
                }
                Path destination = to.resolve(from.relativize(file).toString());
                Files.createDirectories(destination.getParent());
                Files.copy(file, destination);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
