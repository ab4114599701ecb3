package io.github.sodagql.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sodagql.core.TestProject;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.output.OutputLedger;
import io.github.sodagql.core.source.ContentHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, ownership by content: soda-gql overwrites or deletes a file only while its bytes are still the ones
 * it recorded writing. A file replaced by the user at a generated path, or named by a forged state entry, is kept.
 */
class ContentOwnershipTest {
    private static final String GENERATED = "target/generated-sources/soda-gql/com/example/test/";
    private static final String STATE = "target/soda-gql/";
    private static final String USERS_OWN = "// BookCard, written by hand\n";
    /** catalog.graphql without the BookCard fragment: its class is no longer produced. */
    private static final String WITHOUT_FRAGMENT = "query CatalogPage {\n  books {\n    id\n  }\n}\n";

    @TempDir
    Path temporary;

    private static List<DiagnosticCode> codes(BuildResult result) {
        return result.diagnostics().stream().map(Diagnostic::code).toList();
    }

    private static BuildResult build(TestProject project, boolean allowForeignFiles) {
        return new BuilderSession(project.config().allowForeignFiles(allowForeignFiles).build()).buildInitial();
    }

    private static String read(TestProject project, String path) throws IOException {
        return Files.readString(project.directory().resolve(path));
    }

    @Test
    void aGeneratedFileTheUserReplacedIsNotDeletedWhenItIsNoLongerProduced() throws IOException {
        TestProject project = TestProject.copyOf("session/ownership", temporary);
        build(project, true);
        project.write(GENERATED + "BookCard.java", USERS_OWN);
        project.write("src/main/graphql/catalog.graphql", WITHOUT_FRAGMENT);

        BuildResult removed = build(project, true);
        BuildResult again = build(project, true);

        assertEquals(USERS_OWN, read(project, GENERATED + "BookCard.java"));
        assertEquals(List.of(DiagnosticCode.FOREIGN_FILE_KEPT), codes(removed));
        Diagnostic kept = removed.diagnostics().get(0);
        assertTrue(kept.message().contains(GENERATED + "BookCard.java"), kept.message());
        assertEquals(0, removed.report().counts().errors());
        assertEquals(List.of(), codes(again), "dropped from the ledger: reported once");
        assertEquals(USERS_OWN, read(project, GENERATED + "BookCard.java"));
    }

    @Test
    void inTheTargetFolderTooAChangedFileIsKeptRatherThanDeleted() throws IOException {
        TestProject project = TestProject.copyOf("session/ownership", temporary);
        project.build();
        project.write(GENERATED + "BookCard.java", USERS_OWN);
        project.write("src/main/graphql/catalog.graphql", WITHOUT_FRAGMENT);

        BuildResult removed = project.build();

        assertEquals(USERS_OWN, read(project, GENERATED + "BookCard.java"));
        assertEquals(List.of(DiagnosticCode.FOREIGN_FILE_KEPT), codes(removed));
    }

    @Test
    void withForeignFilesAllowedAReplacedGeneratedFileIsNotOverwritten() throws IOException {
        TestProject project = TestProject.copyOf("session/ownership", temporary);
        build(project, true);
        project.write(GENERATED + "BookCard.java", USERS_OWN);
        project.write("src/main/graphql/catalog.graphql", read(project, "src/main/graphql/catalog.graphql")
                .replace("  title\n", ""));

        BuildResult regenerated = build(project, true);
        Files.delete(project.directory().resolve(GENERATED + "BookCard.java"));
        BuildResult resolved = build(project, true);

        assertEquals(List.of(DiagnosticCode.WRITE_FAILED), codes(regenerated));
        assertTrue(regenerated.diagnostics().get(0).message().contains(GENERATED + "BookCard.java"));
        assertEquals(List.of(), codes(resolved));
        assertTrue(read(project, GENERATED + "BookCard.java").contains("BookCard"), "deleted, then written again");
        assertTrue(!read(project, GENERATED + "BookCard.java").contains("title"), read(project, GENERATED + "BookCard.java"));
    }

    @Test
    void inTheTargetFolderAGeneratedFileEditedByHandIsStillRestored() throws IOException {
        TestProject project = TestProject.copyOf("session/ownership", temporary);
        project.build();
        String generated = read(project, GENERATED + "BookCard.java");
        project.write(GENERATED + "BookCard.java", "// edited by hand\n" + generated);

        BuildResult repaired = project.build();

        assertEquals(List.of(), codes(repaired));
        assertEquals(generated, read(project, GENERATED + "BookCard.java"));
    }

