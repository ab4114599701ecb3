package io.github.sodagql.core.recompile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleClassIndexRobustnessTest {
    @TempDir
    Path folder;

    /** The classes folder itself is a link (target/ on another disk): marking must still work. */
    @Test
    void linkedClassesFolderStillMarks() throws Exception {
        for (boolean index : new boolean[] {false, true}) {
            Path root = Files.createTempDirectory(folder, "p");
            SimulatedBuild p = new SimulatedBuild(root, index);
            Path real = Files.createDirectories(root.resolve("real-classes"));
            Files.delete(p.classes);
            Files.createSymbolicLink(p.classes, real);
            p.write(p.main, "app/Lib.java", SimulatedBuild.LIB);
            p.write(p.main, "app/Dep.java", "package app; public class Dep { public static String run() { return new Lib().v(); } }");
            p.build();
            p.build();
            p.edit(p.main, "app/Lib.java", "v()", "w()");
            StaleClassReport r = p.check();
            assertTrue(r.warnings().isEmpty(), r.warnings().toString());
            assertEquals(0, Files.getLastModifiedTime(real.resolve("app/Dep.class")).toMillis(), "Dep not marked; " + r);
        }
    }

    /** A top-level class whose name has a '$' (legal): its inlined constant. */
    @Test
    void dollarInTopLevelName() throws Exception {
        for (boolean index : new boolean[] {false, true}) {
            SimulatedBuild p = new SimulatedBuild(Files.createTempDirectory(folder, "p"), index);
            p.write(p.main, "app/K$Q.java", "package app; public class K$Q { public static final String X = \"old\"; }");
            p.write(p.main, "app/Dep.java", "package app; public class Dep { public static String run() { return K$Q.X; } }");
            p.build();
            p.build();
            p.edit(p.main, "app/K$Q.java", "\"old\"", "\"new\"");
            p.assertFailsOrRuns(p.build(), "app.Dep", "new");
        }
    }

    /** A constant named through a unicode escape: javac reads it, the text search does not. */
    @Test
    void unicodeEscapeName() throws Exception {
        for (boolean index : new boolean[] {false, true}) {
            SimulatedBuild p = new SimulatedBuild(Files.createTempDirectory(folder, "p"), index);
            p.write(p.main, "app/K.java", "package app; public class K { public static final String X = \"old\"; }");
            p.write(p.main, "app/Dep.java", "package app; public class Dep { public static String run() { return \\u004B.X; } }");
            p.build();
            p.build();
            p.edit(p.main, "app/K.java", "\"old\"", "\"new\"");
            p.assertFailsOrRuns(p.build(), "app.Dep", "new");
        }
    }

    /** A forged index entry with a NUL in a deleted source's path. */
    @Test
    void nulInIndexPath() throws Exception {
        SimulatedBuild p = new SimulatedBuild(Files.createTempDirectory(folder, "p"), true);
        p.write(p.main, "app/Lib.java", SimulatedBuild.LIB);
        p.build();
        p.build();
        Path idx = p.state.resolve(CompiledSourceIndex.FILE);
        String text = Files.readString(idx);
        int at = text.indexOf("\nS\t");
        String line = text.substring(at + 1, text.indexOf('\n', at + 1));
        String forged = line.replace("app/Lib.java", "app/X\u0000.java");
        Files.writeString(idx, text.substring(0, text.indexOf('\n', at + 1) + 1) + forged + "\n" + text.substring(text.indexOf('\n', at + 1) + 1));
        StaleClassReport r = p.check();
        assertTrue(r.warnings().isEmpty(), r.toString());
    }

    /** A forged index entry with a very long component. */
    @Test
    void longNameInIndexPath() throws Exception {
        SimulatedBuild p = new SimulatedBuild(Files.createTempDirectory(folder, "p"), true);
        p.write(p.main, "app/Lib.java", SimulatedBuild.LIB);
        p.write(p.main, "app/Dep.java", "package app; public class Dep { public static String run() { return new Lib().v(); } }");
        p.build();
        p.build();
        Path idx = p.state.resolve(CompiledSourceIndex.FILE);
        String text = Files.readString(idx);
        int at = text.indexOf("\nS\t");
        String line = text.substring(at + 1, text.indexOf('\n', at + 1));
        String forged = line.replaceFirst("S\tapp/[A-Za-z]+\\.java", "S\tapp/" + "x".repeat(300) + ".java");
        Files.writeString(idx, text.substring(0, text.indexOf('\n', at + 1) + 1) + forged + "\n" + text.substring(text.indexOf('\n', at + 1) + 1));
        p.edit(p.main, "app/Lib.java", "v()", "w()");
        StaleClassReport r = p.check();
        assertTrue(r.warnings().isEmpty(), r.toString());
        assertTrue(r.marked().contains("app/Dep.java"), r.toString());
    }

    /** Linked classes folder: a removed generated source's class is still deleted. */
    @Test
    void linkedClassesFolderStillDeletes() throws Exception {
        Path root = Files.createTempDirectory(folder, "p");
        SimulatedBuild p = new SimulatedBuild(root, true);
        Path real = Files.createDirectories(root.resolve("real-classes"));
        Files.delete(p.classes);
        Files.createSymbolicLink(p.classes, real);
        p.write(p.gen, "gql/G.java", "package gql; public class G { public String v() { return \"v\"; } }");
        p.write(p.main, "app/Dep.java", "package app; public class Dep { public static String run() { return new gql.G().v(); } }");
        p.build();
        p.build();
        Files.delete(p.gen.resolve("gql/G.java"));
        StaleClassReport r = p.check();
        assertTrue(!Files.exists(real.resolve("gql/G.class")), r.toString());
        assertEquals(0, Files.getLastModifiedTime(real.resolve("app/Dep.class")).toMillis());
    }

    /** No-op cost with 100 leftover classes of deleted sources: only those no stamp stands for are read; no index write. */
    @Test
    void noOpReadsNothing() throws Exception {
        SimulatedBuild p = new SimulatedBuild(Files.createTempDirectory(folder, "p"), true);
        p.write(p.main, "app/Lib.java", SimulatedBuild.LIB);
        for (int i = 0; i < 50; i++) {
            p.write(p.main, "app/o/O" + i + ".java", "package app.o; public class O" + i + " extends app.Lib { public static final int X = " + i + "; }");
            p.write(p.main, "app/s/S" + i + ".java", "package app.s; class C" + i + " extends app.Lib { }");
        }
        p.write(p.main, "app/Dep.java", "package app; public class Dep { public static String run() { return new Lib().v(); } }");
        p.build();
        p.build();
        for (int i = 0; i < 50; i++) {
            Files.delete(p.main.resolve("app/o/O" + i + ".java"));
            Files.delete(p.main.resolve("app/s/S" + i + ".java"));
        }
        p.build();
        p.build();
        FileTime idx = Files.getLastModifiedTime(p.state.resolve(CompiledSourceIndex.FILE));
        StaleClassReport r = p.check();
        // The leftovers of sources with a class of their own name are stamped and not read; the 50 whose
        // source had none (S*.java declaring C*) no stamp stands for, so their folder is listed every time.
        assertEquals(50, r.classesRead());
        assertEquals(idx, Files.getLastModifiedTime(p.state.resolve(CompiledSourceIndex.FILE)));
    }

    /** Sources in UTF-16 (project.build.sourceEncoding=UTF-16): the text search never matches a name. */
    @Test
    void utf16SourcesHideInlinedConstants() throws Exception {
        for (boolean index : new boolean[] {false, true}) {
            SimulatedBuild p = new SimulatedBuild(Files.createTempDirectory(folder, "p"), index);
            p.javacOptions = List.of("-g", "-encoding", "UTF-16");
            Path k = p.main.resolve("app/K.java");
            Files.createDirectories(k.getParent());
            Files.writeString(k, "package app; public class K { public static final String X = \"old\"; }", java.nio.charset.StandardCharsets.UTF_16);
            Files.writeString(p.main.resolve("app/Dep.java"), "package app; public class Dep { public static String run() { return K.X; } }", java.nio.charset.StandardCharsets.UTF_16);
            Files.setLastModifiedTime(k, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
            Files.setLastModifiedTime(p.main.resolve("app/Dep.java"), FileTime.fromMillis(System.currentTimeMillis() - 60_000));
            assertTrue(p.build());
            p.build();
            Thread.sleep(20);
            Files.writeString(k, "package app; public class K { public static final String X = \"new\"; }", java.nio.charset.StandardCharsets.UTF_16);
            p.assertFailsOrRuns(p.build(), "app.Dep", "new");
        }
    }

    /** classes/app links outside: nothing there is touched, and the user is told. */
    @Test
    void linkedPackageFolderIsReadByTheIndexPath() throws Exception {
        SimulatedBuild p = new SimulatedBuild(Files.createTempDirectory(folder, "p"), true);
        p.write(p.main, "app/Lib.java", SimulatedBuild.LIB);
        p.write(p.main, "app/Dep.java", "package app; public class Dep { public static String run() { return new Lib().v(); } }");
        p.build();
        Path outside = Files.createDirectories(p.root.resolve("outside"));
        try (java.util.stream.Stream<Path> s = Files.list(p.classes.resolve("app"))) {
            for (Path f : s.toList()) {
                Files.move(f, outside.resolve(f.getFileName()));
            }
        }
        Files.delete(p.classes.resolve("app"));
        Files.createSymbolicLink(p.classes.resolve("app"), outside);
        p.edit(p.main, "app/Lib.java", "v()", "w()");
        StaleClassReport withIndex = p.check();
        assertTrue(withIndex.warnings().stream().anyMatch(w -> w.contains("symbolic link")), withIndex.toString());
        assertTrue(Files.getLastModifiedTime(outside.resolve("Dep.class")).toMillis() != 0,
                "a file outside the classes folder was touched");
    }
}
