package io.github.sodagql.core.validate;

import graphql.language.SourceLocation;
import graphql.schema.GraphQLSchema;
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
import java.util.Set;
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

    private final GraphQLSchema schema;

    public OperationValidator(GraphQLSchema schema) {
        this.schema = schema;
    }

    public List<Diagnostic> validate(ComposedOperation operation) {
        List<ValidationError> errors = new Validator().validateDocument(schema, operation.document(), rule -> true,
                Locale.ENGLISH, QueryComplexityLimits.NONE);
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (ValidationError error : errors) {
            if (REPORTED_BY_GRAPH.contains(error.getValidationErrorType())) {
                continue;
            }
            diagnostics.add(Diagnostic.at(DiagnosticCode.VALIDATION_ERROR, locationOf(error, operation),
                    sentence(error.getDescription() != null ? error.getDescription() : error.getMessage()),
                    ValidationHints.hintFor(error.getValidationErrorType())));
        }
        return diagnostics;
    }

    private static io.github.sodagql.core.source.SourceLocation locationOf(ValidationError error,
            ComposedOperation operation) {
        for (SourceLocation location : error.getLocations() == null ? List.<SourceLocation>of() : error.getLocations()) {
            if (location != null && location.getSourceName() != null && location.getLine() > 0) {
                return new io.github.sodagql.core.source.SourceLocation(ProjectPath.parse(location.getSourceName()),
                        location.getLine(), Math.max(1, location.getColumn()));
            }
        }
        return DocumentParser.locationOf(operation.id().file(), operation.document().getDefinitions().get(0));
    }

    static String sentence(String text) {
        String trimmed = GRAPHQL_JAVA_PREFIX.matcher(text).replaceFirst("").strip();
        return trimmed.endsWith(".") ? trimmed : trimmed + ".";
    }
}
