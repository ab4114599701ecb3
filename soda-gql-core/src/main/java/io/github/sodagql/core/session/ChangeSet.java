package io.github.sodagql.core.session;

import io.github.sodagql.core.source.ProjectPath;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which documents were added, updated and removed since the session's last build, as a build tool (an IDE)
 * knows them. The session checks the schema, the configuration and its own outputs itself.
 */
public record ChangeSet(SortedSet<ProjectPath> added, SortedSet<ProjectPath> updated, SortedSet<ProjectPath> removed) {

    public ChangeSet {
        added = Collections.unmodifiableSortedSet(new TreeSet<>(added));
        updated = Collections.unmodifiableSortedSet(new TreeSet<>(updated));
        removed = Collections.unmodifiableSortedSet(new TreeSet<>(removed));
    }

    /** Added and updated: the files to read and parse. */
    public SortedSet<ProjectPath> toParse() {
        SortedSet<ProjectPath> paths = new TreeSet<>(added);
        paths.addAll(updated);
        return paths;
    }
}
