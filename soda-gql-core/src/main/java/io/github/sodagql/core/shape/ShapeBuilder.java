package io.github.sodagql.core.shape;

import graphql.introspection.Introspection;
import graphql.language.AstPrinter;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.VariableDefinition;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import io.github.sodagql.core.compose.ComposedOperation;
import io.github.sodagql.core.shape.SelectionShape.Branch;
import io.github.sodagql.core.shape.SelectionShape.ObjectSelection;
import io.github.sodagql.core.shape.SelectionShape.PolymorphicSelection;
import io.github.sodagql.core.source.ProjectPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resolves operations and fragments against the schema into the shapes their data has: which response
 * keys each object carries, their types, which fragments apply, and where the concrete type decides.
 *
 * <p>Rules: fields with the same response key are merged (their sub-selections concatenated); inline
 * fragments that always apply are flattened into the enclosing selection; a spread that always applies
 * becomes a {@link FragmentRef}; inline fragments and spreads on narrower types make a
 * {@link PolymorphicSelection}. Selections the schema does not know are skipped (validation reports them).
 */
public final class ShapeBuilder {
    private static final TypeRef TYPENAME_TYPE = new TypeRef.NonNull(new TypeRef.Named("String", TypeKind.SCALAR));

    private final GraphQLSchema schema;
    private final SelectionCollector collector;
    private final TypeUsage types;

    /**
     * @param fragments any fragment of the project by name, as composed (with {@code __typename} added);
     *     asked only for the fragments a shape spreads
     */
    public ShapeBuilder(GraphQLSchema schema, java.util.function.Function<String, Optional<FragmentDefinition>> fragments) {
        this.schema = schema;
        this.collector = new SelectionCollector(schema, fragments);
        this.types = new TypeUsage(schema);
    }

    public OperationShape operation(ComposedOperation operation) {
        OperationDefinition node = (OperationDefinition) operation.document().getDefinitions().get(0);
        GraphQLObjectType root = switch (operation.kind()) {
            case QUERY -> schema.getQueryType();
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
        };
        List<VariableShape> variables = new ArrayList<>();
        for (VariableDefinition variable : node.getVariableDefinitions()) {
            variables.add(new VariableShape(variable.getName(), TypeRef.of(variable.getType(), schema),
                    Optional.ofNullable(variable.getDefaultValue()).map(AstPrinter::printAstCompact)));
        }
        ObjectSelection data = objectSelection(root, collector.collect(root, SelectionCollector.unguarded(node.getSelectionSet())));
        return new OperationShape(operation, operation.id().file(), variables, data);
    }

    public FragmentShape fragment(ProjectPath source, FragmentDefinition node) {
        GraphQLCompositeType type = (GraphQLCompositeType) schema.getType(node.getTypeCondition().getName());
        return new FragmentShape(node.getName(), node.getTypeCondition().getName(), source,
                selection(type, SelectionCollector.unguarded(node.getSelectionSet())));
    }

    /** The enums, input objects (transitively) and custom scalars an operation uses, by name. */
    public java.util.SortedSet<String> typesUsed(OperationShape operation) {
        return types.typesUsed(operation);
    }

    /** The enums and custom scalars a fragment's selection uses, by name. */
    public java.util.SortedSet<String> typesUsed(FragmentShape fragment) {
        return types.typesUsed(fragment);
    }

    /** Every enum type of the schema, used or not: each may get a class, so each name is kept for it. */
    public java.util.SortedSet<String> enumTypeNames() {
        return types.enumTypeNames();
    }

    /** Every input object type of the schema, used or not. */
    public java.util.SortedSet<String> inputTypeNames() {
        return types.inputTypeNames();
    }

    /** The schema types of these names, described for generation, each kind sorted by name. */
    public SchemaUsage usage(java.util.Collection<String> typeNames) {
        return types.usage(typeNames);
    }

    private SelectionShape selection(GraphQLCompositeType parent, List<SelectionCollector.Reached> selections) {
        SelectionCollector.Collected collected = collector.collect(parent, selections);
        if (parent instanceof GraphQLObjectType || !collected.narrowed) {
            return objectSelection(parent, collected);
        }
        // Every concrete type gets the fields of every type condition it satisfies; types whose objects
        // would have the same shape share one branch.
        Map<FlatSelection.Key, List<GraphQLObjectType>> groups = new LinkedHashMap<>();
        Map<FlatSelection.Key, FlatSelection> shapes = new LinkedHashMap<>();
        Map<FlatSelection.Key, SelectionCollector.Collected> collectedByGroup = new LinkedHashMap<>();
        for (GraphQLObjectType concrete : collector.possibleTypes(parent)) {
            SelectionCollector.Collected own = collector.collect(concrete, selections);
            FlatSelection flat = flatten(concrete, own);
            groups.computeIfAbsent(flat.key(), key -> new ArrayList<>()).add(concrete);
            shapes.putIfAbsent(flat.key(), flat);
            collectedByGroup.putIfAbsent(flat.key(), own);
        }
        List<Branch> branches = new ArrayList<>();
        groups.forEach((key, types) -> {
            GraphQLObjectType first = types.get(0);
            String label = types.size() == 1 ? first.getName() : "As" + groupName(parent, collectedByGroup.get(key));
            branches.add(new Branch(label, types.stream().map(GraphQLObjectType::getName).toList(),
                    build(first, shapes.get(key))));
        });
        return new PolymorphicSelection(parent.getName(), branches, objectSelection(parent, collected));
    }

