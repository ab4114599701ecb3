package io.github.sodagql.core.validate;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.EnumValue;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.parse.DocumentParser;
import io.github.sodagql.core.source.ProjectPath;
import java.util.ArrayList;
import java.util.List;

/**
 * Warns where a definition uses a deprecated field, argument or enum value. It walks each definition on
 * its own (fragments are not entered through spreads), so every use is reported once, where it is written.
 * Selections the schema does not know are skipped: validation reports those.
 */
public final class DeprecationCheck {
    private final GraphQLSchema schema;

    public DeprecationCheck(GraphQLSchema schema) {
        this.schema = schema;
    }

    /** @param definition an operation or fragment node, as parsed (not composed) */
    public List<Diagnostic> check(ProjectPath file, graphql.language.Definition<?> definition) {
        List<Diagnostic> warnings = new ArrayList<>();
        GraphQLType root;
        SelectionSet selections;
        if (definition instanceof graphql.language.OperationDefinition operation) {
            root = switch (operation.getOperation()) {
                case QUERY -> schema.getQueryType();
                case MUTATION -> schema.getMutationType();
                case SUBSCRIPTION -> schema.getSubscriptionType();
            };
            selections = operation.getSelectionSet();
        } else {
            graphql.language.FragmentDefinition fragment = (graphql.language.FragmentDefinition) definition;
            root = schema.getType(fragment.getTypeCondition().getName());
            selections = fragment.getSelectionSet();
        }
        walk(file, root, selections, warnings);
        return warnings;
    }

    private void walk(ProjectPath file, GraphQLType parent, SelectionSet selectionSet, List<Diagnostic> warnings) {
        if (parent == null || selectionSet == null) {
            return;
        }
        for (Selection<?> selection : selectionSet.getSelections()) {
            if (selection instanceof Field field) {
                if (!(parent instanceof GraphQLFieldsContainer container)) {
                    continue;
                }
                GraphQLFieldDefinition definition = container.getFieldDefinition(field.getName());
                if (definition == null) {
                    continue;
                }
                String qualified = container.getName() + "." + field.getName();
                if (definition.isDeprecated()) {
                    warnings.add(deprecated(file, field, "Field '" + qualified + "'", definition.getDeprecationReason()));
                }
                for (Argument argument : field.getArguments()) {
                    GraphQLArgument declared = definition.getArgument(argument.getName());
                    if (declared == null) {
                        continue;
                    }
                    if (declared.isDeprecated()) {
                        warnings.add(deprecated(file, argument, "Argument '" + argument.getName() + "' of field '"
                                + qualified + "'", declared.getDeprecationReason()));
                    }
                    checkEnumValues(file, GraphQLTypeUtil.unwrapAll(declared.getType()), argument.getValue(), warnings);
                }
                walk(file, GraphQLTypeUtil.unwrapAll(definition.getType()), field.getSelectionSet(), warnings);
            } else if (selection instanceof InlineFragment inline) {
                GraphQLType narrowed = inline.getTypeCondition() == null
                        ? parent
                        : schema.getType(inline.getTypeCondition().getName());
                walk(file, narrowed, inline.getSelectionSet(), warnings);
            }
        }
    }

    private void checkEnumValues(ProjectPath file, GraphQLNamedType type, Value<?> value, List<Diagnostic> warnings) {
        if (!(type instanceof GraphQLEnumType enumType)) {
            return;
        }
        if (value instanceof ArrayValue array) {
            array.getValues().forEach(item -> checkEnumValues(file, type, item, warnings));
        } else if (value instanceof EnumValue literal) {
            GraphQLEnumValueDefinition declared = enumType.getValue(literal.getName());
            if (declared != null && declared.isDeprecated()) {
                warnings.add(deprecated(file, literal, "Enum value '" + enumType.getName() + "." + literal.getName() + "'",
                        declared.getDeprecationReason()));
            }
        }
    }

    private static Diagnostic deprecated(ProjectPath file, graphql.language.Node<?> node, String what, String reason) {
        String because = reason == null || reason.isBlank() ? "." : ": " + reason.strip();
        return Diagnostic.at(DiagnosticCode.DEPRECATED_USAGE, DocumentParser.locationOf(file, node),
                what + " is deprecated" + (because.endsWith(".") ? because : because + "."),
                "Move to the replacement the deprecation names; deprecated schema elements may be removed.");
    }
}
