package io.github.sodagql.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sodagql.core.TestProject;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.output.OutputLedger;
import io.github.sodagql.core.output.OutputRecord;
import io.github.sodagql.core.source.ContentHash;
import io.github.sodagql.core.source.ProjectPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, item 2: paths read from state (the pending list, the snapshot, the output ledger; the exported-files
 * list is {@link ExportedFilesTest}'s) are used only when
 * they lie inside the output folder; {@code ../}, absolute paths, odd spellings and links leading out are
 * ignored with a notice, so no build deletes or writes anything outside the output and state folders.
 */
class StateConfinementTest {
    private static final String OUTPUT = "target/generated-sources/soda-gql/";
    private static final String VICTIM_TEXT = "precious";

    @TempDir
    Path temporary;

    private TestProject project;
    private Path outside;
    /** Paths, as a forged state file would spell them, of files a build must never touch. */
    private List<String> hostile;

    @BeforeEach
    void builtOnce() throws IOException {
        project = TestProject.copyOf("session/ownership", temporary.resolve("project"));
        outside = temporary.resolve("outside");
        Files.createDirectories(outside);
        Files.writeString(outside.resolve("victim.txt"), VICTIM_TEXT);
        project.write("src/main/resources/victim.txt", VICTIM_TEXT);
        project.build();
        Files.createSymbolicLink(project.directory().resolve(OUTPUT + "link"), outside);
        hostile = List.of("../outside/victim.txt", "src/main/resources/victim.txt",
                OUTPUT + "../../../src/main/resources/victim.txt", OUTPUT + "link/victim.txt",
                outside.resolve("victim.txt").toString(), "src/main/graphql/catalog.graphql");
    }

    @Test
    void pendingListEntriesOutsideTheOutputFolderAreIgnored() throws IOException {
        Files.writeString(state(BuilderSession.PENDING_FILE), String.join("\n", hostile) + "\n");

        // Foreign files allowed, so that the link in the output folder does not stop the build before it deletes.
        BuildResult result = new BuilderSession(project.config().allowForeignFiles(true).build()).buildInitial();

        assertVictimsIntact();
        assertTrue(result.notices().stream().anyMatch(n -> n.contains("../outside/victim.txt")), result.notices().toString());
    }

    @Test
    void pendingListEntriesCarryingTheVictimsHashOutsideTheOutputFolderAreIgnored() throws IOException {
        String hash = ContentHash.of(VICTIM_TEXT).hex();
        Files.writeString(state(BuilderSession.PENDING_FILE), hostile.stream().map(p -> hash + " " + p + "\n")
                .reduce("", String::concat));

        BuildResult result = new BuilderSession(project.config().allowForeignFiles(true).build()).buildInitial();

        assertVictimsIntact();
        assertEquals(hostile.size(), result.notices().stream().filter(n -> n.contains(BuilderSession.PENDING_FILE)).count(),
                result.notices().toString());
    }

    @Test
    void aSnapshotWhoseArtifactRecordLiesOutsideTheStateFolderIsUnusable() throws IOException {
        Snapshot snapshot = ((SnapshotStore.Loaded.Found) SnapshotStore.load(state(""))).snapshot();
        for (String path : List.of("../outside/victim.txt", "target/soda-gql/../../src/main/resources/victim.txt",
                OUTPUT + "link/victim.txt")) {
            SnapshotStore.save(state(""), new Snapshot(snapshot.compilerVersion(), snapshot.configHash(),
                    snapshot.schemaHash(), snapshot.schemaInputs(), snapshot.schemaDiagnostics(), snapshot.files(),
                    snapshot.graphDiagnostics(), snapshot.definitions(), snapshot.sharedOutputs(),
                    snapshot.generationDiagnostics(), snapshot.classNames(), snapshot.generated(),
                    java.util.Optional.of(new OutputRecord(new ProjectPath(path), ContentHash.of(VICTIM_TEXT),
                            VICTIM_TEXT.length(), 0))));

            BuildResult result = new BuilderSession(project.config().allowForeignFiles(true).build()).buildInitial();

            assertVictimsIntact();
            assertTrue(result.notices().stream().anyMatch(n -> n.contains("ignoring the snapshot")), path + ": "
                    + result.notices());
        }
    }

    @Test
    void snapshotRecordsOutsideTheOutputFolderMakeItUnusable() throws IOException {
        Snapshot snapshot = ((SnapshotStore.Loaded.Found) SnapshotStore.load(state(""))).snapshot();
        ContentHash hash = ContentHash.of(VICTIM_TEXT);
        List<OutputRecord> forged = hostile.stream().filter(p -> !Path.of(p).isAbsolute())
                .map(p -> new OutputRecord(new ProjectPath(p), hash, VICTIM_TEXT.length(), 0)).toList();
        Map<io.github.sodagql.core.graph.DefinitionId, DefinitionRecord> definitions = new TreeMap<>();
        snapshot.definitions().forEach((id, r) -> definitions.put(id, new DefinitionRecord(id, r.diagnostics(),
                r.artifactEntry(), r.typesUsed(), forged, r.outputsCurrent())));
        SnapshotStore.save(state(""), new Snapshot(snapshot.compilerVersion(), snapshot.configHash(),
                snapshot.schemaHash(), snapshot.schemaInputs(), snapshot.schemaDiagnostics(), snapshot.files(),
                snapshot.graphDiagnostics(), new TreeMap<>(definitions), forged, snapshot.generationDiagnostics(),
                snapshot.classNames(), snapshot.generated(), snapshot.artifactOutput()));
        // Every definition is gone, so a trusting build would delete every output the snapshot records.
        project.write("src/main/graphql/catalog.graphql", "query Other {\n  books {\n    id\n  }\n}\n");

        BuildResult result = new BuilderSession(project.config().allowForeignFiles(true).build()).buildInitial();

        assertVictimsIntact();
        assertTrue(result.notices().stream().anyMatch(n -> n.contains("ignoring the snapshot")), result.notices().toString());
        assertEquals(List.of(), result.diagnostics());
    }

    @Test
    void ledgerEntriesOutsideTheOutputFolderAreIgnored() throws IOException {
        String ledger = "soda-gql outputs 1\n" + hostile.stream().map(p -> ContentHash.of(VICTIM_TEXT).hex() + " " + p + "\n")
                .reduce("", String::concat) + "end\n";
        Files.writeString(state(OutputLedger.FILE), ledger);
        Files.delete(state(SnapshotStore.FILE)); // a full build, which deletes what the ledger owns and does not produce

        BuildResult result = new BuilderSession(project.config().allowForeignFiles(true).build()).buildInitial();

        assertVictimsIntact();
        assertEquals(hostile.size(), result.notices().stream().filter(n -> n.contains("output ledger's entry")).count(),
                result.notices().toString());
    }

    @Test
    void aLinkOnTheWayOfAnOutputIsNeverWrittenThrough() throws IOException {
        Path packageFolder = project.directory().resolve(OUTPUT + "com/example/test");
        try (Stream<Path> files = Files.list(packageFolder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(packageFolder);
        Files.createSymbolicLink(packageFolder, outside);

        BuildResult refused = project.build();
        BuildResult allowed = new BuilderSession(project.config().allowForeignFiles(true).build()).buildInitial();

        assertEquals(List.of(DiagnosticCode.CONFIG_INVALID), refused.diagnostics().stream().map(d -> d.code()).toList());
        assertTrue(allowed.diagnostics().stream().allMatch(d -> d.code() == DiagnosticCode.WRITE_FAILED)
                && !allowed.diagnostics().isEmpty(), allowed.diagnostics().toString());
        try (Stream<Path> files = Files.list(outside)) {
            assertEquals(List.of("victim.txt"), files.map(f -> f.getFileName().toString()).toList());
        }
    }

    private Path state(String file) {
        return project.directory().resolve("target/soda-gql").resolve(file);
    }

    private void assertVictimsIntact() throws IOException {
        assertEquals(VICTIM_TEXT, Files.readString(outside.resolve("victim.txt")));
        assertEquals(VICTIM_TEXT, Files.readString(project.directory().resolve("src/main/resources/victim.txt")));
        assertTrue(Files.isRegularFile(project.directory().resolve("src/main/graphql/catalog.graphql")));
        assertFalse(Files.exists(outside.resolve("BookCard.java")));
    }
}
