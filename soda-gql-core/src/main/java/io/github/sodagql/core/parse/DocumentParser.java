package io.github.sodagql.core.parse;

import graphql.GraphQLException;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.NamedNode;
import graphql.language.Node;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.MultiSourceReader;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.discovery.SourceFile;
import io.github.sodagql.core.source.ProjectPath;
import io.github.sodagql.core.source.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses one document with graphql-java and records its definitions and their direct spreads. Never
 * throws for bad input: every problem becomes a diagnostic of the file, and other files are unaffected.
 */
public final class DocumentParser {

    /**
     * Documents are trusted build inputs, so graphql-java's request-size limits (meant for servers) are
     * lifted; comments are not kept, which saves memory on large projects.
     */
    private static final ParserOptions OPTIONS = ParserOptions.getDefaultSdlParserOptions()
            .transform(options -> options.captureLineComments(false).captureIgnoredChars(false));

    private DocumentParser() {}

    public static ParsedFile parse(SourceFile source) {
        ProjectPath path = source.path();
        if (hasNoTokens(source.text())) {
            return new ParsedFile(path, Optional.of(source.fingerprint()), source.text(), List.of(), List.of(Diagnostic.at(
                    DiagnosticCode.EMPTY_DOCUMENT, SourceLocation.startOf(path), "The document holds no definitions.",
                    "Add an operation or fragment, or delete the file.")), Optional.empty());
        }
        Document document;
        try {
            document = parseDocument(source.text(), path.value());
        } catch (InvalidSyntaxException e) {
            return failed(source, syntaxError(path, e));
        } catch (GraphQLException e) {
            return failed(source, Diagnostic.at(DiagnosticCode.PARSE_ERROR, SourceLocation.startOf(path),
                    "The document cannot be parsed: " + e.getMessage() + ".", "Fix the syntax of the document."));
        }
        List<ParsedDefinition> definitions = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Definition<?> definition : document.getDefinitions()) {
            SourceLocation location = locationOf(path, definition);
            if (definition instanceof OperationDefinition operation) {
                if (operation.getName() == null || operation.getName().isEmpty()) {
                    diagnostics.add(Diagnostic.at(DiagnosticCode.ANONYMOUS_OPERATION, location,
                            "The operation has no name.",
                            "Name it, e.g. 'query ProductList { ... }': generated classes and the artifact use the name."));
                    continue;
                }
                definitions.add(new ParsedOperation(operation.getName(), kindOf(operation), location,
                        spreadsOf(path, operation.getSelectionSet())));
            } else if (definition instanceof FragmentDefinition fragment) {
                definitions.add(new ParsedFragment(fragment.getName(), fragment.getTypeCondition().getName(), location,
                        spreadsOf(path, fragment.getSelectionSet())));
            } else {
                String name = definition instanceof NamedNode<?> named ? " '" + named.getName() + "'" : "";
                diagnostics.add(Diagnostic.at(DiagnosticCode.NON_EXECUTABLE_DEFINITION, location,
                        "The type-system definition" + name + " does not belong in a document.",
                        "Move it to a schema file (.graphqls); documents hold only operations and fragments."));
            }
        }
        return new ParsedFile(path, Optional.of(source.fingerprint()), source.text(), definitions, diagnostics,
                Optional.of(document));
    }

    /** Parses text as graphql-java does for documents, with {@code sourceName} as every node's source. */
    public static Document parseDocument(String text, String sourceName) {
        MultiSourceReader reader = MultiSourceReader.newMultiSourceReader()
                .string(text, sourceName)
                .trackData(false)
                .build();
        return Parser.parse(ParserEnvironment.newParserEnvironment().document(reader).parserOptions(OPTIONS).build());
    }

    /** Where a node stands, in {@code file}; the start of the file when graphql-java gives no location. */
    public static SourceLocation locationOf(ProjectPath file, Node<?> node) {
        graphql.language.SourceLocation location = node.getSourceLocation();
        if (location == null || location.getLine() < 1) {
            return SourceLocation.startOf(file);
        }
        return new SourceLocation(file, location.getLine(), Math.max(1, location.getColumn()));
    }

    private static ParsedFile failed(SourceFile source, Diagnostic problem) {
        return new ParsedFile(source.path(), Optional.of(source.fingerprint()), source.text(), List.of(),
                List.of(problem), Optional.empty());
    }

    private static Diagnostic syntaxError(ProjectPath path, InvalidSyntaxException e) {
        graphql.language.SourceLocation at = e.getLocation();
        SourceLocation location = at == null || at.getLine() < 1
                ? SourceLocation.startOf(path)
                : new SourceLocation(path, at.getLine(), Math.max(1, at.getColumn()));
        String token = e.getOffendingToken();
        String message;
        if (token == null) {
            message = "Invalid syntax: " + e.getMessage() + ".";
        } else if ("<EOF>".equals(token)) {
            message = "Unexpected end of file: a definition is not complete.";
        } else if (e.getMessage() != null && e.getMessage().contains("extra tokens")) {
            message = "Unexpected '" + token + "' after the end of a definition.";
        } else {
            message = "Unexpected '" + token + "'.";
        }
        return Diagnostic.at(DiagnosticCode.PARSE_ERROR, location, message,
                "Check the syntax just before this point: an unclosed brace or parenthesis, or a missing name or value, is the usual cause.");
    }

    private static OperationKind kindOf(OperationDefinition operation) {
        return switch (operation.getOperation()) {
            case QUERY -> OperationKind.QUERY;
            case MUTATION -> OperationKind.MUTATION;
            case SUBSCRIPTION -> OperationKind.SUBSCRIPTION;
        };
    }

    private static List<SpreadReference> spreadsOf(ProjectPath path, SelectionSet selectionSet) {
        List<SpreadReference> spreads = new ArrayList<>();
        collectSpreads(path, selectionSet, spreads);
        return spreads;
    }

    private static void collectSpreads(ProjectPath path, SelectionSet selectionSet, List<SpreadReference> into) {
        if (selectionSet == null) {
            return;
        }
        for (Selection<?> selection : selectionSet.getSelections()) {
            if (selection instanceof FragmentSpread spread) {
                into.add(new SpreadReference(spread.getName(), locationOf(path, spread)));
            } else if (selection instanceof Field field) {
                collectSpreads(path, field.getSelectionSet(), into);
            } else if (selection instanceof InlineFragment inline) {
                collectSpreads(path, inline.getSelectionSet(), into);
            }
        }
    }

    /** True when the text holds only what GraphQL ignores: white space, commas, comments and a BOM. */
    private static boolean hasNoTokens(String text) {
        boolean inComment = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inComment) {
                inComment = c != '\n' && c != '\r';
            } else if (c == '#') {
                inComment = true;
            } else if (!(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '\uFEFF')) {
                return false;
            }
        }
        return true;
    }
}
