package io.github.sodagql.core.parse;

import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.discovery.Fingerprint;
import io.github.sodagql.core.source.ProjectPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Each definition's source, by {@code operation Name} or {@code fragment Name}: its position and its text up to
     * the next definition (comments and anything else in between included). Two versions of a file give a
     * definition the same source only when it is the same text at the same place, so nothing about it (its
     * diagnostics, locations, code) can differ: an edit to one definition of a file leaves the others alone.
     */
    public Map<String, String> definitionSources() {
        List<ParsedDefinition> ordered = new ArrayList<>(definitions);
        ordered.sort(Comparator.comparing(ParsedDefinition::location));
        List<Integer> lineStarts = new ArrayList<>();
        lineStarts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                lineStarts.add(i + 1);
            }
        }
        Map<String, String> sources = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            ParsedDefinition definition = ordered.get(i);
            int start = offset(definition.location().line(), definition.location().column(), lineStarts);
            int end = i + 1 < ordered.size()
                    ? offset(ordered.get(i + 1).location().line(), ordered.get(i + 1).location().column(), lineStarts)
                    : text.length();
            String key = (definition instanceof ParsedFragment ? "fragment " : "operation ") + definition.name();
            String source = definition.location().line() + ":" + definition.location().column() + "\n"
                    + text.substring(start, Math.max(start, end));
            // Two definitions of one name in one file: both count.
            sources.merge(key, source, (a, b) -> a + "\u0000" + b);
        }
        return sources;
    }

    /** The offset of a 1-based line and column (in code points, as the parser counts), clamped to the text. */
    private int offset(int line, int column, List<Integer> lineStarts) {
        int lineStart = lineStarts.get(Math.min(Math.max(line, 1), lineStarts.size()) - 1);
        int offset = lineStart;
        for (int i = 1; i < column && offset < text.length(); i++) {
            offset += Character.charCount(text.codePointAt(offset));
        }
        return Math.min(offset, text.length());
    }

    /** The operation named {@code name} in {@code document}; the first anonymous one for the empty name. */
    public static OperationDefinition operation(Document document, String name) {
        return document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(operation -> name.equals(operation.getName() == null ? "" : operation.getName())).findFirst()
                .orElseThrow(() -> new IllegalStateException("No operation " + name));
    }

    /** The fragment named {@code name} in {@code document}. */
    public static FragmentDefinition fragment(Document document, String name) {
        return document.getDefinitionsOfType(FragmentDefinition.class).stream()
                .filter(fragment -> name.equals(fragment.getName())).findFirst()
                .orElseThrow(() -> new IllegalStateException("No fragment " + name));
    }
}
