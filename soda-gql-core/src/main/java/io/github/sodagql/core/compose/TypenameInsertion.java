package io.github.sodagql.core.compose;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds {@code __typename} as the first selection of every field, operation or fragment selection set on
 * an interface or a union, unless it is already selected without an alias. Inline fragments get none: their
 * fields land in the enclosing object, whose {@code __typename} is already there. Typed decoding needs it to pick the record of the
 * concrete type. The rule depends only on the schema and the document, so it is deterministic, and it is
 * visible in the composed document, the artifact and the id.
 */
final class TypenameInsertion {
    static final String TYPENAME = "__typename";

    private final GraphQLSchema schema;

    TypenameInsertion(GraphQLSchema schema) {
        this.schema = schema;
    }

    OperationDefinition apply(OperationDefinition operation) {
        GraphQLType root = switch (operation.getOperation()) {
            case QUERY -> schema.getQueryType();
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
        };
        return operation.transform(b -> b.selectionSet(rewrite(root, operation.getSelectionSet(), true)));
    }

    FragmentDefinition apply(FragmentDefinition fragment) {
        GraphQLType type = schema.getType(fragment.getTypeCondition().getName());
        return fragment.transform(b -> b.selectionSet(rewrite(type, fragment.getSelectionSet(), true)));
    }

    private SelectionSet rewrite(GraphQLType parent, SelectionSet selectionSet, boolean ownObject) {
        if (selectionSet == null || !(parent instanceof GraphQLCompositeType)) {
            return selectionSet;
        }
        List<Selection> selections = new ArrayList<>();
        boolean abstractParent = parent instanceof GraphQLInterfaceType || parent instanceof GraphQLUnionType;
        boolean hasTypename = selectionSet.getSelections().stream()
                .anyMatch(s -> s instanceof Field f && f.getName().equals(TYPENAME) && f.getAlias() == null);
        if (ownObject && abstractParent && !hasTypename) {
            selections.add(Field.newField(TYPENAME).build());
        }
        for (Selection<?> selection : selectionSet.getSelections()) {
            if (selection instanceof Field field && field.getSelectionSet() != null) {
                GraphQLType fieldType = fieldType(parent, field.getName());
                selections.add(field.transform(b -> b.selectionSet(rewrite(fieldType, field.getSelectionSet(), true))));
            } else if (selection instanceof InlineFragment inline) {
                GraphQLType narrowed = inline.getTypeCondition() == null ? parent
                        : schema.getType(inline.getTypeCondition().getName());
                selections.add(inline.transform(b -> b.selectionSet(rewrite(narrowed, inline.getSelectionSet(), false))));
            } else {
                selections.add(selection);
            }
        }
        return selectionSet.transform(b -> b.selections(selections));
    }

    private static GraphQLType fieldType(GraphQLType parent, String fieldName) {
        if (parent instanceof GraphQLFieldsContainer container) {
            GraphQLFieldDefinition definition = container.getFieldDefinition(fieldName);
            return definition == null ? null : GraphQLTypeUtil.unwrapAll(definition.getType());
        }
        return null;
    }
}
