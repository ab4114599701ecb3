package io.github.sodagql.core.codegen;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles generated sources in-process, the way a user's build would, with warnings as errors. */
final class JavaSourceCompiler {
    private JavaSourceCompiler() {}

    /** The compiler's output; empty when every file compiled without a warning. */
    static String compile(Path sources, Path classes, List<Path> extraSources) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<Path> files = new ArrayList<>(extraSources);
        try (Stream<Path> walk = Files.walk(sources)) {
            walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
            Files.createDirectories(classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringWriter output = new StringWriter();
        try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, null, null)) {
            List<String> options = List.of("--release", "17", "-Xlint:all", "-Werror", "-proc:none",
                    "-classpath", classes.toString(), "-d", classes.toString(), "-encoding", "UTF-8");
            boolean ok = compiler.getTask(output, fileManager, null, options, null,
                    fileManager.getJavaFileObjectsFromPaths(files)).call();
            return ok ? output.toString() : "FAILED\n" + output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
