package io.github.sodagql.core.config;

import io.github.sodagql.core.source.ProjectPath;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** A folder of documents, with include and exclude globs relative to it. */
public record DocumentRoot(ProjectPath directory, List<String> includes, List<String> excludes) {

    public static final List<String> DEFAULT_INCLUDES = List.of("**/*.graphql");
    /** The schema files a root holds when no schema path is configured: {@code **}{@code /*.graphqls}. */
    public static final String SCHEMA_SUFFIX = ".graphqls";

    public DocumentRoot {
        Objects.requireNonNull(directory, "directory");
        includes = includes.isEmpty() ? DEFAULT_INCLUDES : List.copyOf(includes);
        excludes = List.copyOf(excludes);
    }

    public static DocumentRoot of(ProjectPath directory) {
        return new DocumentRoot(directory, DEFAULT_INCLUDES, List.of());
    }

    /**
     * Whether this root selects a document, by its path relative to the root: an include matches and no
     * exclude does, in {@link PathGlob}'s dialect, so that callers other than the scan (an IDE's list of
     * changed files) select exactly what a scan would.
     */
    public boolean selects(Path relativePath) {
        return includes.stream().anyMatch(glob -> new PathGlob(glob).matches(relativePath))
                && excludes.stream().noneMatch(glob -> new PathGlob(glob).matches(relativePath));
    }
}
