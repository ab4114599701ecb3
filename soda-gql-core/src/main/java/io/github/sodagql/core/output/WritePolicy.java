package io.github.sodagql.core.output;

import io.github.sodagql.core.source.ProjectPath;

/** Where the writer may put a file, and which existing files it may replace or delete. */
public interface WritePolicy {
    /** Everything: for state files, whose paths the session makes itself. */
    WritePolicy ANYWHERE = new WritePolicy() {
        @Override
        public boolean mayWrite(ProjectPath path) {
            return true;
        }

        @Override
        public boolean mayReplace(ProjectPath path) {
            return true;
        }
    };

    /** Whether a file may be created at {@code path} (it lies where it should, links followed). */
    boolean mayWrite(ProjectPath path);

    /** Whether the existing file at {@code path}, whose bytes differ from the new ones, may be overwritten (soda-gql wrote it). */
    boolean mayReplace(ProjectPath path);

    /** Whether the file at {@code path} may be deleted: soda-gql wrote it, and (where it checks) it still holds those bytes. */
    default boolean mayDelete(ProjectPath path) {
        return mayReplace(path);
    }
}
