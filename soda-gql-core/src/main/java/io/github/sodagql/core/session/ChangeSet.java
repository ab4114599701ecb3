package io.github.sodagql.core.session;

import io.github.sodagql.core.source.ProjectPath;
import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/** Which documents were added, updated and removed since the session's last build. */
public record ChangeSet(SortedSet<ProjectPath> added, SortedSet<ProjectPath> updated, SortedSet<ProjectPath> removed) {

    public ChangeSet {
        added = Collections.unmodifiableSortedSet(new TreeSet<>(added));
        updated = Collections.unmodifiableSortedSet(new TreeSet<>(updated));
        removed = Collections.unmodifiableSortedSet(new TreeSet<>(removed));
    }

    public static ChangeSet allAdded(Collection<ProjectPath> paths) {
        return new ChangeSet(new TreeSet<>(paths), new TreeSet<>(), new TreeSet<>());
    }

    /** Added and updated: the files to read and parse. */
    public SortedSet<ProjectPath> toParse() {
        SortedSet<ProjectPath> paths = new TreeSet<>(added);
        paths.addAll(updated);
        return paths;
    }
}
