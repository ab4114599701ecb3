package io.github.sodagql.core.recompile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Annotation-processor output and the classes deleted sources leave behind, with and without the index (from a third adversarial review). */
class StaleClassProcessorAndLeftoverTest {
    @TempDir
    Path folder;
    Path processor;

    @BeforeEach
    void compileProcessor() throws Exception {
        processor = SimulatedBuild.compileGenProcessor(folder);
    }

    private List<String> processorOptions(Path out, String pkg) {
        return SimulatedBuild.processorOptions(processor, out, pkg);
    }

    /**
     * F1. A processor in the TEST compilation, whose output depends on a main type (the annotated test type
     * extends it). A main edit makes TPerson stale only by the check's marking (incoming), so staleSources of the
     * test compilation is empty and the processor's outputs are not counted as changed; javac compiles TPerson,
     * the processor rewrites GenTPerson, TDep keeps calling the old method.
     */
    @Test
    void testProcessorOutputRewrittenBecauseOfAMarkedSource() throws Exception {
        for (boolean index : new boolean[] {false, true}) {
            SimulatedBuild p = new SimulatedBuild(Files.createTempDirectory(folder, "p"), index);
            Path out = Files.createDirectories(p.root.resolve("test-annotations"));
            p.testProcessorOutputs = List.of(out);
            p.javacOptions = List.of("-g", "-proc:none");
            p.testJavacOptions = processorOptions(out, "app");
            p.write(p.main, "app/Gen.java", "package app; public @interface Gen { }");
            p.write(p.main, "app/Shape.java", "package app; public interface Shape { String name(); }");
            p.write(p.test, "app/TPerson.java", "package app; @Gen public interface TPerson extends Shape { }");
            p.write(p.test, "app/TDep.java", "package app; public class TDep { public static String run() { return GenTPerson.name(); } }");
            p.build();
            p.build();
            p.edit(p.main, "app/Shape.java", "name()", "fullName()");
            p.assertFailsOrRuns(p.build(), "app.TDep", null);
        }
    }

    /**
     * F2. A processor writing into another package (gen) than the annotated type's. After a clean build the index
     * has an empty section for the classes folder, so it never reads gen/ (no source of the compilation is there):
     * the processor's class is unknown to the plan and its users are not made stale.
     */
    @Test
    void processorOutputInAnotherPackage() throws Exception {
        List<SortedSet<String>> marked = new ArrayList<>();
        for (boolean index : new boolean[] {false, true}) {
            SimulatedBuild p = new SimulatedBuild(Files.createTempDirectory(folder, "p"), index);
            Path out = Files.createDirectories(p.root.resolve("generated-annotations"));
            p.processorOutputs = List.of(out);
            p.javacOptions = processorOptions(out, "gen");
            p.write(p.main, "app/Gen.java", "package app; public @interface Gen { }");
            p.write(p.main, "app/Person.java", "package app; @Gen public interface Person { String name(); }");
            p.write(p.main, "app/Dep.java", "package app; public class Dep { public static String run() { return gen.GenPerson.name(); } }");
            p.build();
            p.build();
            p.edit(p.main, "app/Person.java", "name()", "fullName()");
            boolean ok = p.build();
            marked.add(p.lastMarked);
            p.assertFailsOrRuns(ok, "app.Dep", null);
        }
        assertEquals(marked.get(0), marked.get(1), "without the index (left) vs with it (right)");
    }

    /**
     * F3. A deleted source that had no class of its own name (Shapes.java declaring only Circle extends Lib).
     * Its leftover Circle.class is never remembered in the index (stamp NONE is not written), so with the index
     * the orphan does not pass Lib's change on; without it, it does.
     */
    @Test
    void anOrphanWithoutAClassOfItsOwnName() throws Exception {
        List<SortedSet<String>> marked = new ArrayList<>();
        for (boolean index : new boolean[] {false, true}) {
            SimulatedBuild p = new SimulatedBuild(Files.createTempDirectory(folder, "p"), index);
            p.write(p.main, "app/Lib.java", SimulatedBuild.LIB);
            p.write(p.main, "app/Shapes.java", "package app; class Circle extends Lib { }");
            p.write(p.main, "app/Dep.java", "package app; public class Dep { public static String run() { return new Circle().v(); } }");
            p.build();
            p.build();
            Files.delete(p.main.resolve("app/Shapes.java"));
            p.build();
            p.edit(p.main, "app/Lib.java", "v()", "w()");
            boolean ok = p.build();
            marked.add(p.lastMarked);
            p.assertFailsOrRuns(ok, "app.Dep", null);
        }
        assertEquals(marked.get(0), marked.get(1), "without the index (left) vs with it (right)");
    }

    /**
     * F3b. A source deleted after only one build had compiled it (add Orphan.java, build, delete it, build): the
     * index never read its class (a source javac compiled is not remembered, and the next check no longer sees the
     * source), so the orphan is invisible to the index path, while a full read sees it.
     */
    @Test
    void anOrphanDeletedRightAfterItsFirstBuild() throws Exception {
        List<SortedSet<String>> marked = new ArrayList<>();
        for (boolean index : new boolean[] {false, true}) {
            SimulatedBuild p = new SimulatedBuild(Files.createTempDirectory(folder, "p"), index);
            p.write(p.main, "app/Lib.java", SimulatedBuild.LIB);
            p.write(p.main, "app/Dep.java", "package app; public class Dep { public static String run() { return new Lib().v(); } }");
            p.build();
            p.build();
            Thread.sleep(20);
            Files.createDirectories(p.main.resolve("app/o"));
            Files.writeString(p.main.resolve("app/o/Orphan.java"), "package app.o; public class Orphan extends app.Lib { }");
            p.edit(p.main, "app/Dep.java", "new Lib()", "new app.o.Orphan()");
            p.build();
            Files.delete(p.main.resolve("app/o/Orphan.java"));
            p.build();
            p.edit(p.main, "app/Lib.java", "v()", "w()");
            boolean ok = p.build();
            marked.add(p.lastMarked);
            p.assertFailsOrRuns(ok, "app.Dep", null);
        }
        assertEquals(marked.get(0), marked.get(1), "without the index (left) vs with it (right)");
    }
}
