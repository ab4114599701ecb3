package io.github.sodagql.core.recompile;

import static io.github.sodagql.core.recompile.CompiledProject.mtime;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleClassMarkerTest {
    private static final FileTime STALE = FileTime.fromMillis(0);

    @TempDir
    Path folder;

    @Test
    void aClassUsingAChangedGeneratedTypeWithoutNamingItIsMadeStale() throws IOException {
        CompiledProject project = new CompiledProject(folder);
        project.mark();
        project.edit(project.generated.resolve("com/example/graphql/HelloQuery.java"), "greeting", "salutation");
        StaleClassReport report = project.mark();
        assertTrue(report.marked().contains("com/example/app/Chain.java"), report.toString());
        assertEquals(STALE, mtime(project.classes.resolve("com/example/app/Chain.class")));
    }

    @Test
    void aClassUsingOnlyAnInlinedConstantIsFoundByName() throws IOException {
        CompiledProject project = new CompiledProject(folder);
        project.mark();
        project.edit(project.generated.resolve("com/example/graphql/HelloQuery.java"), "greeting }", "hello }");
        assertTrue(project.mark().marked().contains("com/example/app/Constants.java"));
        assertEquals(STALE, mtime(project.classes.resolve("com/example/app/Constants.class")));
    }

    @Test
    void aConstantCopiedFromAChangedTypePassesTheChangeOn() throws IOException {
        CompiledProject project = new CompiledProject(folder);
        project.mark();
        project.edit(project.generated.resolve("com/example/graphql/HelloQuery.java"), "greeting }", "hello }");
        StaleClassReport report = project.mark();
        assertTrue(report.marked().containsAll(List.of("com/example/app/Relay.java", "com/example/app/RelayUser.java")),
                report.toString());
    }

    @Test
    void onlyDependentsAreTouched() throws IOException {
        CompiledProject project = new CompiledProject(folder);
        project.mark();
        Path unrelated = project.classes.resolve("com/example/app/Unrelated.class");
        Path badgeUser = project.classes.resolve("com/example/app/BadgeUser.class");
        FileTime unrelatedBefore = mtime(unrelated);
        FileTime badgeUserBefore = mtime(badgeUser);
        project.edit(project.generated.resolve("com/example/graphql/HelloQuery.java"), "greeting", "salutation");
        StaleClassReport report = project.mark();
        assertEquals(Set.of("com/example/app/Chain.java", "com/example/app/Constants.java", "com/example/app/Holder.java",
                "com/example/app/Relay.java", "com/example/app/RelayUser.java", "com/example/app/ChainTest.java"),
                Set.copyOf(report.marked()));
        assertEquals(unrelatedBefore, mtime(unrelated));
        assertEquals(badgeUserBefore, mtime(badgeUser));
        assertTrue(report.deleted().isEmpty());
    }

    @Test
    void testClassesUsingAChangedTypeThroughMainCodeAreMadeStale() throws IOException {
        CompiledProject project = new CompiledProject(folder);
        project.mark();
        FileTime unrelatedTest = mtime(project.testClasses.resolve("com/example/app/UnrelatedTest.class"));
        project.edit(project.generated.resolve("com/example/graphql/HelloQuery.java"), "greeting", "salutation");
        project.mark();
        assertEquals(STALE, mtime(project.testClasses.resolve("com/example/app/ChainTest.class")));
        assertEquals(unrelatedTest, mtime(project.testClasses.resolve("com/example/app/UnrelatedTest.class")));
    }

    @Test
    void aRemovedGeneratedSourceLosesItsClassesAndItsUsersAreMadeStale() throws IOException {
        CompiledProject project = new CompiledProject(folder);
        project.mark();
        Files.delete(project.generated.resolve("com/example/graphql/Badge.java"));
        StaleClassReport report = project.mark();
        assertEquals(List.of("com/example/graphql/Badge$Icon.class", "com/example/graphql/Badge.class"), report.deleted());
        assertFalse(Files.exists(project.classes.resolve("com/example/graphql/Badge.class")));
        assertFalse(Files.exists(project.classes.resolve("com/example/graphql/Badge$Icon.class")));
        assertEquals(Set.of("com/example/app/BadgeUser.java", "com/example/graphql/PageQuery.java"), Set.copyOf(report.marked()));
        assertTrue(Files.exists(project.classes.resolve("com/example/app/Unrelated.class")));
    }

    @Test
    void withoutTheLedgerNoClassIsDeleted() throws IOException {
        CompiledProject project = new CompiledProject(folder);
        Files.delete(project.generated.resolve("com/example/graphql/Badge.java"));
        StaleClassReport report = project.mark();
        assertTrue(report.deleted().isEmpty());
        assertTrue(Files.exists(project.classes.resolve("com/example/graphql/Badge.class")));
    }

    @Test
    void aClassWhoseSourceIsInAnotherRootIsNeverDeleted() throws IOException {
        CompiledProject project = new CompiledProject(folder);
        project.mark();
        // The user takes the type over: same path, now in their own source root.
        Path own = project.main.resolve("com/example/graphql/Badge.java");
        Files.createDirectories(own.getParent());
        Files.move(project.generated.resolve("com/example/graphql/Badge.java"), own);
        assertTrue(project.mark().deleted().isEmpty());
        assertTrue(Files.exists(project.classes.resolve("com/example/graphql/Badge.class")));
    }

    @Test
    void withNothingChangedNoClassIsRead() throws IOException {
        CompiledProject project = new CompiledProject(folder);
        project.mark();
        StaleClassReport report = project.mark();
        assertEquals(0, report.classesRead());
        assertFalse(report.touchedAnything());
    }

    @Test
    void anEditedUserSourceMakesItsDependentsStaleToo() throws IOException {
        CompiledProject project = new CompiledProject(folder);
        project.mark();
        project.edit(project.main.resolve("com/example/app/Holder.java"), "get()", "fetch()");
        StaleClassReport report = project.mark();
        assertTrue(report.marked().containsAll(List.of("com/example/app/Chain.java", "com/example/app/ChainTest.java")),
                report.toString());
        assertFalse(report.marked().contains("com/example/app/Holder.java"));
    }

    @Test
    void identifiersAreMatchedWholeAndNotInsideOtherNames() {
        assertTrue(StaleClassMarker.mentions("import x.HelloQuery;", Set.of("HelloQuery")));
        assertFalse(StaleClassMarker.mentions("HelloQueryData x; MyHelloQuery y;", Set.of("HelloQuery")));
    }
}
