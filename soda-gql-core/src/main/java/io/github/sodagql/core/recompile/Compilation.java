package io.github.sodagql.core.recompile;

import java.nio.file.Path;
import java.util.List;

/**
 * One javac compilation as maven-compiler-plugin runs it: its source roots, the folder it writes classes to
 * ({@code target/classes} for the main sources, {@code target/test-classes} for the tests), and the folders
 * annotation processors write sources to during it ({@code target/generated-sources/annotations}): those
 * are not source roots before javac runs, and what is in them is rewritten whenever javac compiles anything.
 */
public record Compilation(List<Path> sourceRoots, Path classesDirectory, List<Path> processorOutputs) {
    public Compilation {
        sourceRoots = List.copyOf(sourceRoots);
        processorOutputs = List.copyOf(processorOutputs);
    }

    public Compilation(List<Path> sourceRoots, Path classesDirectory) {
        this(sourceRoots, classesDirectory, List.of());
    }
}
