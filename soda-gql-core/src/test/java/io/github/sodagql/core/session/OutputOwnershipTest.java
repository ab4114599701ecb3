package io.github.sodagql.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sodagql.core.TestProject;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, items 1, 7 and 8: soda-gql never overwrites or deletes a file it did not write; an output folder
 * holding such files is an error unless allowed; a failed write is an error, located at its definition, and the
 * next build writes the file.
 */
class OutputOwnershipTest {
    private static final String GENERATED = "target/generated-sources/soda-gql/com/example/test/";
    private static final String USERS_OWN = "// BookCard, written by hand\n";

    @TempDir
    Path temporary;

    private static List<DiagnosticCode> codes(BuildResult result) {
        return result.diagnostics().stream().map(Diagnostic::code).toList();
    }

    @Test
    void aForeignFileInTheOutputFolderIsAConfigErrorNamingItAndNothingIsWritten() throws IOException {
        TestProject project = TestProject.copyOf("session/ownership", temporary);
        project.write(GENERATED + "BookCard.java", USERS_OWN);

        BuildResult first = project.build();
        BuildResult second = project.build();

        for (BuildResult result : List.of(first, second)) {
            assertEquals(List.of(DiagnosticCode.CONFIG_INVALID), codes(result));
            assertTrue(result.diagnostics().get(0).message().contains(GENERATED + "BookCard.java"),
                    result.diagnostics().get(0).message());
            assertEquals(1, result.report().counts().errors());
        }
        assertEquals(USERS_OWN, Files.readString(project.directory().resolve(GENERATED + "BookCard.java")));
        assertFalse(Files.exists(project.directory().resolve(GENERATED + "CatalogPageQuery.java")));
    }

    @Test
    void withForeignFilesAllowedAForeignFileIsNeverOverwrittenNorDeleted() throws IOException {
        TestProject project = TestProject.copyOf("session/ownership", temporary);
        project.write(GENERATED + "BookCard.java", USERS_OWN);
        BuilderSession session = new BuilderSession(project.config().allowForeignFiles(true).build());

        BuildResult first = session.buildInitial();
        Diagnostic failure = first.diagnostics().get(0);
        project.write("src/main/graphql/catalog.graphql", "query CatalogPage {\n  books {\n    id\n  }\n}\n");
        BuildResult renamed = new BuilderSession(project.config().allowForeignFiles(true).build()).buildInitial();

        assertEquals(List.of(DiagnosticCode.WRITE_FAILED), codes(first));
        assertEquals("src/main/graphql/catalog.graphql:7:1", failure.location().orElseThrow().toString());
        assertTrue(failure.message().contains(GENERATED + "BookCard.java"), failure.message());
        assertEquals(List.of(), codes(renamed));
        assertEquals(USERS_OWN, Files.readString(project.directory().resolve(GENERATED + "BookCard.java")));
        assertTrue(Files.exists(project.directory().resolve(GENERATED + "CatalogPageQuery.java")));
    }

    @Test
    void outputsInsideTheSourcesNeedTheOptInAndLeaveTheUsersClassesAlone() throws IOException {
        TestProject project = TestProject.copyOf("session/ownership", temporary);
        project.write("src/main/java/com/example/App.java", "class App {}\n");

        BuildResult refused = new BuilderSession(project.config().outputDirectory("src/main/java").build()).buildInitial();
        BuildResult allowed = new BuilderSession(project.config().outputDirectory("src/main/java").allowForeignFiles(true)
                .build()).buildInitial();

        assertEquals(List.of(DiagnosticCode.CONFIG_INVALID), codes(refused));
        assertTrue(refused.diagnostics().get(0).message().contains("src/main/java/com/example/App.java"));
        assertEquals(List.of(), codes(allowed));
        assertTrue(Files.exists(project.directory().resolve("src/main/java/com/example/test/BookCard.java")));
        assertEquals("class App {}\n", Files.readString(project.directory().resolve("src/main/java/com/example/App.java")));
    }

    @Test
    void outputsKeptAfterTheStateFolderIsLostAreStillItsOwn() throws IOException {
        TestProject project = TestProject.copyOf("session/ownership", temporary);
        project.build();
        IncrementalDifferentialTest.deleteTree(project.directory().resolve("target/soda-gql"));

        BuildResult again = project.build();

        assertEquals(List.of(), codes(again));
    }

    @Test
    void aFailedWriteIsCountedAndTheNextBuildWritesTheFile() throws IOException {
        TestProject project = TestProject.copyOf("session/ownership", temporary);
        Path blocked = project.directory().resolve(GENERATED + "CatalogPageQuery.java");
        Files.createDirectories(blocked); // a directory in the way

        BuildResult failed = project.build();
        Files.delete(blocked);
        BuildResult next = project.build();

        assertEquals(List.of(DiagnosticCode.WRITE_FAILED), codes(failed));
        assertEquals(1, failed.report().counts().errors());
        Diagnostic failure = failed.diagnostics().get(0);
        assertEquals("src/main/graphql/catalog.graphql:1:1", failure.location().orElseThrow().toString());
        assertTrue(failure.message().contains(GENERATED + "CatalogPageQuery.java"), failure.message());
        assertEquals(List.of(), codes(next));
        assertTrue(Files.isRegularFile(blocked), "the next build writes the file the failed one could not");
    }
}
