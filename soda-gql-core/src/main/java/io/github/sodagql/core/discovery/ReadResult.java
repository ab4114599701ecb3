package io.github.sodagql.core.discovery;

import io.github.sodagql.core.diagnostic.Diagnostic;

/** The outcome of reading one file: its text, or an {@code IO_ERROR}. */
public sealed interface ReadResult {

    record Read(SourceFile file) implements ReadResult {}

    record Unreadable(Diagnostic problem) implements ReadResult {}
}
