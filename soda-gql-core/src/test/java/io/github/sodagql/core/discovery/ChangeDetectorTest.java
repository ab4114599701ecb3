package io.github.sodagql.core.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sodagql.core.config.DocumentRoot;
import io.github.sodagql.core.source.ProjectPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeDetectorTest {
    private static final ProjectPath A = ProjectPath.parse("src/main/graphql/a.graphql");
    private static final ProjectPath B = ProjectPath.parse("src/main/graphql/b.graphql");
    private static final ProjectPath C = ProjectPath.parse("src/main/graphql/c.graphql");
    private static final ProjectPath SCHEMA = ProjectPath.parse("src/main/graphql/schema.graphqls");

    @TempDir
    Path project;
    private ChangeDetector detector;

    @BeforeEach
    void writeProject() throws IOException {
        detector = new ChangeDetector(project);
        write(A, "query A { a }\n");
        write(B, "query B { b }\n");
        write(SCHEMA, "type Query { a: Int b: Int }\n");
    }

    private void write(ProjectPath path, String text) throws IOException {
        Path file = path.resolveAgainst(project);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** Moves the file's mtime, as {@code touch} or a checkout does, without changing its content. */
    private void touch(ProjectPath path) throws IOException {
        Path file = path.resolveAgainst(project);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 10_000));
    }

    private ScanResult scan() {
        return new InputScanner(project).scan(List.of(DocumentRoot.of(ProjectPath.parse("src/main/graphql"))));
    }

    /** What a build that read every document now would record. */
    private SortedMap<ProjectPath, Optional<Fingerprint>> known() {
        SortedMap<ProjectPath, Optional<Fingerprint>> known = new TreeMap<>();
        DocumentChanges all = detector.afterScan(scan(), new TreeMap<>(), Set.of(SCHEMA));
        all.changes().forEach(change -> known.put(change.path(), Optional.of(((FileChange.Added) change).fingerprint())));
        return known;
    }

    @Test
    void everyDocumentIsAddedAndReadOnceWhenNothingIsKnown() {
        DocumentChanges changes = detector.afterScan(scan(), new TreeMap<>(), Set.of(SCHEMA));

        assertEquals(List.of(A, B), changes.changes().stream().map(FileChange::path).toList());
        changes.changes().forEach(change -> assertInstanceOf(FileChange.Added.class, change));
        assertEquals(Set.of(A, B), changes.reads().keySet());
        assertEquals(2, changes.scanned());
        assertEquals(2, changes.hashes());
    }

    @Test
    void anUnmovedStatIsNoChangeAndIsNotRead() {
        DocumentChanges changes = detector.afterScan(scan(), known(), Set.of(SCHEMA));

        assertTrue(changes.isEmpty());
        assertEquals(2, changes.statHits());
        assertEquals(0, changes.hashes());
    }

    @Test
    void aTouchUpdateRemovalAndAdditionAreToldApart() throws IOException {
        SortedMap<ProjectPath, Optional<Fingerprint>> known = known();
        touch(A);
        write(B, "query B { b a }\n");
        write(C, "query C { a }\n");
        known.put(ProjectPath.parse("src/main/graphql/gone.graphql"), Optional.empty());

        DocumentChanges changes = detector.afterScan(scan(), known, Set.of(SCHEMA));

        Map<ProjectPath, String> kinds = new TreeMap<>();
        changes.changes().forEach(change -> kinds.put(change.path(), change.kind()));
        assertEquals(Map.of(A, "touched", B, "updated", C, "added",
                ProjectPath.parse("src/main/graphql/gone.graphql"), "removed"), kinds);
        assertEquals(Set.of(B, C), changes.reads().keySet(), "a touched file is not handed on to be parsed");
        assertEquals(Set.of(A), changes.touched().keySet());
        assertTrue(!changes.rebuilt().contains(A));
    }

    @Test
    void aReportedRemovalCountsOnlyForAKnownDocumentAndAnUnreadableOneIsSaid() {
        SortedMap<ProjectPath, Optional<Fingerprint>> known = known();
        ProjectPath missing = ProjectPath.parse("src/main/graphql/missing.graphql");

        DocumentChanges changes = detector.asReported(List.of(B, C), List.of(missing), known, Set.of(SCHEMA));

        assertEquals(List.of(B, missing), changes.changes().stream().map(FileChange::path).toList());
        assertInstanceOf(FileChange.Removed.class, changes.changes().get(0));
        assertInstanceOf(FileChange.Unreadable.class, changes.changes().get(1));
        assertInstanceOf(ReadResult.Unreadable.class, changes.reads().get(missing));
        assertEquals(0, changes.scanned());
    }

    @Test
    void schemaFilesAreHashedOnlyWhenTheirStatMoves() throws IOException {
        InputFingerprints first = detector.schemaFiles(List.of(SCHEMA), new TreeMap<>(), detector.projectFiles());
        assertEquals(1, first.hashes());
        assertTrue(first.contentChanged());

        InputFingerprints same = detector.schemaFiles(List.of(SCHEMA), first.current(), detector.projectFiles());
        assertEquals(0, same.hashes());
        assertEquals(List.of(), same.changes());

        touch(SCHEMA);
        InputFingerprints touched = detector.schemaFiles(List.of(SCHEMA), first.current(), detector.projectFiles());
        assertEquals(1, touched.hashes());
        assertEquals("touched", touched.changes().get(0).kind());
        assertTrue(!touched.contentChanged());

        InputFingerprints removed = detector.schemaFiles(List.of(), first.current(), detector.projectFiles());
        assertEquals("removed", removed.changes().get(0).kind());
        assertTrue(removed.contentChanged());
    }
}
