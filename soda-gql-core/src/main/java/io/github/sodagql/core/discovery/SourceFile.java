package io.github.sodagql.core.discovery;

import io.github.sodagql.core.source.ProjectPath;
import io.github.sodagql.core.diagnostic.Diagnostic;
import java.util.List;
import java.util.Objects;

/**
 * A document's text, read once, with the fingerprint of exactly those bytes.
 *
 * @param warnings what reading found (bytes that are not UTF-8), to be reported with the document's own problems
 */
public record SourceFile(ProjectPath path, Fingerprint fingerprint, String text, List<Diagnostic> warnings) {
    public SourceFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(text, "text");
        warnings = List.copyOf(warnings);
    }
}
