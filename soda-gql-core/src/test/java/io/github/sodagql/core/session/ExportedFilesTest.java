package io.github.sodagql.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sodagql.core.TestProject;
import io.github.sodagql.core.artifact.ArtifactOperation;
import io.github.sodagql.core.config.ExportOptions;
import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.source.ProjectPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportedFilesTest {
    private static final String RESOURCES = "target/generated-resources/soda-gql";
    private static final String SPRING = RESOURCES + "/graphql-documents/";

    @TempDir
    Path temporary;

    private TestProject project() {
        return TestProject.copyOf("artifact/exports", temporary);
    }

    private static SodaGqlConfig config(TestProject project, List<String> manifests, boolean onClasspath, boolean spring) {
        return project.config().exports(new ExportOptions(manifests, onClasspath, spring, ProjectPath.parse(RESOURCES)))
                .build();
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static List<String> tree(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(f -> folder.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    @Test
    void springDocumentsHoldEachComposedOperationUnderItsName() throws IOException {
        TestProject project = project();

        BuildResult result = new BuilderSession(config(project, List.of(), false, true)).buildInitial();

        assertEquals(List.of(), result.diagnostics());
        assertEquals(List.of("graphql-documents/AddToCart.graphql", "graphql-documents/ProductList.graphql"),
                tree(project.directory().resolve(RESOURCES)));
        for (ArtifactOperation operation : result.artifact().orElseThrow().operations()) {
            assertEquals(operation.document(), read(project.directory().resolve(SPRING + operation.name() + ".graphql")));
        }
        assertTrue(read(project.directory().resolve(SPRING + "ProductList.graphql"))
                .endsWith("fragment ProductCard on Product {id name note}"));
    }

    @Test
    void manifestsGoToTheStateDirectoryAndOnTheClasspathOnlyWhenAsked() throws IOException {
        TestProject project = project();

        new BuilderSession(config(project, List.of("apollo", "persisted-documents"), false, false)).buildInitial();

        assertTrue(Files.isRegularFile(project.directory().resolve("target/soda-gql/persisted-query-manifest.json")));
        assertTrue(Files.isRegularFile(project.directory().resolve("target/soda-gql/persisted-documents.json")));
        assertEquals(List.of(), tree(project.directory().resolve(RESOURCES)));

        new BuilderSession(config(project, List.of("persisted-documents"), true, false)).buildInitial();

        assertEquals(List.of("META-INF/soda-gql/persisted-documents.json"), tree(project.directory().resolve(RESOURCES)));
        assertEquals(read(project.directory().resolve("target/soda-gql/persisted-documents.json")),
                read(project.directory().resolve(RESOURCES + "/META-INF/soda-gql/persisted-documents.json")));
        assertFalse(Files.exists(project.directory().resolve("target/soda-gql/persisted-query-manifest.json")),
                "a manifest no longer asked for is deleted");
    }

    @Test
    void aRemovedOperationLosesItsDocumentAndTheOthersStay() throws IOException {
        TestProject project = project();
        BuilderSession session = new BuilderSession(config(project, List.of(), false, true));
        session.buildInitial();
        Files.delete(project.directory().resolve("src/main/graphql/cart.graphql"));

        session.rebuild();

        assertEquals(List.of("graphql-documents/ProductList.graphql"), tree(project.directory().resolve(RESOURCES)));
    }

    @Test
    void turningTheOptionOffDeletesWhatItWrote() throws IOException {
        TestProject project = project();
        new BuilderSession(config(project, List.of("apollo"), true, true)).buildInitial();

        new BuilderSession(config(project, List.of(), false, false)).buildInitial();

        assertEquals(List.of(), tree(project.directory().resolve(RESOURCES)));
        assertFalse(Files.exists(project.directory().resolve("target/soda-gql/persisted-query-manifest.json")));
        assertFalse(Files.exists(project.directory().resolve("target/soda-gql/" + ExportedFiles.LIST_FILE)));
    }

    @Test
    void aStaleFileEditedByHandIsKept() throws IOException {
        TestProject project = project();
        new BuilderSession(config(project, List.of(), false, true)).buildInitial();
        Path edited = project.directory().resolve(SPRING + "AddToCart.graphql");
        Files.writeString(edited, "# mine now\n");

        new BuilderSession(config(project, List.of(), false, false)).buildInitial();

        assertEquals("# mine now\n", read(edited));
        assertFalse(Files.exists(project.directory().resolve(SPRING + "ProductList.graphql")));
    }

    @Test
    void aBuildWithNothingToDoPutsBackADeletedDocument() throws IOException {
        TestProject project = project();
        BuilderSession session = new BuilderSession(config(project, List.of(), false, true));
        session.buildInitial();
        Path deleted = project.directory().resolve(SPRING + "AddToCart.graphql");
        String before = read(deleted);
        Files.delete(deleted);

        BuildResult result = session.rebuild();

        assertEquals(0, result.report().counters().filesParsed(), "a no-op build");
        assertEquals(before, read(deleted));
    }

    @Test
    void aListNamingFilesOutsideTheExportFoldersDeletesNothing() throws IOException {
        TestProject project = project();
        project.write("src/main/java/Keep.java", "class Keep {}\n");
        Path keep = project.directory().resolve("src/main/java/Keep.java");
        String hash = io.github.sodagql.core.source.ContentHash.of(Files.readAllBytes(keep)).hex();
        project.write("target/soda-gql/" + ExportedFiles.LIST_FILE, hash + " 13 0 src/main/java/Keep.java\n"
                + hash + " 13 0 " + RESOURCES + "/../../../src/main/java/Keep.java\n");

        new BuilderSession(config(project, List.of(), false, false)).buildInitial();

        assertTrue(Files.exists(keep));
    }

    @Test
    void noExportIsWrittenThroughALinkLeadingOutOfTheExportFolder() throws IOException {
        TestProject project = project();
        Path outside = temporary.resolve("outside");
        Files.createDirectories(outside);
        Files.createDirectories(project.directory().resolve(RESOURCES));
        Files.createSymbolicLink(project.directory().resolve(SPRING.substring(0, SPRING.length() - 1)), outside);

        BuildResult result = new BuilderSession(config(project, List.of(), false, true)).buildInitial();

        assertEquals(List.of(), tree(outside));
        assertTrue(result.diagnostics().stream().anyMatch(d -> d.code() == DiagnosticCode.WRITE_FAILED),
                result.diagnostics().toString());
    }

    @Test
    void aForgedListEntryThroughALinkDeletesNothing() throws IOException {
        TestProject project = project();
        new BuilderSession(config(project, List.of(), false, true)).buildInitial();
        Path outside = temporary.resolve("outside");
        Files.createDirectories(outside);
        Files.writeString(outside.resolve("victim.txt"), "precious");
        Files.createSymbolicLink(project.directory().resolve(RESOURCES + "/link"), outside);
        String hash = io.github.sodagql.core.source.ContentHash.of("precious").hex();
        Path list = project.directory().resolve("target/soda-gql/" + ExportedFiles.LIST_FILE);
        Files.writeString(list, Files.readString(list) + hash + " 8 0 " + RESOURCES + "/link/victim.txt\n"
                + hash + " 8 0 target/soda-gql/link/victim.txt\n");
        Files.createSymbolicLink(project.directory().resolve("target/soda-gql/link"), outside);

        new BuilderSession(config(project, List.of(), false, false)).buildInitial();

        assertEquals("precious", read(outside.resolve("victim.txt")));
    }

    @Test
    void temporaryFilesAKilledBuildLeftInTheExportFolderAreRemovedAndNothingElse() throws IOException {
        TestProject project = project();
        new BuilderSession(config(project, List.of(), false, true)).buildInitial();
        project.write(SPRING + ".AddToCart.graphql.soda-gql-5e6f7a.tmp", "half");
        project.write(SPRING + ".notes.tmp", "mine");

        new BuilderSession(config(project, List.of(), false, true)).buildInitial();

        assertFalse(Files.exists(project.directory().resolve(SPRING + ".AddToCart.graphql.soda-gql-5e6f7a.tmp")));
        assertEquals("mine", read(project.directory().resolve(SPRING + ".notes.tmp")));
    }

    @Test
    void anUnknownManifestNameIsAConfigError() {
        TestProject project = project();

        BuildResult result = new BuilderSession(config(project, List.of("apollo", "relay"), false, false)).buildInitial();

        assertEquals(List.of(DiagnosticCode.CONFIG_INVALID), result.diagnostics().stream().map(Diagnostic::code).toList());
        assertTrue(result.diagnostics().get(0).message().contains("'relay'"), result.diagnostics().get(0).message());
    }

    private static final String COPY = "META-INF/soda-gql/operations.json";

    private static SodaGqlConfig withCopy(TestProject project, String name) {
        return project.config().exports(new ExportOptions(List.of(), false, false, ProjectPath.parse(RESOURCES),
                java.util.Optional.of(name))).build();
    }

    @Test
    void theArtifactsClasspathCopyHoldsArtifactJsonsBytesAfterEveryBuild() throws IOException {
        TestProject project = project();
        BuilderSession session = new BuilderSession(withCopy(project, COPY));
        Path copy = project.directory().resolve(RESOURCES + "/" + COPY);
        Path artifact = project.directory().resolve("target/soda-gql/" + BuilderSession.ARTIFACT_FILE);

        session.buildInitial();
        assertEquals(read(artifact), read(copy));

        Files.delete(project.directory().resolve("src/main/graphql/cart.graphql"));
        session.rebuild();
        assertEquals(read(artifact), read(copy), "an incremental build updates it");
        assertFalse(read(copy).contains("AddToCart"));

        Files.delete(copy);
        BuildResult noOp = session.rebuild();
        assertEquals(0, noOp.report().counters().filesParsed(), "a no-op build");
        assertEquals(read(artifact), read(copy), "a build with nothing to do puts it back");
    }

    @Test
    void withoutTheOptionNoCopyIsWrittenAndTheOneWrittenBeforeIsDeleted() throws IOException {
        TestProject project = project();
        new BuilderSession(withCopy(project, COPY)).buildInitial();
        assertEquals(List.of(COPY), tree(project.directory().resolve(RESOURCES)));

        new BuilderSession(config(project, List.of(), false, false)).buildInitial();

        assertEquals(List.of(), tree(project.directory().resolve(RESOURCES)));
    }

    @Test
    void aCopyMovedElsewhereLeavesTheOldOneOnlyIfSomeoneEditedIt() throws IOException {
        TestProject project = project();
        new BuilderSession(withCopy(project, COPY)).buildInitial();
        new BuilderSession(withCopy(project, "META-INF/soda-gql/admin/operations.json")).buildInitial();
        assertEquals(List.of("META-INF/soda-gql/admin/operations.json"), tree(project.directory().resolve(RESOURCES)));

        Path moved = project.directory().resolve(RESOURCES + "/META-INF/soda-gql/admin/operations.json");
        Files.writeString(moved, "{\"mine\": true}\n");
        new BuilderSession(withCopy(project, COPY)).buildInitial();

        assertEquals("{\"mine\": true}\n", read(moved), "edited since we wrote it: kept");
        assertTrue(Files.isRegularFile(project.directory().resolve(RESOURCES + "/" + COPY)));
    }

    @Test
    void aCopyNamedOutsideTheResourceDirectoryIsAConfigError() {
        TestProject project = project();
        for (String name : List.of("../operations.json", "/etc/operations.json", "META-INF//operations.json", "")) {
            BuildResult result = new BuilderSession(withCopy(project, name)).buildInitial();

            assertEquals(List.of(DiagnosticCode.CONFIG_INVALID), result.diagnostics().stream().map(Diagnostic::code).toList(),
                    name);
            assertTrue(result.diagnostics().get(0).message().startsWith("Configuration 'classpathArtifact'"),
                    result.diagnostics().get(0).message());
        }
        assertFalse(Files.exists(temporary.resolve("operations.json")));
    }
}