    /** The type conditions that make a group, or the parent's name when the group has none of its own. */
    private String groupName(GraphQLCompositeType parent, SelectionCollector.Collected collected) {
        String narrowings = collected.applied.stream().filter(condition -> !collector.applies(condition, parent))
                .map(GraphQLCompositeType::getName).distinct().collect(Collectors.joining("And"));
        return narrowings.isEmpty() ? parent.getName() : narrowings;
    }

    private ObjectSelection objectSelection(GraphQLCompositeType type, SelectionCollector.Collected collected) {
        return build(type, flatten(type, collected));
    }

    /**
     * One object's response keys resolved against its type, without their nested selections: enough to
     * tell whether two concrete types share a shape, and cheap to compute for every type of a big interface.
     */
    private record FlatSelection(List<FlatField> fields, List<FragmentRef> fragments) {
        record FlatField(String responseName, String fieldName, TypeRef type, boolean conditional,
                List<SelectionCollector.ReachedField> occurrences, Optional<GraphQLFieldDefinition> definition) {}

        record Key(List<List<Object>> fields, List<FragmentRef> fragments) {}

        /** Two selections with equal keys build equal shapes: same fields, same types, same AST occurrences. */
        Key key() {
            return new Key(fields.stream().map(field -> List.<Object>of(field.responseName(), field.fieldName(),
                    field.type(), field.conditional(), field.occurrences())).toList(), fragments);
        }
    }

    private FlatSelection flatten(GraphQLCompositeType type, SelectionCollector.Collected collected) {
        List<FlatSelection.FlatField> fields = new ArrayList<>();
        collected.fields.forEach((responseName, occurrences) -> {
            Field first = occurrences.get(0).field();
            boolean conditional = occurrences.stream().allMatch(occurrence -> !occurrence.guard().isEmpty());
            if (first.getName().equals("__typename")) {
                fields.add(new FlatSelection.FlatField(responseName, "__typename", TYPENAME_TYPE, conditional,
                        occurrences, Optional.empty()));
                return;
            }
            GraphQLFieldDefinition definition = fieldDefinition(type, first.getName());
            if (definition != null) {
                fields.add(new FlatSelection.FlatField(responseName, first.getName(), TypeRef.of(definition.getType()),
                        conditional, occurrences, Optional.of(definition)));
            }
        });
        List<FragmentRef> spreads = new ArrayList<>();
        collected.spreads.forEach((name, conditional) -> spreads.add(new FragmentRef(name, conditional,
                conditional ? collector.presenceKeys(type, name, collected) : List.of())));
        return new FlatSelection(fields, spreads);
    }

    private ObjectSelection build(GraphQLCompositeType type, FlatSelection flat) {
        List<FieldShape> fields = new ArrayList<>();
        for (FlatSelection.FlatField field : flat.fields()) {
            Optional<SelectionShape> nested = Optional.empty();
            GraphQLType named = field.definition().map(definition -> GraphQLTypeUtil.unwrapAll(definition.getType()))
                    .orElse(null);
            if (named instanceof GraphQLCompositeType composite) {
                nested = Optional.of(selection(composite, nestedSelections(field.occurrences())));
            }
            fields.add(new FieldShape(field.responseName(), field.fieldName(), field.type(), field.conditional(),
                    field.definition().map(GraphQLFieldDefinition::getDescription),
                    field.definition().filter(GraphQLFieldDefinition::isDeprecated)
                            .map(definition -> TypeUsage.reason(definition.getDeprecationReason())),
                    nested));
        }
        return new ObjectSelection(type.getName(), fields, flat.fragments());
    }

    /**
     * The sub-selections of all occurrences of one response key. Given that the key is in the response,
     * an occurrence's sub-selections are there unless a directive the other occurrences do not share
     * left that occurrence out; those directives stay on them.
     */
    private static List<SelectionCollector.Reached> nestedSelections(List<SelectionCollector.ReachedField> occurrences) {
        Set<String> common = new LinkedHashSet<>(occurrences.get(0).guard());
        occurrences.forEach(occurrence -> common.retainAll(occurrence.guard()));
        List<SelectionCollector.Reached> nested = new ArrayList<>();
        for (SelectionCollector.ReachedField occurrence : occurrences) {
            Set<String> guard = new LinkedHashSet<>(occurrence.guard());
            guard.removeAll(common);
            SelectionCollector.selectionsOf(occurrence.field().getSelectionSet()).forEach(child -> nested.add(new SelectionCollector.Reached(child, guard)));
        }
        return nested;
    }

    private GraphQLFieldDefinition fieldDefinition(GraphQLCompositeType type, String name) {
        if (type == schema.getQueryType() && (name.equals("__schema") || name.equals("__type"))) {
            return name.equals("__schema") ? Introspection.SchemaMetaFieldDef : Introspection.TypeMetaFieldDef;
        }
        return type instanceof GraphQLFieldsContainer container ? container.getFieldDefinition(name) : null;
    }
}
