package io.github.sodagql.core.validate;

import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.TypeName;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.language.SourceLocation;
import graphql.schema.GraphQLSchema;
import graphql.validation.OperationValidationRule;
import graphql.validation.QueryComplexityLimits;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorClassification;
import graphql.validation.ValidationErrorType;
import graphql.validation.Validator;
import io.github.sodagql.core.compose.ComposedOperation;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.parse.DocumentParser;
import io.github.sodagql.core.source.ProjectPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Validates a composed operation against the schema with graphql-java's validator, spec-exact. Errors
 * carry the original {@code file:line:column}, also inside fragments from other files, because the composed
 * document is made of the parsed nodes themselves.
 *
 * <p>Errors inside a shared fragment come out identical for every operation that uses it; callers
 * collect diagnostics into a set, so each is reported once, at the fragment. Safe to share between threads.
 */
public final class OperationValidator {
    /** Reported by the graph stage already, with better locations and did-you-mean hints. */
    private static final Set<ValidationErrorClassification> REPORTED_BY_GRAPH =
            Set.of(ValidationErrorType.UndefinedFragment, ValidationErrorType.FragmentCycle);

    /** graphql-java prefixes messages with {@code Validation error (Type@[path]) : }; the path is per operation. */
    private static final Pattern GRAPHQL_JAVA_PREFIX = Pattern.compile("^Validation error \\([^)]*\\)\\s*:\\s*");

    /** Rules about an operation's variables or the set of fragments: meaningless for one fragment alone. */
    private static final Set<OperationValidationRule> OPERATION_CONTEXT_RULES = Set.of(
            OperationValidationRule.NO_UNUSED_FRAGMENTS, OperationValidationRule.KNOWN_FRAGMENT_NAMES,
            OperationValidationRule.NO_FRAGMENT_CYCLES, OperationValidationRule.NO_UNDEFINED_VARIABLES,
            OperationValidationRule.NO_UNUSED_VARIABLES, OperationValidationRule.VARIABLE_TYPES_MATCH);

    private static final Pattern QUOTED_NAME = Pattern.compile("'([_A-Za-z][_0-9A-Za-z]*)'");

    private final GraphQLSchema schema;

    public OperationValidator(GraphQLSchema schema) {
        this.schema = schema;
    }

    public List<Diagnostic> validate(ComposedOperation operation) {
        return validate(operation.document(), operation.id().file(), rule -> true);
    }

    /**
     * Validates one fragment on its own, so that a fragment no operation spreads is checked too (its type
     * condition, its fields): code is generated for every fragment. Rules that need an operation or the other
     * fragments are left to the operations that spread it and to the graph.
     */
    public List<Diagnostic> validate(ProjectPath file, FragmentDefinition fragment) {
        return validate(Document.newDocument().definition(fragment).build(), file,
                rule -> !OPERATION_CONTEXT_RULES.contains(rule));
    }

    private List<Diagnostic> validate(Document document, ProjectPath file, Predicate<OperationValidationRule> rules) {
        List<ValidationError> errors;
        try {
            errors = errorsOf(document, rules);
            if (errors.stream().anyMatch(e -> e.getValidationErrorType() == ValidationErrorType.FieldsConflict)) {
                // graphql-java compares input object values field by field in written order, so {a: 1, b: 2} and
                // {b: 2, a: 1} "differ"; the spec says input object fields are unordered. Judge conflicts again
                // on a copy whose object values are sorted by field name (locations are kept).
                errors = errorsOf(InputObjectOrder.sorted(document), rules);
            }
        } catch (StackOverflowError e) {
            // The graph refuses definitions past the depth limit; this is the net below it (a small stack).
            return List.of(Diagnostic.at(DiagnosticCode.DEPTH_LIMIT, DocumentParser.locationOf(file,
                            document.getDefinitions().get(0)),
                    "The definition is nested too deeply for graphql-java's validator on this thread's stack.",
                    "Flatten its selections or shorten its chain of fragment spreads, or give the build more stack (-Xss)."));
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (ValidationError error : errors) {
            if (REPORTED_BY_GRAPH.contains(error.getValidationErrorType())) {
                continue;
            }
            diagnostics.add(Diagnostic.at(DiagnosticCode.VALIDATION_ERROR, locationOf(error, file, document),
                    sentence(error.getDescription() != null ? error.getDescription() : error.getMessage()),
                    ValidationHints.hintFor(error.getValidationErrorType())));
        }
        return diagnostics;
    }

    private List<ValidationError> errorsOf(Document document, Predicate<OperationValidationRule> rules) {
        return new Validator().validateDocument(schema, document, rules, Locale.ENGLISH, QueryComplexityLimits.NONE);
    }

    private static io.github.sodagql.core.source.SourceLocation locationOf(ValidationError error, ProjectPath file,
            Document document) {
        for (SourceLocation location : error.getLocations() == null ? List.<SourceLocation>of() : error.getLocations()) {
            if (location != null && location.getSourceName() != null && location.getLine() > 0) {
                return new io.github.sodagql.core.source.SourceLocation(ProjectPath.parse(location.getSourceName()),
                        location.getLine(), Math.max(1, location.getColumn()));
            }
        }
        if (error.getValidationErrorType() == ValidationErrorType.UnknownType) {
            // graphql-java gives no location for an unknown type: point at the first place that names it.
            Matcher named = QUOTED_NAME.matcher(String.valueOf(error.getDescription()));
            if (named.find()) {
                Optional<Node<?>> first = firstTypeName(document, named.group(1));
                if (first.isPresent()) {
                    return DocumentParser.locationOf(file, first.get());
                }
            }
        }
        return DocumentParser.locationOf(file, document.getDefinitions().get(0));
    }

    /**
     * The first node that names type {@code name}, or its nearest enclosing node with a location (graphql-java's
     * parser leaves a fragment's type condition without one, so that is the fragment).
     */
    private static Optional<Node<?>> firstTypeName(Document document, String name) {
        List<Node<?>> found = new ArrayList<>();
        new NodeTraverser().depthFirst(new NodeVisitorStub() {
            @Override
            public TraversalControl visitTypeName(TypeName node, TraverserContext<Node> context) {
                if (!node.getName().equals(name)) {
                    return TraversalControl.CONTINUE;
                }
                for (TraverserContext<Node> at = context; at != null; at = at.getParentContext()) {
                    Node<?> candidate = at.thisNode();
                    if (candidate != null && candidate.getSourceLocation() != null) {
                        found.add(candidate);
                        return TraversalControl.QUIT;
                    }
                }
                return TraversalControl.CONTINUE;
            }
        }, document);
        return found.stream().findFirst();
    }

    private static String sentence(String text) {
        String trimmed = GraphQLValues.readable(GRAPHQL_JAVA_PREFIX.matcher(text).replaceFirst("").strip());
        return trimmed.endsWith(".") ? trimmed : trimmed + ".";
    }
}
