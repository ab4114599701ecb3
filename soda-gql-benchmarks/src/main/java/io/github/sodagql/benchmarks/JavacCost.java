package io.github.sodagql.benchmarks;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * What a generated tree costs javac, without Maven (issue 14): the best of N in-process compiles in one JVM
 * (the first ones warm the compiler up), split by javac's phases, with the tree's size beside it: files,
 * lines, and the class files written (top-level and nested). Same options as {@code javac-generated}:
 * {@code java -cp ... io.github.sodagql.benchmarks.JavacCost GENERATED_DIR[,OTHER_DIR...] [RUNS] [DEFINITIONS]};
 * several trees (before and after a change) are compiled in turn in the same JVM.
 */
final class JavacCost {
    private JavacCost() {}

    public static void main(String[] args) throws IOException {
        List<Path> trees = java.util.Arrays.stream(args[0].split(",")).map(Path::of).toList();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int definitions = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        List<Tree> measured = new java.util.ArrayList<>();
        for (Path tree : trees) {
            measured.add(new Tree(tree));
        }
        // Runs alternate between the trees, so a busy machine or a warming JIT weighs on each alike.
        for (int run = 1; run <= runs; run++) {
            for (Tree tree : measured) {
                tree.compileOnce(run);
            }
        }
        for (Tree tree : measured) {
            System.out.printf(Locale.ROOT, "%s: files %,d | lines %,d | classes %,d (%,d top-level, %,d nested) | javac best of %d %,d ms %s%n",
                    tree.root, tree.sources.size(), tree.lines, tree.topLevel + tree.nested, tree.topLevel, tree.nested, runs,
                    tree.best, millis(tree.bestPhases));
            if (definitions > 0) {
                System.out.printf(Locale.ROOT, "  per definition (%,d): lines %.1f | classes %.2f | javac %.2f ms%n", definitions,
                        (double) tree.lines / definitions, (double) (tree.topLevel + tree.nested) / definitions,
                        (double) tree.best / definitions);
            }
        }
    }

    /** One generated tree and its best compile so far. */
    private static final class Tree {
        final Path root;
        final List<Path> sources;
        long lines;
        long best = Long.MAX_VALUE;
        Map<TaskEvent.Kind, Long> bestPhases = Map.of();
        int topLevel;
        int nested;

        Tree(Path root) throws IOException {
            this.root = root;
            try (Stream<Path> files = Files.walk(root)) {
                sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
            }
            for (Path source : sources) {
                try (Stream<String> text = Files.lines(source)) {
                    lines += text.count();
                }
            }
        }

        void compileOnce(int run) throws IOException {
            Path into = Files.createTempDirectory("javac-cost");
            Map<TaskEvent.Kind, Long> phases = new EnumMap<>(TaskEvent.Kind.class);
            long wall = compile(sources, into, phases);
            System.out.printf(Locale.ROOT, "%s run %d: %,d ms %s%n", root, run, wall, millis(phases));
            if (wall < best) {
                best = wall;
                bestPhases = phases;
            }
            try (Stream<Path> classes = Files.walk(into)) {
                List<String> names = classes.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class")).toList();
                nested = (int) names.stream().filter(n -> n.contains("$")).count();
                topLevel = names.size() - nested;
            }
            Fixture.deleteTree(into);
        }
    }

    /** One compile; adds the nanoseconds between each phase's start and finish events to {@code phases}. */
    private static long compile(List<Path> sources, Path into, Map<TaskEvent.Kind, Long> phases) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter log = new StringWriter();
        long start = System.nanoTime();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) compiler.getTask(log, files, null,
                    List.of("-d", into.toString(), "--release", "17", "-encoding", "UTF-8", "-proc:none", "-nowarn"), null,
                    files.getJavaFileObjectsFromPaths(sources));
            Map<TaskEvent.Kind, Long> started = new EnumMap<>(TaskEvent.Kind.class);
            task.addTaskListener(new TaskListener() {
                @Override
                public void started(TaskEvent e) {
                    started.put(e.getKind(), System.nanoTime());
                }

                @Override
                public void finished(TaskEvent e) {
                    Long since = started.remove(e.getKind());
                    if (since != null) {
                        phases.merge(e.getKind(), System.nanoTime() - since, Long::sum);
                    }
                }
            });
            if (!task.call()) {
                throw new IllegalStateException("javac failed:\n" + log);
            }
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String millis(Map<TaskEvent.Kind, Long> phases) {
        StringBuilder text = new StringBuilder("(");
        phases.forEach((kind, nanos) -> text.append(text.length() > 1 ? ", " : "")
                .append(kind.name().toLowerCase(Locale.ROOT)).append(' ').append(String.format(Locale.ROOT, "%,d", nanos / 1_000_000)));
        return text.append(" ms)").toString();
    }
}
