package io.github.sodagql.core.recompile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edge cases of the stale-class check and its index (compiled-classes.txt), found by an adversarial review; each failed on
 * 6ad424b. Each builds a tiny project twice, once keeping the index between builds and once deleting it
 * before every check, and simulates maven-compiler-plugin (useIncrementalCompilation=false): javac on the
 * sources whose class is missing or older than the source, into the same folder, that folder on the classpath.
 */
class StaleClassEdgeCaseTest {
    @TempDir
    Path folder;

    /** A user package under javax/ (JSR API projects: javax.cache, javax.money, ...): its types are not indexed. */
    @Test
    void typesInAUserJavaxPackageAreReferencesToo() throws Exception {
        Scenario s = (p, last) -> {
            p.write(p.main, "javax/acme/Greeter.java", "package javax.acme; public class Greeter { public String hello() { return \"hi\"; } }");
            p.write(p.main, "app/Holder.java", "package app; public class Holder { public static javax.acme.Greeter get() { return new javax.acme.Greeter(); } }");
            p.write(p.main, "app/Chain.java", "package app; public class Chain { public static String run() { return Holder.get().hello(); } }");
            p.build();
            p.build();
            p.edit(p.main, "javax/acme/Greeter.java", "hello()", "salute()");
            return last.get(p.check());
        };
        assertSameWithAndWithoutIndex(s, "app/Chain.java");
    }

    /** My.java and My$Type.java (a legal top-level name): both "declare" app/My in the index, one is dropped. */
    @Test
    void aTopLevelClassWithADollarInItsNameDoesNotHideItsNeighbour() throws Exception {
        Scenario s = (p, last) -> {
            p.write(p.main, "app/Lib.java", SimulatedBuild.LIB);
            p.write(p.main, "app/Hold.java", SimulatedBuild.HOLD);
            p.write(p.main, "app/My.java", "package app; public class My { public static String run() { return Hold.get().v(); } }");
            p.write(p.main, "app/My$Type.java", "package app; public class My$Type { }");
            p.build();
            p.build();
            p.edit(p.main, "app/Lib.java", "v()", "w()");
            return last.get(p.check());
        };
        assertSameWithAndWithoutIndex(s, "app/My.java");
    }

    /** The same, after My.java was recompiled once: refresh() skips My.class as "claimed" by My$Type.java. */
    @Test
    void aRecompiledNeighbourOfADollarClassKeepsItsSummary() throws Exception {
        Scenario s = (p, last) -> {
            p.write(p.main, "app/Lib.java", SimulatedBuild.LIB);
            p.write(p.main, "app/Hold.java", SimulatedBuild.HOLD);
            p.write(p.main, "app/My.java", "package app; public class My { public static String run() { return Hold.get().v(); } }");
            p.write(p.main, "app/My$Type.java", "package app; public class My$Type { }");
            p.build();
            p.build();
            p.edit(p.main, "app/My.java", "return Hold", "/* edited */ return Hold");
            p.build();
            p.build();
            p.edit(p.main, "app/Lib.java", "v()", "w()");
            return last.get(p.check());
        };
        assertSameWithAndWithoutIndex(s, "app/My.java");
    }

    /**
     * Dep.class rewritten by javac with the same size and, as on a file system with 1-2 s timestamps (or a tool
     * that restores times), the same mtime: the index keeps Dep's old references (Aaa, not Bbb).
     */
    @Test
    void aClassRewrittenWithTheSameStampIsReadAgain() throws Exception {
        Scenario s = (p, last) -> {
            p.write(p.main, "app/Aaa.java", "package app; public class Aaa { public String v() { return \"a\"; } }");
            p.write(p.main, "app/Bbb.java", "package app; public class Bbb { public String v() { return \"b\"; } }");
            p.write(p.main, "app/Hold.java", "package app; public class Hold { public static Aaa get() { return new Aaa(); } }");
            p.write(p.main, "app/Dep.java", "package app; public class Dep { public static String run() { return Hold.get().v(); } }");
            p.build();
            p.build();
            Path dep = p.classes.resolve("app/Dep.class");
            FileTime before = Files.getLastModifiedTime(dep);
            long size = Files.size(dep);
            p.edit(p.main, "app/Hold.java", "Aaa", "Bbb");
            p.build();
            assertEquals(size, Files.size(dep));
            Files.setLastModifiedTime(dep, before);
            p.edit(p.main, "app/Bbb.java", "v()", "w()");
            return last.get(p.check());
        };
        assertSameWithAndWithoutIndex(s, "app/Dep.java");
    }

    /**
     * Shapes.java declares only Circle (no Shapes.class): javac compiles it in every build, but its changes never
     * make Circle's users stale (without the index as well). With another edit in the same build, the check
     * without the index catches it and the one with the index does not.
     */
    @Test
    void aSourceWithoutAClassOfItsNameStillChangesItsTypes() throws Exception {
        for (boolean otherEdit : new boolean[] {true, false}) {
            Scenario s = (p, last) -> {
                p.write(p.main, "app/Shapes.java", "package app; class Circle { int radius() { return 1; } }");
                p.write(p.main, "app/Geo.java", "package app; class Geo { static Circle circle() { return new Circle(); } }");
                p.write(p.main, "app/Use.java", "package app; public class Use { public static int run() { return Geo.circle().radius(); } }");
                p.write(p.main, "app/Other.java", "package app; public class Other { int x() { return 1; } }");
                p.build();
                p.build();
                p.edit(p.main, "app/Shapes.java", "radius()", "diameter()");
                if (otherEdit) {
                    p.edit(p.main, "app/Other.java", "return 1", "return 2");
                }
                return last.get(p.check());
            };
            assertSameWithAndWithoutIndex(s, "app/Use.java");
        }
    }

