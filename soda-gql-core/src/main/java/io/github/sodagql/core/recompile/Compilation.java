package io.github.sodagql.core.recompile;

import java.nio.file.Path;
import java.util.List;

/**
 * One javac compilation as maven-compiler-plugin runs it: its source roots and the folder it writes classes
 * to ({@code target/classes} for the main sources, {@code target/test-classes} for the tests).
 */
public record Compilation(List<Path> sourceRoots, Path classesDirectory) {
    public Compilation {
        sourceRoots = List.copyOf(sourceRoots);
    }
}
