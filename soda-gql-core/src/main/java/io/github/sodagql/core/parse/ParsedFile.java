package io.github.sodagql.core.parse;

import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.discovery.Fingerprint;
import io.github.sodagql.core.source.ProjectPath;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One document after parsing: its text, its named definitions in document order and the problems found in
 * it alone. A file that failed to parse has no definitions, only diagnostics.
 *
 * @param fingerprint absent only when the file could not be read
 * @param document the syntax tree, when this file was parsed in this process (a file restored from a
 *     snapshot has none until {@link DocumentParser#parseDocument} is run on its text)
 */
public record ParsedFile(
        ProjectPath path,
        Optional<Fingerprint> fingerprint,
        String text,
        List<ParsedDefinition> definitions,
        List<Diagnostic> diagnostics,
        Optional<Document> document) {

    public ParsedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(text, "text");
        definitions = List.copyOf(definitions);
        diagnostics = List.copyOf(diagnostics);
        Objects.requireNonNull(document, "document");
    }

    public static ParsedFile unreadable(ProjectPath path, Diagnostic problem) {
        return new ParsedFile(path, Optional.empty(), "", List.of(), List.of(problem), Optional.empty());
    }

    /** The same file with its syntax tree attached. */
    public ParsedFile withDocument(Document parsed) {
        return new ParsedFile(path, fingerprint, text, definitions, diagnostics, Optional.of(parsed));
    }

    /** The operation named {@code name} in {@code document}. */
    public static OperationDefinition operation(Document document, String name) {
        return document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(operation -> name.equals(operation.getName())).findFirst()
                .orElseThrow(() -> new IllegalStateException("No operation " + name));
    }

    /** The fragment named {@code name} in {@code document}. */
    public static FragmentDefinition fragment(Document document, String name) {
        return document.getDefinitionsOfType(FragmentDefinition.class).stream()
                .filter(fragment -> name.equals(fragment.getName())).findFirst()
                .orElseThrow(() -> new IllegalStateException("No fragment " + name));
    }
}
