package io.github.sodagql.core.discovery;

import io.github.sodagql.core.source.ProjectPath;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Files fingerprinted without being read as text (the schema's): each one's fingerprint now, how each differs
 * from before, and how many were read to be hashed.
 *
 * @param current the fingerprint of every file that could be read
 * @param changes every file added, updated, touched, removed or unreadable since {@code before}
 */
public record InputFingerprints(SortedMap<ProjectPath, Fingerprint> current, List<FileChange> changes, int hashes) {
    public InputFingerprints {
        current = Collections.unmodifiableSortedMap(new TreeMap<>(current));
        changes = List.copyOf(changes);
    }

    /** Whether the content differs: a file added, removed, updated or unreadable (a touch is no difference). */
    public boolean contentChanged() {
        return changes.stream().anyMatch(FileChange::needsRebuild);
    }
}
