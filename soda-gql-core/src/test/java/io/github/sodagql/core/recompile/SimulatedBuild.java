package io.github.sodagql.core.recompile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * A tiny project built as maven-compiler-plugin builds it with {@code useIncrementalCompilation=false}: the
 * stale-class check over the main and test compilations, then javac on exactly the sources whose class is
 * missing or older than the source. With {@code keepIndex} false the check's index is deleted before every
 * check, so a test can compare what the index decides with what a full read decides.
 */
final class SimulatedBuild {
    /** A class with one method, and one that hands it out: the usual start of a scenario. */
    static final String LIB = "package app; public class Lib { public String v() { return \"v\"; } }";
    static final String HOLD = "package app; public class Hold { public static Lib get() { return new Lib(); } }";

    final Path root, gen, main, test, classes, testClasses, state;
    final boolean keepIndex;
    List<String> javacOptions = List.of("-g");
    SortedSet<String> lastMarked = new TreeSet<>();
    List<Path> processorOutputs = List.of();
    List<Path> testProcessorOutputs = List.of();
    List<String> testJavacOptions = null;

    /**
     * Compiles a small annotation processor into {@code folder}: for each type annotated {@code @app.Gen} it
     * writes {@code Gen<Type>} (in package {@code app}, or the {@code -Agenpkg} option's) with a static method
     * per method of the type, inherited ones included, as Immutables or AutoValue derive their types.
     */
    static Path compileGenProcessor(Path folder) throws IOException {
        Path processor = Files.createDirectories(folder.resolve("processor"));
        Path source = processor.resolve("GenProcessor.java");
        Files.writeString(source, """
                import java.io.Writer;
                import java.util.Set;
                import javax.annotation.processing.*;
                import javax.lang.model.SourceVersion;
                import javax.lang.model.element.*;
                import javax.lang.model.util.ElementFilter;
                @SupportedAnnotationTypes("app.Gen")
                @SupportedOptions("genpkg")
                public class GenProcessor extends AbstractProcessor {
                    @Override public SourceVersion getSupportedSourceVersion() { return SourceVersion.latestSupported(); }
                    @Override public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment env) {
                        String pkg = processingEnv.getOptions().getOrDefault("genpkg", "app");
                        for (TypeElement a : annotations) for (Element e : env.getElementsAnnotatedWith(a)) {
                            String name = "Gen" + e.getSimpleName();
                            StringBuilder b = new StringBuilder("package " + pkg + "; public final class " + name + " {\\n");
                            for (ExecutableElement m : ElementFilter.methodsIn(processingEnv.getElementUtils().getAllMembers((TypeElement) e))) {
                                if (m.getEnclosingElement().toString().equals("java.lang.Object")) continue;
                                b.append("public static String ").append(m.getSimpleName()).append("() { return \\"").append(m.getSimpleName()).append("\\"; }\\n");
                            }
                            try (Writer w = processingEnv.getFiler().createSourceFile(pkg + "." + name, e).openWriter()) { w.write(b.append("}\\n").toString()); }
                            catch (Exception x) { throw new RuntimeException(x); }
                        }
                        return true;
                    }
                }
                """);
        if (ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", processor.toString(), source.toString()) != 0) {
            throw new AssertionError("the test processor does not compile");
        }
        return processor;
    }

    /** javac options that run the processor, writing its sources to {@code out}, in package {@code pkg}. */
    static List<String> processorOptions(Path processor, Path out, String pkg) {
        return List.of("-g", "-processorpath", processor.toString(), "-processor", "GenProcessor", "-s", out.toString(),
                "-Agenpkg=" + pkg);
    }

    SimulatedBuild(Path root, boolean keepIndex) throws IOException {
        this.root = root;
        this.keepIndex = keepIndex;
        gen = Files.createDirectories(root.resolve("generated"));
        main = Files.createDirectories(root.resolve("main"));
        test = Files.createDirectories(root.resolve("test"));
        classes = Files.createDirectories(root.resolve("classes"));
        testClasses = Files.createDirectories(root.resolve("test-classes"));
        state = Files.createDirectories(root.resolve("state"));
    }

    void write(Path dir, String rel, String text) throws IOException {
        Path file = dir.resolve(rel);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    }

    void edit(Path dir, String rel, String from, String to) throws Exception {
        Path file = dir.resolve(rel);
        String text = Files.readString(file);
        assertTrue(text.contains(from));
        Thread.sleep(20);
        Files.writeString(file, text.replace(from, to));
        Thread.sleep(20);
    }

    StaleClassReport check() throws IOException {
        if (!keepIndex) {
            Files.deleteIfExists(state.resolve(CompiledSourceIndex.FILE));
        }
        StaleClassReport report = new StaleClassMarker(gen, state).mark(List.of(
                new Compilation(List.of(main, gen), classes, processorOutputs), new Compilation(List.of(test), testClasses, testProcessorOutputs)));
        lastMarked = new TreeSet<>(report.marked());
        return report;
    }

    /** A check, then javac on the stale sources of main then tests; whether both compiled. */
    boolean build() throws Exception {
        check();
        Thread.sleep(20);
        return javac(List.of(main, gen), classes, classes.toString())
                && javac(List.of(test), testClasses, testClasses + File.pathSeparator + classes);
    }

    boolean javac(List<Path> roots, Path into, String classpath) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("-d", into.toString(), "-classpath", classpath));
        arguments.addAll(into.equals(testClasses) && testJavacOptions != null ? testJavacOptions : javacOptions);
        int fixed = arguments.size();
        for (Path r : roots) {
            try (Stream<Path> walk = Files.walk(r)) {
                for (Path s : (Iterable<Path>) walk.filter(f -> f.toString().endsWith(".java")).sorted()::iterator) {
                    String rel = r.relativize(s).toString();
                    Path cls = into.resolve(rel.substring(0, rel.length() - 5) + ".class");
                    if (!Files.exists(cls) || Files.getLastModifiedTime(s).toMillis() > Files.getLastModifiedTime(cls).toMillis()) {
                        arguments.add(s.toString());
                    }
                }
            }
        }
        if (arguments.size() == fixed) {
            return true;
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        return ToolProvider.getSystemJavaCompiler().run(null, errors, errors, arguments.toArray(String[]::new)) == 0;
    }

    /** The build failed to compile (right), or the program runs and (if given) returns what a clean build's returns. */
    void assertFailsOrRuns(boolean compiled, String type, Object expected) throws Exception {
        if (!compiled) {
            return;
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {testClasses.toUri().toURL(), classes.toUri().toURL()}, null)) {
            Object result = loader.loadClass(type).getMethod("run").invoke(null);
            if (expected != null) {
                assertEquals(expected, result, (keepIndex ? "with" : "without") + " the index: a stale class survived");
            }
        } catch (java.lang.reflect.InvocationTargetException e) {
            fail((keepIndex ? "with" : "without") + " the index: the build succeeded and " + type + ".run() throws "
                    + e.getCause() + "; marked " + lastMarked);
        }
    }
}
