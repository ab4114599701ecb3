package io.github.sodagql.core.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sodagql.core.codegen.GeneratedFile;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.graph.DefinitionId;
import io.github.sodagql.core.source.ProjectPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One build's generated files applied to the output folder {@code gen}, owned by the operation {@code Q}. */
class OwnedOutputsTest {
    @TempDir
    Path project;

    private static final ProjectPath FOLDER = ProjectPath.parse("gen");
    private static final DefinitionId QUERY = DefinitionId.operation("q.graphql::Q");
    private static final List<ProjectPath> FILES = List.of(FOLDER.resolve("QQuery.java"), FOLDER.resolve("QRenamed.java"),
            FOLDER.resolve("Support.java"));
    private static final ProjectPath OWNED = FILES.get(0);
    private static final ProjectPath RENAMED = FILES.get(1);
    private static final ProjectPath SHARED = FILES.get(2);

    private Path state() {
        return project.resolve("state");
    }

    private OwnedOutputs owned(OwnedOutputs.Recorded earlier) {
        OutputFolder folder = new OutputFolder(project, FOLDER);
        OutputOwnership ownership = OutputOwnership.load(project, state(), folder, earlier.byPath().values(), false);
        return new OwnedOutputs(new OutputWriter(project), ownership);
    }

    private static GeneratedFile file(ProjectPath path, String text, Optional<DefinitionId> owner) {
        return new GeneratedFile(path, text.getBytes(StandardCharsets.UTF_8), owner);
    }

    private static OwnedOutputs.Plan plan(OwnedOutputs.Recorded earlier, Map<DefinitionId, List<OutputRecord>> current,
            Optional<OwnedOutputs.Generated> generated, boolean checkForeign) {
        return new OwnedOutputs.Plan(earlier, current, generated, Set.of(), checkForeign, id -> Optional.empty());
    }

    private OwnedOutputs.Applied first() throws IOException {
        Files.createDirectories(state());
        OwnedOutputs.Generated generated = new OwnedOutputs.Generated(List.of(file(OWNED, "class QQuery {}", Optional.of(QUERY)),
                file(SHARED, "class Support {}", Optional.empty())), Set.of(QUERY), true);
        return owned(OwnedOutputs.Recorded.none()).apply(plan(OwnedOutputs.Recorded.none(), Map.of(QUERY, List.of()),
                Optional.of(generated), true), FOLDER, new ArrayList<>());
    }

    private static OwnedOutputs.Recorded recorded(OwnedOutputs.Applied applied) {
        return new OwnedOutputs.Recorded(applied.owned(), applied.shared());
    }

    @Test
    void writesEachFileAndRecordsItUnderItsOwner() throws IOException {
        OwnedOutputs.Applied applied = first();

        assertEquals(List.of(OWNED, SHARED), applied.written().written().stream().sorted().toList());
        assertEquals(List.of(OWNED), applied.owned().get(QUERY).stream().map(OutputRecord::path).toList());
        assertEquals(List.of(SHARED), applied.shared().stream().map(OutputRecord::path).toList());
        assertFalse(applied.blocked());
    }

    @Test
    void listsWhatItIsAboutToWriteBeforeWriting() throws IOException {
        first();

        assertEquals(List.of(OWNED.value(), SHARED.value()), Files.readAllLines(state().resolve(OutputOwnership.PENDING_FILE))
                .stream().map(line -> line.substring(line.indexOf(' ') + 1)).sorted().toList());
    }

    @Test
    void aRegeneratedOwnerLosesTheFilesItNoLongerProducesAndSharedFilesStay() throws IOException {
        OwnedOutputs.Recorded earlier = recorded(first());
        OwnedOutputs.Generated again = new OwnedOutputs.Generated(List.of(file(RENAMED, "class QRenamed {}", Optional.of(QUERY))),
                Set.of(QUERY), false);

        OwnedOutputs.Applied applied = owned(earlier).apply(plan(earlier, Map.of(QUERY, earlier.owned().get(QUERY)),
                Optional.of(again), false), FOLDER, new ArrayList<>());

        assertEquals(List.of(OWNED), applied.deleted());
        assertFalse(Files.exists(OWNED.resolveAgainst(project)));
        assertEquals(List.of(RENAMED), applied.owned().get(QUERY).stream().map(OutputRecord::path).toList());
        assertEquals(earlier.shared(), applied.shared());
    }

    @Test
    void withoutGenerationTheOutputsOfAGoneDefinitionAreDeletedAndTheRestKeptAsShared() throws IOException {
        OwnedOutputs.Recorded earlier = recorded(first());

        OwnedOutputs.Applied applied = owned(earlier).apply(plan(earlier, Map.of(), Optional.empty(), false), FOLDER,
                new ArrayList<>());

        assertEquals(List.of(OWNED), applied.deleted());
        assertEquals(List.of(SHARED), applied.shared().stream().map(OutputRecord::path).toList());
        assertTrue(Files.exists(SHARED.resolveAgainst(project)));
    }

    @Test
    void aForeignFileInTheFolderBlocksEveryWrite() throws IOException {
        Files.createDirectories(FOLDER.resolveAgainst(project));
        Files.writeString(project.resolve("gen/Mine.java"), "class Mine {}");

        OwnedOutputs.Applied applied = first();

        assertTrue(applied.blocked());
        assertEquals(List.of(), applied.written().written());
        assertEquals(DiagnosticCode.CONFIG_INVALID, applied.problems().get(0).code());
        assertFalse(Files.exists(OWNED.resolveAgainst(project)));
    }
}
