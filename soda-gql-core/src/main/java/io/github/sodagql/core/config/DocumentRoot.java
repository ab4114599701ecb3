package io.github.sodagql.core.config;

import io.github.sodagql.core.source.ProjectPath;
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
}
