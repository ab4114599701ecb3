package io.github.sodagql.core.output;

import io.github.sodagql.core.source.ContentHash;
import io.github.sodagql.core.source.ProjectPath;
import java.util.Objects;

/**
 * A file a build wrote (or found already right), as it left it: a later build compares the stat first, so
 * an untouched output costs a stat, and an output edited or deleted on disk is noticed and rewritten.
 */
public record OutputRecord(ProjectPath path, ContentHash hash, long size, long modifiedMillis) {
    public OutputRecord {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(hash, "hash");
    }
}
