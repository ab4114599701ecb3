package io.github.sodagql.core.discovery;

import io.github.sodagql.core.source.ProjectPath;
import java.util.Objects;

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
    String kind();

    /** Whether what was built from the file must be built again (all but {@link Touched}). */
    default boolean needsRebuild() {
        return !(this instanceof Touched);
    }

    record Added(ProjectPath path, Fingerprint fingerprint, String reason) implements FileChange {
        public Added {
            Objects.requireNonNull(fingerprint, "fingerprint");
        }

        @Override
        public String kind() {
            return "added";
        }
    }

    record Updated(ProjectPath path, Fingerprint fingerprint, String reason) implements FileChange {
        public Updated {
            Objects.requireNonNull(fingerprint, "fingerprint");
        }

        @Override
        public String kind() {
            return "updated";
        }
    }

    /** Stat moved, content the same: only the fingerprint is new. */
    record Touched(ProjectPath path, Fingerprint fingerprint, String reason) implements FileChange {
        public Touched {
            Objects.requireNonNull(fingerprint, "fingerprint");
        }

        @Override
        public String kind() {
            return "touched";
        }
    }

    record Removed(ProjectPath path, String reason) implements FileChange {
        @Override
        public String kind() {
            return "removed";
        }
    }

    record Unreadable(ProjectPath path, String reason) implements FileChange {
        @Override
        public String kind() {
            return "unreadable";
        }
    }
}
