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

    /**
     * The record of a file whose writing failed: no stat matches it, so the next build sees it damaged and
     * writes it again.
     */
    public static OutputRecord failed(ProjectPath path, ContentHash hash) {
        return new OutputRecord(path, hash, -1, -1);
    }

    public boolean isFailed() {
        return size < 0;
    }
}
