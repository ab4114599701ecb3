package io.github.sodagql.core.discovery;

import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.source.ProjectPath;

/** The outcome of reading one file: its text, or an {@code IO_ERROR}. */
public sealed interface ReadResult {

    ProjectPath path();

    record Read(SourceFile file) implements ReadResult {
        @Override
        public ProjectPath path() {
            return file.path();
        }
    }

    record Unreadable(ProjectPath path, Diagnostic problem) implements ReadResult {}
}
