package io.github.sodagql.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sodagql.core.TestProject;
import io.github.sodagql.core.artifact.ArtifactOperation;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuilderSessionTest {
    @TempDir
    Path temporary;

    private static List<DiagnosticCode> codes(BuildResult result) {
        return result.diagnostics().stream().map(Diagnostic::code).toList();
    }

    @Test
    void oneBadFileDoesNotStopTheOthers() {
        BuildResult result = TestProject.copyOf("session/mixed", temporary).build();

        assertEquals(List.of(DiagnosticCode.PARSE_ERROR, DiagnosticCode.UNKNOWN_FRAGMENT), codes(result));
        assertEquals(List.of("Good"), result.artifact().orElseThrow().operations().stream().map(ArtifactOperation::name).toList());
        assertEquals(2, result.report().counters().filesParsed());
    }

    @Test
    void unknownFragmentIsReportedOnceByTheGraphNotAgainByValidation() {
        BuildResult result = TestProject.copyOf("session/mixed", temporary).build();

        assertEquals(1, result.diagnostics().stream().filter(d -> d.message().contains("Missing")).count());
    }

    @Test
    void fragmentCycleIsReportedOnceAndValidationStillRuns() {
        BuildResult result = TestProject.copyOf(List.of("graph/cycle", "session/cycle"), temporary).build();

        assertEquals(List.of(DiagnosticCode.FRAGMENT_CYCLE), codes(result));
        assertEquals(1, result.report().counters().operationsValidated());
        assertEquals(List.of("A", "B"), result.artifact().orElseThrow().operations().get(0).fragments());
    }

    @Test
    void invalidConfigStopsTheBuildBeforeAnyWork() {
        TestProject project = TestProject.copyOf("session/mixed", temporary);

        BuildResult result = new BuilderSession(project.config().javaPackage("not a package").build()).buildInitial();

        assertEquals(List.of(DiagnosticCode.CONFIG_INVALID), codes(result));
        assertTrue(result.artifact().isEmpty());
        assertEquals(0, result.report().counters().filesParsed());
        assertFalse(Files.exists(project.directory().resolve("target/soda-gql/artifact.json")));
    }

    @Test
    void schemaFileNamedLikeADocumentIsNotParsedAsOne() {
        TestProject project = TestProject.copyOf(List.of("graph/cycle", "session/cycle"), temporary);
        project.write("src/main/graphql/schema.graphql", "type Query {\n  products: [Product!]!\n}\n\ntype Product {\n  id: ID!\n  name: String!\n}\n");

        BuildResult result = new BuilderSession(project.config().schemaPath("src/main/graphql/schema.graphql").build())
                .buildInitial();

        assertEquals(List.of(DiagnosticCode.FRAGMENT_CYCLE), codes(result));
        assertEquals(1, result.report().counts().documents());
    }

    @Test
    void reportAndArtifactAreWrittenToTheStateDirectory() {
        TestProject project = TestProject.copyOf(List.of("graph/cycle", "session/cycle"), temporary);

        project.build();

        assertTrue(Files.isRegularFile(project.directory().resolve("target/soda-gql/artifact.json")));
        assertTrue(Files.isRegularFile(project.directory().resolve("target/soda-gql/report.json")));
    }
}
