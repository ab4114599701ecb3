package io.github.sodagql.core.recompile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan started before the build: used while it matches the folder, scanned again when not. */
class PreparedClassesTest {
    private static final String HELLO = "com/example/graphql/HelloQuery.java";

    @TempDir
    Path folder;

    @Test
    void aPreparedScanIsUsedWhileTheFolderIsUnchanged() throws IOException {
        CompiledProject project = new CompiledProject(folder);
        StaleClassMarker marker = new StaleClassMarker(project.generated, project.state);
        PreparedClasses prepared = marker.prepare(project.compilations());
        prepared.take(project.classes);
        // Bytes the prepared scan did not see, with the same size and mtime: only a fresh scan would read them.
        Path unrelated = project.classes.resolve("com/example/app/Unrelated.class");
        FileTime mtime = Files.getLastModifiedTime(unrelated);
        Files.write(unrelated, new byte[(int) Files.size(unrelated)]);
        Files.setLastModifiedTime(unrelated, mtime);
        project.edit(project.generated.resolve(HELLO), "greeting", "salutation");
        StaleClassReport report = marker.mark(project.compilations(), prepared);
        assertTrue(report.warnings().isEmpty(), report.warnings().toString());
        assertTrue(report.marked().contains("com/example/app/Chain.java"));
    }

    @Test
    void aFolderChangedSinceThePreparedScanIsScannedAgain() throws IOException {
        CompiledProject project = new CompiledProject(folder);
        StaleClassMarker marker = new StaleClassMarker(project.generated, project.state);
        PreparedClasses prepared = marker.prepare(project.compilations());
        int before = prepared.take(project.classes).orElseThrow().parsed();
        Files.copy(project.classes.resolve("com/example/app/Unrelated.class"),
                project.classes.resolve("com/example/app/Extra.class"));
        project.edit(project.generated.resolve(HELLO), "greeting", "salutation");
        StaleClassReport report = marker.mark(project.compilations(), prepared);
        int testClasses = prepared.take(project.testClasses).orElseThrow().parsed();
        assertEquals(before + 1 + testClasses, report.classesRead());
        assertTrue(report.marked().contains("com/example/app/Chain.java"));
    }

    @Test
    void aCheckWithNothingToDoKeepsThePreparedScanForTheNextOne() throws IOException {
        CompiledProject project = new CompiledProject(folder);
        StaleClassMarker marker = new StaleClassMarker(project.generated, project.state);
        PreparedClasses prepared = marker.prepare(project.compilations());
        // The scan ran while the build did (here: to its end before the check).
        prepared.take(project.classes);
        prepared.take(project.testClasses);
        StaleClassReport noop = marker.mark(project.compilations(), prepared);
        assertEquals(0, noop.classesRead());
        assertTrue(Files.exists(ClassIndex.fileFor(project.state, project.classes)));
        project.edit(project.generated.resolve(HELLO), "greeting", "salutation");
        StaleClassReport edit = marker.mark(project.compilations());
        assertEquals(0, edit.classesRead(), edit.toString());
        assertTrue(edit.classesFromIndex() > 0);
        assertFalse(edit.marked().isEmpty());
    }
}
