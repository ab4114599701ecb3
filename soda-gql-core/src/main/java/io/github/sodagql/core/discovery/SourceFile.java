package io.github.sodagql.core.discovery;

import io.github.sodagql.core.source.ProjectPath;
import java.util.Objects;

/** A document's text, read once, with the fingerprint of exactly those bytes. */
public record SourceFile(ProjectPath path, Fingerprint fingerprint, String text) {
    public SourceFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(text, "text");
    }
}
