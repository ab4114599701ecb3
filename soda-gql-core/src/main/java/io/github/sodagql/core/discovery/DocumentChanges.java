package io.github.sodagql.core.discovery;

import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.source.ProjectPath;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The documents that differ from the last build's, sorted by path, with what was read of them: each added,
 * updated or unreadable document was read exactly once, here, and its {@link ReadResult} is what gets parsed.
 *
 * @param reads the read result of every added, updated or unreadable document
 * @param problems what the scan met (a missing documents directory, a dangling link)
 * @param scanned documents stat'ed by the scan (0 when a build tool reported the changes)
 * @param statHits scanned documents whose stat had not moved: not read
 * @param hashes documents read and hashed
 */
public record DocumentChanges(List<FileChange> changes, SortedMap<ProjectPath, ReadResult> reads, List<Diagnostic> problems,
        int scanned, int statHits, int hashes) {

    public DocumentChanges {
        changes = changes.stream().sorted(java.util.Comparator.comparing(FileChange::path)).toList();
        reads = Collections.unmodifiableSortedMap(new TreeMap<>(reads));
        problems = List.copyOf(problems);
    }

    /** The documents whose definitions must be found again: every change but a touch. */
    public SortedSet<ProjectPath> rebuilt() {
        SortedSet<ProjectPath> paths = new TreeSet<>();
        changes.stream().filter(FileChange::needsRebuild).forEach(change -> paths.add(change.path()));
        return paths;
    }

    public SortedSet<ProjectPath> removed() {
        SortedSet<ProjectPath> paths = new TreeSet<>();
        changes.stream().filter(FileChange.Removed.class::isInstance).forEach(change -> paths.add(change.path()));
        return paths;
    }

    /** Documents whose stat moved with the same content: their new fingerprint, nothing else. */
    public Map<ProjectPath, Fingerprint> touched() {
        Map<ProjectPath, Fingerprint> touched = new TreeMap<>();
        changes.forEach(change -> {
            if (change instanceof FileChange.Touched touch) {
                touched.put(touch.path(), touch.fingerprint());
            }
        });
        return touched;
    }

    public boolean isEmpty() {
        return rebuilt().isEmpty();
    }
}
