package io.github.sodagql.core.discovery;

import io.github.sodagql.core.source.ProjectPath;

/**
 * How one input differs from the last build's record of it, with why discovery thinks so (shown by
 * {@code -Dsoda-gql.explain}). A file whose stat did not move is no change at all; one whose stat moved with the
 * same content hash is {@link Touched}: its fingerprint is refreshed, nothing is rebuilt.
 */
public sealed interface FileChange {

    ProjectPath path();

    /** Why discovery counts it so, e.g. {@code size/mtime moved and hash differs}. */
    String reason();

    /** In the explanation's words: {@code added}, {@code updated}, {@code touched}, {@code removed}, {@code unreadable}. */
    default String kind() {
        return this instanceof Added ? "added" : this instanceof Updated ? "updated" : this instanceof Touched ? "touched"
                : this instanceof Removed ? "removed" : "unreadable";
    }

    /** Whether what was built from the file must be built again (all but {@link Touched}). */
    default boolean needsRebuild() {
        return !(this instanceof Touched);
    }

    /** New since the last build. */
    record Added(ProjectPath path, Fingerprint fingerprint, String reason) implements FileChange {}

    /** Known, and its content hash moved. */
    record Updated(ProjectPath path, Fingerprint fingerprint, String reason) implements FileChange {}

    /** Stat moved, content the same: only the fingerprint is new. */
    record Touched(ProjectPath path, Fingerprint fingerprint, String reason) implements FileChange {}

    record Removed(ProjectPath path, String reason) implements FileChange {}

    record Unreadable(ProjectPath path, String reason) implements FileChange {}
}
