package io.github.sodagql.core.validate;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.SourceLocation;
import graphql.schema.GraphQLSchema;
import graphql.validation.QueryComplexityLimits;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorClassification;
import graphql.validation.ValidationErrorType;
import graphql.validation.Validator;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.parse.DocumentParser;
import io.github.sodagql.core.source.ProjectPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Validates a fragment on its own, with the fragments it reaches: a fragment no operation spreads is checked by
 * no operation, yet its class is generated, so an unknown type condition or field must be found here, before
 * anything past validation sees it. Errors come out as those found through an operation do (same code, location
 * and message), so a caller that collects them into a set reports each once. Safe to share between threads.
 */
public final class FragmentValidator {
    /** Alone, a fragment is unused by definition; unknown fragments and cycles are the graph stage's. */
    private static final Set<ValidationErrorClassification> NOT_ERRORS_HERE = Set.of(ValidationErrorType.UnusedFragment,
            ValidationErrorType.UndefinedFragment, ValidationErrorType.FragmentCycle);

    private final GraphQLSchema schema;

    public FragmentValidator(GraphQLSchema schema) {
        this.schema = schema;
    }

    /** @param reached the fragments {@code fragment} spreads, transitively */
    @SuppressWarnings("rawtypes") // graphql-java's Document builder takes a raw List<Definition>
    public List<Diagnostic> validate(ProjectPath file, FragmentDefinition fragment, List<FragmentDefinition> reached) {
        List<Definition> definitions = new ArrayList<>();
        definitions.add(fragment);
        definitions.addAll(reached);
        List<ValidationError> errors = new Validator().validateDocument(schema,
                Document.newDocument().definitions(definitions).build(), rule -> true, Locale.ENGLISH,
                QueryComplexityLimits.NONE);
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (ValidationError error : errors) {
            if (NOT_ERRORS_HERE.contains(error.getValidationErrorType())) {
                continue;
            }
            diagnostics.add(Diagnostic.at(DiagnosticCode.VALIDATION_ERROR, locationOf(error, file, fragment),
                    OperationValidator.sentence(error.getDescription() != null ? error.getDescription() : error.getMessage()),
                    ValidationHints.hintFor(error.getValidationErrorType())));
        }
        return diagnostics;
    }

    private static io.github.sodagql.core.source.SourceLocation locationOf(ValidationError error, ProjectPath file,
            FragmentDefinition fragment) {
        for (SourceLocation location : error.getLocations() == null ? List.<SourceLocation>of() : error.getLocations()) {
            if (location != null && location.getSourceName() != null && location.getLine() > 0) {
                return new io.github.sodagql.core.source.SourceLocation(ProjectPath.parse(location.getSourceName()),
                        location.getLine(), Math.max(1, location.getColumn()));
            }
        }
        return DocumentParser.locationOf(file, fragment);
    }
}
