package io.github.sodagql.core.codegen;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated sources in-process, the way a user's build would, with warnings as errors. It can also
 * say where javac spent its time (parse, enter, analyze, generate), for reports; nothing asserts on it.
 */
final class JavaSourceCompiler {
    private JavaSourceCompiler() {}

    /**
     * The {@code nullability} the corpus and round-trip tests generate with: {@code none}, or {@code jspecify} with
     * {@code -Dsodagql.test.nullability=jspecify}, which also puts the JSpecify jar on every compilation's classpath.
     */
    static final String TEST_NULLABILITY = System.getProperty("sodagql.test.nullability", "none");

    /** The compiler's output; empty when every file compiled without a warning. */
    static String compile(Path sources, Path classes, List<Path> extraSources) {
        return measure(sources, classes, extraSources).output();
    }

    /** Like {@link #compile(Path, Path, List)}, with jars (say, annotations the sources use) on the classpath. */
    static String compile(Path sources, Path classes, List<Path> extraSources, List<Path> classpath) {
        return measure(sources, classes, extraSources, classpath).output();
    }

    /**
     * What a compilation of a generated tree cost.
     *
     * @param output javac's output, empty when clean; starts with {@code FAILED} when it failed
     * @param phaseMillis wall time while javac was in each phase (analyze covers attribution, flow and desugar)
     */
    record Measurement(String output, int files, long lines, long bytes, long classes, long totalMillis,
            Map<TaskEvent.Kind, Long> phaseMillis) {
        /** One line for a report, with the per-definition figures when {@code definitions > 0}. */
        String summary(String label, int definitions) {
            StringBuilder text = new StringBuilder(String.format(
                    "%s: %d files, %d lines, %d bytes, %d classes; javac %d ms (parse %d, enter %d, analyze %d, generate %d)",
                    label, files, lines, bytes, classes, totalMillis, phase(TaskEvent.Kind.PARSE),
                    phase(TaskEvent.Kind.ENTER), phase(TaskEvent.Kind.ANALYZE), phase(TaskEvent.Kind.GENERATE)));
            if (definitions > 0) {
                text.append(String.format("; per definition: %.1f lines, %.2f classes, %.1f ms javac",
                        (double) lines / definitions, (double) classes / definitions, (double) totalMillis / definitions));
            }
            return text.toString();
        }

        private long phase(TaskEvent.Kind kind) {
            return phaseMillis.getOrDefault(kind, 0L);
        }
    }

    /** Compiles like {@link #compile} and measures the sources, the classes written and javac's phases. */
    static Measurement measure(Path sources, Path classes, List<Path> extraSources) {
        return measure(sources, classes, extraSources, TEST_NULLABILITY.equals("jspecify") ? List.of(jspecifyJar()) : List.of());
    }

    /** The jar of the JSpecify annotations, from the test classpath. */
    static Path jspecifyJar() {
        try {
            return Path.of(org.jspecify.annotations.Nullable.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Measurement measure(Path sources, Path classes, List<Path> extraSources, List<Path> classpath) {
        List<String> path = new ArrayList<>(List.of(classes.toString()));
        classpath.forEach(jar -> path.add(jar.toString()));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<Path> files = new ArrayList<>(extraSources);
        long lines = 0;
        long bytes = 0;
        try (Stream<Path> walk = Files.walk(sources)) {
            walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
            for (Path file : files) {
                byte[] content = Files.readAllBytes(file);
                bytes += content.length;
                lines += new String(content, StandardCharsets.UTF_8).lines().count();
            }
            Files.createDirectories(classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringWriter output = new StringWriter();
        PhaseClock clock = new PhaseClock();
        long start = System.nanoTime();
        boolean ok;
        try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, null, null)) {
            List<String> options = List.of("--release", "17", "-Xlint:all", "-Werror", "-proc:none",
                    "-classpath", String.join(java.io.File.pathSeparator, path), "-d", classes.toString(), "-encoding", "UTF-8");
            JavacTask task = (JavacTask) compiler.getTask(output, fileManager, null, options, null,
                    fileManager.getJavaFileObjectsFromPaths(files));
            task.addTaskListener(clock);
            ok = task.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long totalMillis = (System.nanoTime() - start) / 1_000_000;
        long classFiles;
        try (Stream<Path> walk = Files.walk(classes)) {
            classFiles = walk.filter(p -> p.toString().endsWith(".class")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Measurement(ok ? output.toString() : "FAILED\n" + output, files.size(), lines, bytes, classFiles,
                totalMillis, clock.millis());
    }

    /** Wall time while at least one event of a kind is open; javac opens some kinds for many units at once. */
    private static final class PhaseClock implements TaskListener {
        private final Map<TaskEvent.Kind, Integer> open = new EnumMap<>(TaskEvent.Kind.class);
        private final Map<TaskEvent.Kind, Long> since = new EnumMap<>(TaskEvent.Kind.class);
        private final Map<TaskEvent.Kind, Long> nanos = new EnumMap<>(TaskEvent.Kind.class);

        @Override
        public void started(TaskEvent event) {
            if (open.merge(event.getKind(), 1, Integer::sum) == 1) {
                since.put(event.getKind(), System.nanoTime());
            }
        }

        @Override
        public void finished(TaskEvent event) {
            Integer count = open.get(event.getKind());
            if (count == null) {
                return;
            }
            if (count == 1) {
                open.remove(event.getKind());
                nanos.merge(event.getKind(), System.nanoTime() - since.get(event.getKind()), Long::sum);
            } else {
                open.put(event.getKind(), count - 1);
            }
        }

        Map<TaskEvent.Kind, Long> millis() {
            Map<TaskEvent.Kind, Long> millis = new EnumMap<>(TaskEvent.Kind.class);
            nanos.forEach((kind, value) -> millis.put(kind, value / 1_000_000));
            return millis;
        }
    }

    /** Measures a generated tree: {@code JavaSourceCompiler SOURCES CLASSES [DEFINITIONS]}. */
    public static void main(String[] args) {
        Measurement measurement = measure(Path.of(args[0]), Path.of(args[1]), List.of());
        System.out.println(measurement.summary(args[0], args.length > 2 ? Integer.parseInt(args[2]) : 0));
        if (!measurement.output().isEmpty()) {
            System.out.println(measurement.output().lines().limit(40).reduce("", (a, b) -> a + b + "\n"));
        }
    }
}
