package io.github.sodagql.core.discovery;

import io.github.sodagql.core.source.ContentHash;
import java.util.Objects;

/**
 * Identifies one version of a file. Size and mtime are compared first; the content hash decides only
 * when either moved, so {@code touch} and {@code git checkout} do not count as changes.
 */
public record Fingerprint(long size, long modifiedMillis, ContentHash contentHash) {
    public Fingerprint {
        Objects.requireNonNull(contentHash, "contentHash");
    }

    public boolean sameStat(FileStat stat) {
        return size == stat.size() && modifiedMillis == stat.modifiedMillis();
    }
}
