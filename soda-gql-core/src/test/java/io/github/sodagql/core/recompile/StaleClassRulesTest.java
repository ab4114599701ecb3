package io.github.sodagql.core.recompile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check's rules on real javac output, from a second adversarial review. Each test builds a tiny project
 * with the index kept and with it deleted before every check; a build is the check (main + test compilations)
 * then javac on exactly the stale sources (maven-compiler-plugin, useIncrementalCompilation=false). The promise
 * checked: the last build either fails to compile, or the program it leaves behaves as a clean build's would
 * (no NoSuchMethodError, no stale inlined constant). Each test failed before the rule it covers.
 */
class StaleClassRulesTest {
    @TempDir
    Path folder;

    /**
     * `final String y = K.X;` is a constant variable (JLS 4.12.4) even though it is not static; a subclass's
     * `return y;` inlines it. Mid is compiled again (it names K) but does not pass the change on.
     */
    @Test
    void anInstanceConstantInlinedByASubclassPassesTheChangeOn() throws Exception {
        for (boolean index : new boolean[] {false, true}) {
            SimulatedBuild p = new SimulatedBuild(Files.createTempDirectory(folder, "p"), index);
            p.write(p.main, "app/K.java", "package app; public class K { public static final String X = \"old\"; }");
            p.write(p.main, "app/Mid.java", "package app; public class Mid { public final String y = K.X; }");
            p.write(p.main, "app/Dep.java", "package app; public class Dep extends Mid { public static String run() { return new Dep().get(); } String get() { return y; } }");
            p.build();
            p.build();
            p.edit(p.main, "app/K.java", "\"old\"", "\"new\"");
            p.assertFailsOrRuns(p.build(), "app.Dep", "new");
        }
    }

    /**
     * An annotation processor (Immutables, AutoValue, Dagger...) rewrites GenPerson when Person.java is compiled
     * again; GenPerson's users are never made stale.
     */
    @Test
    void aTypeAnAnnotationProcessorRewritesReachesItsUsers() throws Exception {
        Path processor = SimulatedBuild.compileGenProcessor(folder);
        for (boolean index : new boolean[] {false, true}) {
            SimulatedBuild p = new SimulatedBuild(Files.createTempDirectory(folder, "p"), index);
            p.processorOutputs = List.of(Files.createDirectories(p.root.resolve("generated-annotations")));
            p.javacOptions = SimulatedBuild.processorOptions(processor, p.processorOutputs.get(0), "app");
            p.write(p.main, "app/Gen.java", "package app; public @interface Gen { }");
            p.write(p.main, "app/Person.java", "package app; @Gen public interface Person { String name(); }");
            p.write(p.main, "app/Dep.java", "package app; public class Dep { public static String run() { return GenPerson.name(); } }");
            p.build();
            p.build();
            p.edit(p.main, "app/Person.java", "name()", "fullName()");
            p.assertFailsOrRuns(p.build(), "app.Dep", null);
        }
    }

    /**
     * Orphan.java deleted (its class stays: documented), Orphan extends Lib, Dep calls new Orphan().v(). Without
     * the index the orphan's class passes Lib's change on to Dep (javac then fails); with it, Dep keeps a class
     * that throws NoSuchMethodError.
     */
    @Test
    void anOrphanSubclassIsTheSameWithAndWithoutTheIndex() throws Exception {
        List<SortedSet<String>> marked = new ArrayList<>();
        for (boolean index : new boolean[] {false, true}) {
            SimulatedBuild p = new SimulatedBuild(Files.createTempDirectory(folder, "p"), index);
            p.write(p.main, "app/Lib.java", SimulatedBuild.LIB);
            p.write(p.main, "app/Orphan.java", "package app; public class Orphan extends Lib { }");
            p.write(p.main, "app/Dep.java", "package app; public class Dep { public static String run() { return new Orphan().v(); } }");
            p.build();
            p.build();
            Files.delete(p.main.resolve("app/Orphan.java"));
            p.build();
            p.edit(p.main, "app/Lib.java", "v()", "w()");
            boolean ok = p.build();
            marked.add(p.lastMarked);
            p.assertFailsOrRuns(ok, "app.Dep", null);
        }
        assertEquals(marked.get(0), marked.get(1), "without the index (left) vs with it (right)");
    }

    /** classes/app is a link to a folder outside the classes folder: the index path reads and marks through it. */
    @Test
    void aLinkedPackageFolderIsNeitherReadNorTouchedThroughTheIndex() throws Exception {
        SimulatedBuild p = new SimulatedBuild(Files.createTempDirectory(folder, "p"), true);
        p.write(p.main, "app/Lib.java", SimulatedBuild.LIB);
        p.write(p.main, "app/Dep.java", "package app; public class Dep { public static String run() { return new Lib().v(); } }");
        p.build();
        Path outside = Files.createDirectories(p.root.resolve("outside"));
        try (Stream<Path> s = Files.list(p.classes.resolve("app"))) {
            for (Path f : s.toList()) {
                Files.move(f, outside.resolve(f.getFileName()));
            }
        }
        Files.delete(p.classes.resolve("app"));
        Files.createSymbolicLink(p.classes.resolve("app"), outside);
        p.build();
        FileTime before = Files.getLastModifiedTime(outside.resolve("Dep.class"));
        p.edit(p.main, "app/Lib.java", "v()", "w()");
        p.check();
        assertEquals(before, Files.getLastModifiedTime(outside.resolve("Dep.class")), "a file outside the classes folder was touched");
    }

    // --- harness ---
}