    /**
     * The user renames package-private class Shapes to Circle inside Shapes.java: Shapes.class stays behind, its
     * stamp never changes, and Shapes.java's first summary (declares Shapes) is trusted for ever; Circle.class,
     * read again with Geo's folder, is dropped by putIfAbsent.
     */
    @Test
    void aSourceWhoseOwnClassIsLeftBehindIsReadAgain() throws Exception {
        Scenario s = (p, last) -> {
            p.write(p.main, "app/Shapes.java", "package app; class Shapes { int radius() { return 1; } }");
            p.write(p.main, "app/Geo.java", "package app; class Geo { static Shapes circle() { return new Shapes(); } }");
            p.write(p.main, "app/Use.java", "package app; public class Use { public static int run() { return Geo.circle().radius(); } }");
            p.build();
            p.build();
            p.edit(p.main, "app/Shapes.java", "class Shapes", "class Circle");
            p.edit(p.main, "app/Geo.java", "Shapes", "Circle");
            p.build();
            p.build();
            p.edit(p.main, "app/Shapes.java", "radius()", "diameter()");
            return last.get(p.check());
        };
        assertSameWithAndWithoutIndex(s, "app/Use.java");
    }

    /** Dep calls v() on a Base (javac's owner: Base); v() is Lib's, Base's superclass. Lib changes, Base does not. */
    @Test
    void aMemberInheritedThroughAnUnchangedClassCounts() throws Exception {
        Scenario s = (p, last) -> {
            p.write(p.main, "app/Lib.java", SimulatedBuild.LIB);
            p.write(p.main, "app/Base.java", "package app; public class Base extends Lib { }");
            p.write(p.main, "app/Dep.java", "package app; public class Dep { public static String run() { return new Base().v(); } }");
            p.build();
            p.build();
            p.edit(p.main, "app/Lib.java", "v()", "w()");
            return last.get(p.check());
        };
        assertSameWithAndWithoutIndex(s, "app/Dep.java");
    }

    /** A (sparse) 3 GB file named like a class under the classes folder: Files.readAllBytes throws an Error. */
    @Test
    void aHugeForgedClassFileIsAWarningNotAnError() throws Exception {
        SimulatedBuild p = new SimulatedBuild(folder.resolve("huge"), false);
        p.write(p.main, "app/Lib.java", SimulatedBuild.LIB);
        p.build();
        try (RandomAccessFile f = new RandomAccessFile(p.classes.resolve("app/Huge.class").toFile(), "rw")) {
            f.setLength(3L << 30);
        }
        p.edit(p.main, "app/Lib.java", "\"v\"", "\"w\"");
        StaleClassReport report;
        try {
            report = p.check();
        } catch (OutOfMemoryError e) { // JUnit would rethrow it and kill the fork, as it kills a Maven build
            throw new AssertionError("the check threw " + e, e);
        }
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("Huge.class")), report.toString());
    }

    /** A class file that is a link to a file outside the classes folder: that file is left alone, with a warning. */
    @Test
    void aLinkedClassFileLeavesItsTargetAlone() throws Exception {
        SimulatedBuild p = new SimulatedBuild(folder.resolve("link"), false);
        p.write(p.main, "app/Lib.java", SimulatedBuild.LIB);
        p.write(p.main, "app/Dep.java", "package app; public class Dep { String r() { return new Lib().v(); } }");
        p.build();
        Path outside = Files.createDirectories(folder.resolve("outside")).resolve("victim.class");
        Files.move(p.classes.resolve("app/Dep.class"), outside);
        Files.createSymbolicLink(p.classes.resolve("app/Dep.class"), outside);
        FileTime before = Files.getLastModifiedTime(outside);
        p.edit(p.main, "app/Lib.java", "\"v\"", "\"w\"");
        StaleClassReport report = p.check();
        assertEquals(before, Files.getLastModifiedTime(outside), "a file outside the classes folder was touched");
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("Dep.class is a symbolic link")), report.toString());
    }

    // --- harness ---

    interface Last {
        SortedSet<String> get(StaleClassReport report);
    }

    interface Scenario {
        SortedSet<String> run(SimulatedBuild project, Last last) throws Exception;
    }

    /** The sources marked with the index kept, and with it deleted before each check, must be the same and hold {@code dependent}. */
    private void assertSameWithAndWithoutIndex(Scenario scenario, String dependent) throws Exception {
        Last last = report -> new TreeSet<>(report.marked());
        SortedSet<String> without = scenario.run(new SimulatedBuild(Files.createTempDirectory(folder, "without"), false), last);
        SortedSet<String> with = scenario.run(new SimulatedBuild(Files.createTempDirectory(folder, "with"), true), last);
        assertEquals(without, with, "with the index (right) vs without (left)");
        assertTrue(with.contains(dependent), dependent + " must be made stale; marked: " + with);
    }
}
