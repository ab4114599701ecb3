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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
            return failed(source, Diagnostic.at(DiagnosticCode.EMPTY_DOCUMENT, SourceLocation.startOf(path),
                    "The document holds no definitions.", "Add an operation or fragment, or delete the file."));
        }
        Optional<Diagnostic> tooDeep = NestingDepth.checkBrackets(path, source.text(), "document");
        if (tooDeep.isPresent()) {
            // The parser recurses per bracket: a document past the limit is never handed to it.
            return failed(source, tooDeep.get());
        }
        Document document;
        try {
            document = parseDocument(source.text(), path.value());
        } catch (InvalidSyntaxException e) {
            return failed(source, syntaxError(path, e));
        } catch (GraphQLException e) {
            return failed(source, Diagnostic.at(DiagnosticCode.PARSE_ERROR, SourceLocation.startOf(path),
                    "The document cannot be parsed: " + e.getMessage() + ".", "Fix the syntax of the document."));
        } catch (StackOverflowError e) {
            // Safety net below the bracket limit (a thread with a small stack): a diagnostic, never a crash.
            return failed(source, Diagnostic.at(DiagnosticCode.DEPTH_LIMIT, SourceLocation.startOf(path),
                    "The document is nested too deeply to parse on this thread's stack.",
                    "Flatten the nesting, or give the build more stack (-Xss)."));
        }
        List<ParsedDefinition> definitions = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>(source.warnings());
        Map<String, ParsedDefinition> seen = new HashMap<>();
        for (Definition<?> definition : document.getDefinitions()) {
            SourceLocation location = locationOf(path, definition);
            ParsedDefinition parsed;
            if (definition instanceof OperationDefinition operation) {
                String name = operation.getName() == null ? "" : operation.getName();
                if (name.isEmpty()) {
                    diagnostics.add(Diagnostic.at(DiagnosticCode.ANONYMOUS_OPERATION, location,
                            "The operation has no name.",
                            "Name it, e.g. 'query ProductList { ... }': generated classes and the artifact use the name."));
                }
                SelectionWalk walk = new SelectionWalk(path, operation.getSelectionSet());
                parsed = new ParsedOperation(name, kindOf(operation), location, walk.spreads, walk.depth);
            } else if (definition instanceof FragmentDefinition fragment) {
                SelectionWalk walk = new SelectionWalk(path, fragment.getSelectionSet());
                parsed = new ParsedFragment(fragment.getName(), fragment.getTypeCondition().getName(), location,
                        walk.spreads, walk.depth);
            } else {
                String name = definition instanceof NamedNode<?> named ? " '" + named.getName() + "'" : "";
                diagnostics.add(Diagnostic.at(DiagnosticCode.NON_EXECUTABLE_DEFINITION, location,
                        "The type-system definition" + name + " does not belong in a document.",
                        "Move it to a schema file (.graphqls); documents hold only operations and fragments."));
                continue;
            }
            String key = (parsed instanceof ParsedFragment ? "fragment " : "operation ") + parsed.name();
            ParsedDefinition first = parsed.name().isEmpty() ? null : seen.putIfAbsent(key, parsed);
            if (first != null) {
                // Operation and fragment names are unique per document (spec 5.2.1.1, 5.5.1.1); the first one counts.
                String noun = parsed instanceof ParsedFragment ? "Fragment" : "Operation";
                diagnostics.add(Diagnostic.at(DiagnosticCode.DOC_DUPLICATE, location,
                        noun + " '" + parsed.name() + "' is defined twice in this document; first at " + first.location() + ".",
                        "Rename or remove one of them: a document may define each " + noun.toLowerCase(java.util.Locale.ROOT)
                                + " name once.",
                        List.of(first.location())));
            }
            definitions.add(parsed);
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
        List<Diagnostic> diagnostics = new ArrayList<>(source.warnings());
        diagnostics.add(problem);
        return new ParsedFile(source.path(), Optional.of(source.fingerprint()), source.text(), List.of(),
                diagnostics, Optional.empty());
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

    /** One definition's spreads, each with its depth, and its deepest nesting of selection sets. */
    private static final class SelectionWalk {
        private final ProjectPath path;
        final List<SpreadReference> spreads = new ArrayList<>();
        int depth;

        SelectionWalk(ProjectPath path, SelectionSet selectionSet) {
            this.path = path;
            walk(selectionSet, 1);
        }

        /** Recursive: the bracket limit bounds the depth well inside a default stack. */
        private void walk(SelectionSet selectionSet, int level) {
            if (selectionSet == null) {
                return;
            }
            depth = Math.max(depth, level);
            for (Selection<?> selection : selectionSet.getSelections()) {
                if (selection instanceof FragmentSpread spread) {
                    spreads.add(new SpreadReference(spread.getName(), locationOf(path, spread), level));
                } else if (selection instanceof Field field) {
                    walk(field.getSelectionSet(), level + 1);
                } else if (selection instanceof InlineFragment inline) {
                    walk(inline.getSelectionSet(), level + 1);
                }
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
