package io.github.sodagql.core.recompile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The test project under {@code src/test/resources/recompile/project} copied into a folder and compiled as
 * Maven would: generated and main sources into {@code classes}, the tests into {@code test-classes}.
 */
final class CompiledProject {
    final Path root;
    final Path generated;
    final Path main;
    final Path test;
    final Path classes;
    final Path testClasses;
    final Path state;

    CompiledProject(Path root) throws IOException {
        this.root = root;
        Path source = Path.of("src/test/resources/recompile/project");
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                Path copy = root.resolve(source.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
                // Sources older than anything javac writes, as after a checkout.
                Files.setLastModifiedTime(copy, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
            }
        }
        generated = root.resolve("generated");
        main = root.resolve("main");
        test = root.resolve("test");
        classes = root.resolve("classes");
        testClasses = root.resolve("test-classes");
        state = root.resolve("state");
        compile(List.of(generated, main), classes, List.of());
        compile(List.of(test), testClasses, List.of(classes));
    }

    List<Compilation> compilations() {
        return List.of(new Compilation(List.of(main, generated), classes), new Compilation(List.of(test), testClasses));
    }

    StaleClassReport mark() {
        return new StaleClassMarker(generated, state).mark(compilations());
    }

    /** Rewrites a source, newer than its class, as soda-gql does when a generated file's bytes change. */
    void edit(Path source, String from, String to) throws IOException {
        String text = Files.readString(source);
        Files.writeString(source, text.replace(from, to));
        Files.setLastModifiedTime(source, FileTime.fromMillis(System.currentTimeMillis() + 10_000));
    }

    /** Compiles the given sources again into a classes folder, as the compiler plugin does with stale ones. */
    void recompile(List<Path> sources, Path into) {
        if (sources.isEmpty()) {
            return;
        }
        List<String> arguments = new ArrayList<>(List.of("-d", into.toString(), "-encoding", "UTF-8",
                "-classpath", into + java.io.File.pathSeparator + classes));
        sources.forEach(source -> arguments.add(source.toString()));
        run(arguments);
    }

    Path index() {
        return state.resolve(CompiledSourceIndex.FILE);
    }

    static FileTime mtime(Path file) throws IOException {
        return Files.getLastModifiedTime(file);
    }

    private static void compile(List<Path> roots, Path into, List<Path> classpath) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("-d", into.toString(), "-encoding", "UTF-8"));
        if (!classpath.isEmpty()) {
            arguments.addAll(List.of("-classpath", classpath.get(0).toString()));
        }
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> arguments.add(p.toString()));
            }
        }
        Files.createDirectories(into);
        run(arguments);
    }

    private static void run(List<String> arguments) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        int status = javac.run(null, errors, errors, arguments.toArray(String[]::new));
        assertEquals(0, status, errors::toString);
    }
}
