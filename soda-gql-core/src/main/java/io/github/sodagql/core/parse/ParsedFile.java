package io.github.sodagql.core.parse;

import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.discovery.Fingerprint;
import io.github.sodagql.core.source.ProjectPath;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One document after parsing: its named definitions in document order and the problems found in it
 * alone. A file that failed to parse has no definitions, only diagnostics.
 *
 * @param fingerprint absent only when the file could not be read
 */
public record ParsedFile(
        ProjectPath path,
        Optional<Fingerprint> fingerprint,
        List<ParsedDefinition> definitions,
        List<Diagnostic> diagnostics) {

    public ParsedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(fingerprint, "fingerprint");
        definitions = List.copyOf(definitions);
        diagnostics = List.copyOf(diagnostics);
    }

    public static ParsedFile unreadable(ProjectPath path, Diagnostic problem) {
        return new ParsedFile(path, Optional.empty(), List.of(), List.of(problem));
    }
}
