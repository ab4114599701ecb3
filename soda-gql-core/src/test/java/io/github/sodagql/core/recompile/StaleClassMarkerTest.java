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
import java.util.Map;
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
    void theFirstCheckWithClassesReadsThemAllAndTheNextOnlyWhatJavacCompiledSince() throws IOException {
        CompiledProject project = new CompiledProject(folder);
        int classes = classCount(project.classes) + classCount(project.testClasses);
        assertEquals(classes, project.mark().classesRead());
        assertTrue(Files.isRegularFile(project.index()));

        Path hello = project.generated.resolve("com/example/graphql/HelloQuery.java");
        project.edit(hello, "greeting }", "hello }");
        StaleClassReport edit = project.mark();
        assertEquals(0, edit.classesRead(), "the index stands for every class javac has not written since");
        assertTrue(edit.marked().contains("com/example/app/Constants.java"), edit.toString());

        // javac compiles the changed source and the sources made stale: only their classes are read again.
        Map<Path, FileTime> before = stamps(project);
        List<Path> main = new java.util.ArrayList<>(List.of(hello));
        List<Path> tests = new java.util.ArrayList<>();
        for (String source : edit.marked()) {
            (Files.exists(project.main.resolve(source)) ? main : tests).add(
                    Files.exists(project.main.resolve(source)) ? project.main.resolve(source) : project.test.resolve(source));
        }
        project.recompile(main, project.classes);
        project.recompile(tests, project.testClasses);
        Map<Path, FileTime> now = stamps(project);
        long rewritten = now.entrySet().stream().filter(e -> !e.getValue().equals(before.get(e.getKey()))).count();
        assertTrue(rewritten > 0);
        StaleClassReport after = project.mark();
        assertEquals(rewritten, after.classesRead(), after.toString());
        assertTrue(after.classesRead() < classes);
    }

    @Test
    void withAndWithoutTheIndexTheSameClassesAreMadeStale() throws IOException {
        CompiledProject indexed = new CompiledProject(folder.resolve("indexed"));
        CompiledProject unindexed = new CompiledProject(folder.resolve("unindexed"));
        for (CompiledProject project : List.of(indexed, unindexed)) {
            project.mark();
            project.edit(project.main.resolve("com/example/app/Holder.java"), "get()", "fetch()");
            project.edit(project.generated.resolve("com/example/graphql/HelloQuery.java"), "greeting }", "hello }");
        }
        Files.delete(unindexed.index());
        StaleClassReport fromIndex = indexed.mark();
        StaleClassReport fromClasses = unindexed.mark();
        assertEquals(0, fromIndex.classesRead());
        assertTrue(fromClasses.classesRead() > 0);
        assertEquals(fromClasses.marked(), fromIndex.marked());
    }

    @Test
    void aDamagedOrForgedIndexOnlyCostsReadingTheClassesAgain() throws IOException {
        CompiledProject project = new CompiledProject(folder);
        project.mark();
        project.edit(project.generated.resolve("com/example/graphql/HelloQuery.java"), "greeting", "salutation");
        for (String forged : List.of("garbage\n", "# soda-gql: the compiled classes the stale-class check read, by source, v1\n"
                + "T\tcom/example/app/Chain\nC\t" + project.classes.toAbsolutePath() + "\nS\t../../../etc/passwd\t1\t2\t0\t0\t7\n")) {
            Files.writeString(project.index(), forged);
            StaleClassReport report = project.mark();
            assertTrue(report.warnings().isEmpty(), report.toString());
            assertTrue(report.classesRead() > 0);
            assertTrue(report.marked().contains("com/example/app/Chain.java"), report.toString());
            project.edit(project.generated.resolve("com/example/graphql/HelloQuery.java"), "salutation", "greeting");
            for (String source : report.marked()) {
                Path main = project.classes.resolve(StaleClassMarker.classFileOf(source));
                Path test = project.testClasses.resolve(StaleClassMarker.classFileOf(source));
                Files.setLastModifiedTime(Files.exists(main) ? main : test, FileTime.fromMillis(System.currentTimeMillis()));
            }
        }
    }

    @Test
    void anIndexLargerThanTheProjectCouldNeedIsNotRead() throws IOException {
        CompiledProject project = new CompiledProject(folder);
        project.mark();
        // A well-formed index, padded: read, it would be trusted and no class read.
        StringBuilder huge = new StringBuilder(Files.readString(project.index()));
        while (huge.length() <= CompiledSourceIndex.maxBytes(100)) {
            huge.append("T\tx\n");
        }
        Files.writeString(project.index(), huge);
        project.edit(project.generated.resolve("com/example/graphql/HelloQuery.java"), "greeting }", "hello }");
        StaleClassReport report = project.mark();
        assertTrue(report.classesRead() > 0, "the oversized index was not ignored");
        assertTrue(report.marked().contains("com/example/app/Constants.java"), report.toString());
        assertTrue(Files.size(project.index()) < 100_000, "the index was not rewritten");
    }

    @Test
    void aLedgerLineThatIsNotUtf8SpoilsOnlyItself() throws IOException {
        CompiledProject project = new CompiledProject(folder);
        project.mark();
        Path ledger = project.state.resolve(StaleClassMarker.LEDGER_FILE);
        byte[] text = Files.readAllBytes(ledger);
        byte[] spoiled = java.util.Arrays.copyOf(text, text.length + 3);
        spoiled[text.length] = (byte) 0xC3;
        spoiled[text.length + 1] = (byte) 0x28;
        spoiled[text.length + 2] = '\n';
        Files.write(ledger, spoiled);
        Files.delete(project.generated.resolve("com/example/graphql/Badge.java"));
        StaleClassReport report = project.mark();
        assertTrue(report.warnings().isEmpty(), report.toString());
        assertTrue(report.deleted().contains("com/example/graphql/Badge.class"), report.toString());
    }

    @Test
    void testsThatWereNeverCompiledAreNoObstacle() throws IOException {
        CompiledProject project = new CompiledProject(folder);
        try (var walk = Files.walk(project.testClasses)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        project.mark();
        project.edit(project.generated.resolve("com/example/graphql/HelloQuery.java"), "greeting", "salutation");
        StaleClassReport report = project.mark();
        assertTrue(report.warnings().isEmpty(), report.toString());
        assertTrue(report.marked().contains("com/example/app/Chain.java"), report.toString());
        assertEquals(0, report.classesRead(), "the index was not written");
    }

    @Test
    void sourcesUnderALinkedRootAreSeen() throws IOException {
        CompiledProject project = new CompiledProject(folder);
        Path real = folder.resolve("main-real");
        Files.move(project.main, real);
        Files.createSymbolicLink(project.main, real);
        project.mark();
        project.edit(project.generated.resolve("com/example/graphql/HelloQuery.java"), "greeting", "salutation");
        assertTrue(project.mark().marked().contains("com/example/app/Chain.java"));
    }

    private static Map<Path, FileTime> stamps(CompiledProject project) throws IOException {
        Map<Path, FileTime> stamps = new java.util.HashMap<>();
        for (Path classes : List.of(project.classes, project.testClasses)) {
            try (var walk = Files.walk(classes)) {
                for (Path file : (Iterable<Path>) walk.filter(p -> p.toString().endsWith(".class"))::iterator) {
                    stamps.put(file, mtime(file));
                }
            }
        }
        return stamps;
    }

    private static int classCount(Path classes) throws IOException {
        try (var walk = Files.walk(classes)) {
            return (int) walk.filter(p -> p.toString().endsWith(".class")).count();
        }
    }

    @Test
    void identifiersAreMatchedWholeAndNotInsideOtherNames() {
        assertTrue(mentions("import x.HelloQuery;", "HelloQuery"));
        assertTrue(mentions("HelloQuery", "HelloQuery"));
        assertTrue(mentions("String d = HelloQuery.DOCUMENT;", "Other", "HelloQuery"));
        assertFalse(mentions("HelloQueryData x; MyHelloQuery y; $HelloQuery z; HelloQuery_ w;", "HelloQuery"));
        assertFalse(mentions("Hello", "HelloQuery"));
        assertTrue(mentions("/* Grüße */ HelloQuery.DOCUMENT", "HelloQuery"));
    }

    @Test
    void manyNamesAreMatchedWholeToo() {
        String[] many = {"A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "HelloQuery", "Grüße"};
        assertTrue(mentions("x = HelloQuery.DOCUMENT;", many));
        assertTrue(mentions("/* «HelloQuery» */", many));
        assertTrue(mentions("var g = new Grüße();", many));
        assertFalse(mentions("HelloQueryData x; MyHelloQuery y; A10 z; Grüßen w;", many));
    }

    private static boolean mentions(String text, String... names) {
        return StaleClassMarker.mentions(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), Set.of(names));
    }
}
