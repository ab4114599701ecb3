package io.github.sodagql.core.source;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A path relative to the project directory, normalized, with {@code /} separators. It may start with
 * {@code ../} segments (a schema kept in a sibling module). Conversion to {@link Path} happens only at
 * the edges (discovery and output), through {@link #of} and {@link #resolveAgainst}.
 */
public record ProjectPath(String value) implements Comparable<ProjectPath> {

    public ProjectPath {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.startsWith("/") || value.contains("\\") || hasDriveLetter(value)) {
            throw new IllegalArgumentException("Not a project-relative path: '" + value + "'");
        }
    }

    // Not String.matches: this runs for every path of a snapshot load.
    private static boolean hasDriveLetter(String value) {
        if (value.length() < 2 || value.charAt(1) != ':') {
            return false;
        }
        char first = value.charAt(0);
        return (first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z');
    }

    /** Parses a relative path written by a user or a file, with either separator. */
    public static ProjectPath parse(String relative) {
        String normalized = Path.of(relative.replace('\\', '/')).normalize().toString().replace('\\', '/');
        return new ProjectPath(normalized.isEmpty() ? "." : normalized);
    }

    /** The path of {@code file} relative to {@code projectDirectory}. */
    public static ProjectPath of(Path projectDirectory, Path file) {
        Path base = projectDirectory.toAbsolutePath().normalize();
        Path target = file.toAbsolutePath().normalize();
        String relative = base.relativize(target).toString().replace('\\', '/');
        return new ProjectPath(relative.isEmpty() ? "." : relative);
    }

    public Path resolveAgainst(Path projectDirectory) {
        return projectDirectory.resolve(value).normalize();
    }

    /** The last segment, e.g. {@code product.graphql}. */
    public String fileName() {
        int slash = value.lastIndexOf('/');
        return slash < 0 ? value : value.substring(slash + 1);
    }

    public ProjectPath resolve(String child) {
        return ".".equals(value) ? parse(child) : parse(value + "/" + child);
    }

    @Override
    public int compareTo(ProjectPath other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
