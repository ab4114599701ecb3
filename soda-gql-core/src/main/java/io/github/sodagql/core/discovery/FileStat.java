package io.github.sodagql.core.discovery;

import io.github.sodagql.core.source.ProjectPath;
import java.util.Objects;

/** What a stat tells about a file, without reading it: the cheap half of a fingerprint. */
public record FileStat(ProjectPath path, long size, long modifiedMillis) {
    public FileStat {
        Objects.requireNonNull(path, "path");
    }
}
