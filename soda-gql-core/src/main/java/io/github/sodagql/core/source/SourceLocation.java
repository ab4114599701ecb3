package io.github.sodagql.core.source;

import java.util.Comparator;
import java.util.Objects;

/** A 1-based line and column in a project file; printed as {@code file:line:column}, like javac. */
public record SourceLocation(ProjectPath file, int line, int column) implements Comparable<SourceLocation> {

    private static final Comparator<SourceLocation> ORDER = Comparator.comparing(SourceLocation::file)
            .thenComparingInt(SourceLocation::line)
            .thenComparingInt(SourceLocation::column);

    public SourceLocation {
        Objects.requireNonNull(file, "file");
    }

    /** The start of a file, for problems that concern the whole file. */
    public static SourceLocation startOf(ProjectPath file) {
        return new SourceLocation(file, 1, 1);
    }

    @Override
    public int compareTo(SourceLocation other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