    @Test
    void aForgedPendingEntryNamingAUserFileInsideTheOutputFolderDeletesNothing() throws IOException {
        TestProject project = TestProject.copyOf("session/ownership", temporary);
        build(project, true);
        project.write(GENERATED + "Notes.java", USERS_OWN);
        project.write(GENERATED + "Other.java", USERS_OWN);
        project.write(STATE + BuilderSession.PENDING_FILE, GENERATED + "Notes.java\n"
                + ContentHash.of("something else").hex() + " " + GENERATED + "Other.java\n");

        BuildResult result = build(project, true);

        assertEquals(USERS_OWN, read(project, GENERATED + "Notes.java"));
        assertEquals(USERS_OWN, read(project, GENERATED + "Other.java"));
        assertEquals(List.of(), codes(result));
    }

    @Test
    void aForgedLedgerEntryWithAnotherHashDeletesNothing() throws IOException {
        TestProject project = TestProject.copyOf("session/ownership", temporary);
        build(project, true);
        project.write(GENERATED + "Notes.java", USERS_OWN);
        Path ledger = project.directory().resolve(STATE + OutputLedger.FILE);
        String text = Files.readString(ledger);
        Files.writeString(ledger, text.replace("end\n", ContentHash.of("what soda-gql wrote").hex() + " "
                + GENERATED + "Notes.java\nend\n"));
        Files.delete(project.directory().resolve(STATE + SnapshotStore.FILE)); // a full build: strays are deleted

        BuildResult result = build(project, true);

        assertEquals(USERS_OWN, read(project, GENERATED + "Notes.java"));
        // The ledger says soda-gql wrote there: a changed file is worth a warning, as when the user replaced one.
        assertEquals(List.of(DiagnosticCode.FOREIGN_FILE_KEPT), codes(result));
        assertTrue(result.diagnostics().get(0).message().contains(GENERATED + "Notes.java"));
    }

    @Test
    void anOutputFolderThatIsTheStateFolderIsRefusedUpFrontNamingBoth() throws IOException {
        TestProject project = TestProject.copyOf("session/ownership", temporary);

        BuildResult result = new BuilderSession(project.config().outputDirectory("target/soda-gql")
                .stateDirectory("target/soda-gql").build()).buildInitial();

        assertEquals(List.of(DiagnosticCode.CONFIG_INVALID), codes(result));
        String message = result.diagnostics().get(0).message();
        assertTrue(message.contains("outputDirectory") && message.contains("stateDirectory") && !message.contains(".lock"),
                message);
        assertTrue(!Files.exists(project.directory().resolve("target")), "nothing written");
    }

    @Test
    void temporaryFilesOfAKilledBuildAreRemovedAndNothingElse() throws IOException {
        TestProject project = TestProject.copyOf("session/ownership", temporary);
        build(project, true);
        Path outside = temporary.resolve("outside");
        Files.createDirectories(outside);
        Files.createSymbolicLink(project.directory().resolve(GENERATED + "link"), outside);
        List<String> ours = List.of(GENERATED + ".BookCard.java.soda-gql-1f2e3d4c5b6a.tmp",
                STATE + ".snapshot.bin.soda-gql-a1b2c3.tmp");
        List<String> notOurs = List.of(GENERATED + ".notes.tmp", GENERATED + ".BookCard.java.1f2e3d.tmp",
                "src/main/java/.App.java.soda-gql-1f2e3d.tmp", GENERATED + "link/.App.java.soda-gql-1f2e3d.tmp");
        ours.forEach(path -> project.write(path, "half"));
        notOurs.forEach(path -> project.write(path, "mine"));
        Files.createDirectories(project.directory().resolve(GENERATED + ".folder.soda-gql-12.tmp"));
        // A build killed while writing outputs leaves its pending list.
        project.write(STATE + BuilderSession.PENDING_FILE, "");

        build(project, true);

        for (String path : ours) {
            assertTrue(!Files.exists(project.directory().resolve(path)), path);
        }
        for (String path : notOurs) {
            assertEquals("mine", read(project, path));
        }
        assertTrue(Files.isDirectory(project.directory().resolve(GENERATED + ".folder.soda-gql-12.tmp")));
    }
}
