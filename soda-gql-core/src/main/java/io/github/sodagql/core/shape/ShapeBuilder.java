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
    private final java.util.function.Function<String, Optional<FragmentDefinition>> fragments;

    /**
     * @param fragments any fragment of the project by name, as composed (with {@code __typename} added);
     *     asked only for the fragments a shape spreads
     */
    public ShapeBuilder(GraphQLSchema schema, java.util.function.Function<String, Optional<FragmentDefinition>> fragments) {
        this.schema = schema;
        this.fragments = fragments;
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
        ObjectSelection data = objectSelection(root, collect(root, selectionsOf(node.getSelectionSet()), false));
        return new OperationShape(operation, operation.id().file(), variables, data);
    }

    public FragmentShape fragment(ProjectPath source, FragmentDefinition node) {
        GraphQLCompositeType type = (GraphQLCompositeType) schema.getType(node.getTypeCondition().getName());
        return new FragmentShape(node.getName(), node.getTypeCondition().getName(), source,
                selection(type, selectionsOf(node.getSelectionSet())));
    }

    /** The enums, input objects (transitively) and custom scalars an operation uses, by name. */
    public java.util.SortedSet<String> typesUsed(OperationShape operation) {
        Map<String, GraphQLNamedType> used = new java.util.TreeMap<>();
        operation.variables().forEach(variable -> useInput(variable.type(), used));
        useOutput(operation.data(), used);
        return new java.util.TreeSet<>(used.keySet());
    }

    /** The enums and custom scalars a fragment's selection uses, by name. */
    public java.util.SortedSet<String> typesUsed(FragmentShape fragment) {
        Map<String, GraphQLNamedType> used = new java.util.TreeMap<>();
        useOutput(fragment.selection(), used);
        return new java.util.TreeSet<>(used.keySet());
    }

    /** The schema types of these names, described for generation, each kind sorted by name. */
    public SchemaUsage usage(java.util.Collection<String> typeNames) {
        List<EnumShape> enums = new ArrayList<>();
        List<InputShape> inputs = new ArrayList<>();
        Set<String> scalars = new java.util.TreeSet<>();
        for (String name : new java.util.TreeSet<>(typeNames)) {
            GraphQLNamedType type = (GraphQLNamedType) schema.getType(name);
            if (type instanceof graphql.schema.GraphQLEnumType enumType) {
                enums.add(new EnumShape(name, Optional.ofNullable(enumType.getDescription()), enumType.getValues().stream()
                        .map(v -> new EnumShape.Value(v.getName(), Optional.ofNullable(v.getDescription()),
                                v.isDeprecated() ? Optional.of(reason(v.getDeprecationReason())) : Optional.empty()))
                        .toList()));
            } else if (type instanceof graphql.schema.GraphQLInputObjectType input) {
                inputs.add(new InputShape(name, Optional.ofNullable(input.getDescription()), input.getFieldDefinitions().stream()
                        .map(f -> new InputShape.Field(f.getName(), TypeRef.of(f.getType()),
                                f.hasSetDefaultValue() ? Optional.ofNullable(f.getInputFieldDefaultValue().getValue())
                                        .map(value -> value instanceof graphql.language.Value<?> literal
                                                ? AstPrinter.printAstCompact(literal) : String.valueOf(value))
                                        : Optional.empty(),
                                Optional.ofNullable(f.getDescription()),
                                f.isDeprecated() ? Optional.of(reason(f.getDeprecationReason())) : Optional.empty()))
                        .toList()));
            } else if (type != null) {
                scalars.add(name);
            }
        }
        return new SchemaUsage(enums, inputs, new java.util.TreeSet<>(scalars));
    }

    private void useInput(TypeRef type, Map<String, GraphQLNamedType> used) {
        TypeRef.Named named = type.named();
        GraphQLNamedType resolved = (GraphQLNamedType) schema.getType(named.name());
        if (resolved == null || used.containsKey(named.name()) || isBuiltInScalar(named)) {
            return;
        }
        if (named.kind() == TypeKind.ENUM || named.kind() == TypeKind.SCALAR) {
            used.put(named.name(), resolved);
        } else if (resolved instanceof graphql.schema.GraphQLInputObjectType input) {
            used.put(named.name(), resolved);
            input.getFieldDefinitions().forEach(field -> useInput(TypeRef.of(field.getType()), used));
        }
    }

    private void useOutput(SelectionShape selection, Map<String, GraphQLNamedType> used) {
        List<ObjectSelection> objects = new ArrayList<>();
        if (selection instanceof PolymorphicSelection polymorphic) {
            polymorphic.branches().forEach(branch -> objects.add(branch.selection()));
            objects.add(polymorphic.fallback());
        } else {
            objects.add((ObjectSelection) selection);
        }
        for (ObjectSelection object : objects) {
            for (FieldShape field : object.fields()) {
                TypeRef.Named named = field.type().named();
                if ((named.kind() == TypeKind.ENUM || named.kind() == TypeKind.SCALAR) && !isBuiltInScalar(named)) {
                    used.putIfAbsent(named.name(), (GraphQLNamedType) schema.getType(named.name()));
                }
                field.selection().ifPresent(nested -> useOutput(nested, used));
            }
        }
    }

    private static boolean isBuiltInScalar(TypeRef.Named named) {
        return named.kind() == TypeKind.SCALAR && Set.of("Int", "Float", "String", "Boolean", "ID").contains(named.name());
    }

    private SelectionShape selection(GraphQLCompositeType parent, List<Selection<?>> selections) {
        Collected collected = collect(parent, selections, false);
        if (parent instanceof GraphQLObjectType || collected.narrowings.isEmpty()) {
            return objectSelection(parent, collected);
        }
        Map<List<Integer>, List<GraphQLObjectType>> groups = new LinkedHashMap<>();
        for (GraphQLObjectType concrete : possibleTypes(parent)) {
            List<Integer> applicable = new ArrayList<>();
            for (int i = 0; i < collected.narrowings.size(); i++) {
                if (possibleTypes(collected.narrowings.get(i)).contains(concrete)) {
                    applicable.add(i);
                }
            }
            if (!applicable.isEmpty()) {
                groups.computeIfAbsent(applicable, key -> new ArrayList<>()).add(concrete);
            }
        }
        if (groups.isEmpty()) {
            return objectSelection(parent, collected);
        }
        List<Branch> branches = new ArrayList<>();
        groups.forEach((applicable, types) -> {
            GraphQLObjectType first = types.get(0);
            String label = types.size() == 1 ? first.getName() : "As" + applicable.stream()
                    .map(i -> collected.narrowings.get(i).getName()).distinct().collect(Collectors.joining("And"));
            branches.add(new Branch(label, types.stream().map(GraphQLObjectType::getName).toList(),
                    objectSelection(first, collect(first, selections, false))));
        });
        return new PolymorphicSelection(parent.getName(), branches, objectSelection(parent, collected));
    }

    private ObjectSelection objectSelection(GraphQLCompositeType type, Collected collected) {
        List<FieldShape> fields = new ArrayList<>();
        collected.fields.forEach((responseName, occurrences) -> {
            Field first = occurrences.get(0);
            boolean conditional = collected.conditionalFields.contains(responseName);
            if (first.getName().equals("__typename")) {
                fields.add(new FieldShape(responseName, "__typename", TYPENAME_TYPE, conditional, Optional.empty(),
                        Optional.empty(), Optional.empty()));
                return;
            }
            GraphQLFieldDefinition definition = fieldDefinition(type, first.getName());
            if (definition == null) {
                return;
            }
            GraphQLType named = GraphQLTypeUtil.unwrapAll(definition.getType());
            Optional<SelectionShape> nested = Optional.empty();
            if (named instanceof GraphQLCompositeType composite) {
                List<Selection<?>> merged = new ArrayList<>();
                occurrences.forEach(field -> merged.addAll(selectionsOf(field.getSelectionSet())));
                nested = Optional.of(selection(composite, merged));
            }
            fields.add(new FieldShape(responseName, first.getName(), TypeRef.of(definition.getType()), conditional,
                    Optional.ofNullable(definition.getDescription()),
                    definition.isDeprecated() ? Optional.of(reason(definition.getDeprecationReason())) : Optional.empty(),
                    nested));
        });
        List<FragmentRef> spreads = new ArrayList<>();
        collected.spreads.forEach((name, conditional) -> spreads.add(new FragmentRef(name, conditional)));
        return new ObjectSelection(type.getName(), fields, spreads);
    }

    private GraphQLFieldDefinition fieldDefinition(GraphQLCompositeType type, String name) {
        if (type == schema.getQueryType() && (name.equals("__schema") || name.equals("__type"))) {
            return name.equals("__schema") ? Introspection.SchemaMetaFieldDef : Introspection.TypeMetaFieldDef;
        }
        return type instanceof GraphQLFieldsContainer container ? container.getFieldDefinition(name) : null;
    }

    private Collected collect(GraphQLCompositeType parent, List<Selection<?>> selections, boolean conditional) {
        Collected into = new Collected();
        collectInto(parent, selections, conditional, into);
        return into;
    }

    private void collectInto(GraphQLCompositeType parent, List<Selection<?>> selections, boolean conditional,
            Collected into) {
        for (Selection<?> selection : selections) {
            boolean isConditional = conditional || hasConditionalDirective(selection);
            if (selection instanceof Field field) {
                into.addField(field, isConditional);
            } else if (selection instanceof InlineFragment inline) {
                GraphQLCompositeType condition = inline.getTypeCondition() == null ? parent
                        : compositeType(inline.getTypeCondition().getName());
                if (condition == null) {
                    continue;
                }
                if (alwaysApplies(condition, parent)) {
                    collectInto(parent, selectionsOf(inline.getSelectionSet()), isConditional, into);
                } else {
                    into.narrowings.add(condition);
                }
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = fragments.apply(spread.getName()).orElse(null);
                GraphQLCompositeType condition = fragment == null ? null
                        : compositeType(fragment.getTypeCondition().getName());
                if (condition == null) {
                    continue;
                }
                if (alwaysApplies(condition, parent)) {
                    into.spreads.merge(spread.getName(), isConditional, Boolean::logicalAnd);
                } else {
                    into.narrowings.add(condition);
                }
            }
        }
    }

    /** True when every object the parent can be is also of the condition's type. */
    private boolean alwaysApplies(GraphQLCompositeType condition, GraphQLCompositeType parent) {
        return condition.getName().equals(parent.getName())
                || possibleTypes(condition).containsAll(possibleTypes(parent));
    }

    private Set<GraphQLObjectType> possibleTypes(GraphQLCompositeType type) {
        Set<GraphQLObjectType> types = new LinkedHashSet<>();
        if (type instanceof GraphQLObjectType object) {
            types.add(object);
        } else if (type instanceof GraphQLInterfaceType iface) {
            schema.getImplementations(iface).stream().sorted(Comparator.comparing(GraphQLObjectType::getName))
                    .forEach(types::add);
        } else if (type instanceof GraphQLUnionType union) {
            union.getTypes().stream().map(GraphQLObjectType.class::cast)
                    .sorted(Comparator.comparing(GraphQLObjectType::getName)).forEach(types::add);
        }
        return types;
    }

    private GraphQLCompositeType compositeType(String name) {
        return schema.getType(name) instanceof GraphQLCompositeType composite ? composite : null;
    }

    private static boolean hasConditionalDirective(Selection<?> selection) {
        if (!(selection instanceof DirectivesContainer<?> container)) {
            return false;
        }
        for (Directive directive : container.getDirectives()) {
            if (directive.getName().equals("include") || directive.getName().equals("skip")) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // graphql-java's SelectionSet returns a raw List<Selection>
    private static List<Selection<?>> selectionsOf(graphql.language.SelectionSet selectionSet) {
        return selectionSet == null ? List.of() : (List) selectionSet.getSelections();
    }

    private static String reason(String deprecationReason) {
        return deprecationReason == null ? "" : deprecationReason;
    }

    /** Response keys, spreads and narrowings of one selection set, in document order. */
    private static final class Collected {
        final Map<String, List<Field>> fields = new LinkedHashMap<>();
        final Set<String> conditionalFields = new LinkedHashSet<>();
        final Set<String> unconditionalFields = new LinkedHashSet<>();
        final Map<String, Boolean> spreads = new LinkedHashMap<>();
        /** Type conditions narrower than the parent, of inline fragments and spreads, in document order. */
        final List<GraphQLCompositeType> narrowings = new ArrayList<>();

        void addField(Field field, boolean conditional) {
            String key = field.getResultKey();
            fields.computeIfAbsent(key, k -> new ArrayList<>()).add(field);
            if (conditional && !unconditionalFields.contains(key)) {
                conditionalFields.add(key);
            } else if (!conditional) {
                unconditionalFields.add(key);
                conditionalFields.remove(key);
            }
        }
    }
}
