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
        ObjectSelection data = objectSelection(root, collect(root, unguarded(node.getSelectionSet())));
        return new OperationShape(operation, operation.id().file(), variables, data);
    }

    public FragmentShape fragment(ProjectPath source, FragmentDefinition node) {
        GraphQLCompositeType type = (GraphQLCompositeType) schema.getType(node.getTypeCondition().getName());
        return new FragmentShape(node.getName(), node.getTypeCondition().getName(), source,
                selection(type, unguarded(node.getSelectionSet())));
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

    /** Every enum type of the schema, used or not: each may get a class, so each name is kept for it. */
    public java.util.SortedSet<String> enumTypeNames() {
        return typeNames(graphql.schema.GraphQLEnumType.class);
    }

    /** Every input object type of the schema, used or not. */
    public java.util.SortedSet<String> inputTypeNames() {
        return typeNames(graphql.schema.GraphQLInputObjectType.class);
    }

    private java.util.SortedSet<String> typeNames(Class<? extends GraphQLNamedType> kind) {
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        schema.getAllTypesAsList().stream().filter(kind::isInstance).map(GraphQLNamedType::getName)
                .filter(name -> !name.startsWith("__")).forEach(names::add);
        return names;
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

    private SelectionShape selection(GraphQLCompositeType parent, List<Reached> selections) {
        Collected collected = collect(parent, selections);
        if (parent instanceof GraphQLObjectType || !collected.narrowed) {
            return objectSelection(parent, collected);
        }
        // Every concrete type gets the fields of every type condition it satisfies; types whose objects
        // would have the same shape share one branch.
        Map<FlatSelection.Key, List<GraphQLObjectType>> groups = new LinkedHashMap<>();
        Map<FlatSelection.Key, FlatSelection> shapes = new LinkedHashMap<>();
        Map<FlatSelection.Key, Collected> collectedByGroup = new LinkedHashMap<>();
        for (GraphQLObjectType concrete : possibleTypes(parent)) {
            Collected own = collect(concrete, selections);
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
    private String groupName(GraphQLCompositeType parent, Collected collected) {
        String narrowings = collected.applied.stream().filter(condition -> !applies(condition, parent))
                .map(GraphQLCompositeType::getName).distinct().collect(Collectors.joining("And"));
        return narrowings.isEmpty() ? parent.getName() : narrowings;
    }

    private ObjectSelection objectSelection(GraphQLCompositeType type, Collected collected) {
        return build(type, flatten(type, collected));
    }

    /**
     * One object's response keys resolved against its type, without their nested selections: enough to
     * tell whether two concrete types share a shape, and cheap to compute for every type of a big interface.
     */
    private record FlatSelection(List<FlatField> fields, List<FragmentRef> fragments) {
        record FlatField(String responseName, String fieldName, TypeRef type, boolean conditional,
                List<ReachedField> occurrences, Optional<GraphQLFieldDefinition> definition) {}

        record Key(List<List<Object>> fields, List<FragmentRef> fragments) {}

        /** Two selections with equal keys build equal shapes: same fields, same types, same AST occurrences. */
        Key key() {
            return new Key(fields.stream().map(field -> List.<Object>of(field.responseName(), field.fieldName(),
                    field.type(), field.conditional(), field.occurrences())).toList(), fragments);
        }
    }

    private FlatSelection flatten(GraphQLCompositeType type, Collected collected) {
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
                conditional ? presenceKeys(type, name, collected) : List.of())));
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
                            .map(definition -> reason(definition.getDeprecationReason())),
                    nested));
        }
        return new ObjectSelection(type.getName(), fields, flat.fragments());
    }

    /**
     * The sub-selections of all occurrences of one response key. Given that the key is in the response,
     * an occurrence's sub-selections are there unless a directive the other occurrences do not share
     * left that occurrence out; those directives stay on them.
     */
    private static List<Reached> nestedSelections(List<ReachedField> occurrences) {
        Set<String> common = new LinkedHashSet<>(occurrences.get(0).guard());
        occurrences.forEach(occurrence -> common.retainAll(occurrence.guard()));
        List<Reached> nested = new ArrayList<>();
        for (ReachedField occurrence : occurrences) {
            Set<String> guard = new LinkedHashSet<>(occurrence.guard());
            guard.removeAll(common);
            selectionsOf(occurrence.field().getSelectionSet()).forEach(child -> nested.add(new Reached(child, guard)));
        }
        return nested;
    }

    /**
     * The response keys whose presence tells that a conditional spread was included: those the fragment
     * always brings on this type and nothing else in the selection brings. When every key it brings is also
     * brought otherwise, its own keys: decoding it then reads values that are there either way.
     */
    private List<String> presenceKeys(GraphQLCompositeType type, String fragmentName, Collected collected) {
        Map<String, Boolean> own = fragmentKeys(type, fragmentName, new LinkedHashSet<>());
        Set<String> elsewhere = new LinkedHashSet<>(collected.fields.keySet());
        collected.spreads.keySet().stream().filter(name -> !name.equals(fragmentName))
                .forEach(name -> elsewhere.addAll(fragmentKeys(type, name, new LinkedHashSet<>()).keySet()));
        List<String> always = own.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
        List<String> telling = always.stream().filter(key -> !elsewhere.contains(key)).toList();
        return telling.isEmpty() ? always : telling;
    }

    /**
     * Every response key a fragment may bring on objects of this type, through its spreads and inline
     * fragments, mapped to whether it always brings it. Keys of type conditions that do not always apply
     * count as maybe.
     */
    private Map<String, Boolean> fragmentKeys(GraphQLCompositeType type, String fragmentName, Set<String> visiting) {
        Map<String, Boolean> keys = new LinkedHashMap<>();
        FragmentDefinition fragment = fragments.apply(fragmentName).orElse(null);
        if (fragment != null && visiting.add(fragmentName)) {
            collectKeys(type, selectionsOf(fragment.getSelectionSet()), true, visiting, keys);
        }
        return keys;
    }

    private void collectKeys(GraphQLCompositeType type, List<Selection<?>> selections, boolean always,
            Set<String> visiting, Map<String, Boolean> keys) {
        for (Selection<?> selection : selections) {
            boolean here = always && guardOf(selection).isEmpty();
            if (selection instanceof Field field) {
                keys.merge(field.getResultKey(), here, Boolean::logicalOr);
            } else if (selection instanceof InlineFragment inline) {
                GraphQLCompositeType condition = inline.getTypeCondition() == null ? type
                        : compositeType(inline.getTypeCondition().getName());
                if (condition != null) {
                    collectKeys(type, selectionsOf(inline.getSelectionSet()), here && applies(condition, type), visiting, keys);
                }
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = fragments.apply(spread.getName()).orElse(null);
                GraphQLCompositeType condition = fragment == null ? null : compositeType(fragment.getTypeCondition().getName());
                if (condition != null && visiting.add(spread.getName())) {
                    collectKeys(type, selectionsOf(fragment.getSelectionSet()), here && applies(condition, type), visiting, keys);
                    visiting.remove(spread.getName());
                }
            }
        }
    }

    private GraphQLFieldDefinition fieldDefinition(GraphQLCompositeType type, String name) {
        if (type == schema.getQueryType() && (name.equals("__schema") || name.equals("__type"))) {
            return name.equals("__schema") ? Introspection.SchemaMetaFieldDef : Introspection.TypeMetaFieldDef;
        }
        return type instanceof GraphQLFieldsContainer container ? container.getFieldDefinition(name) : null;
    }

    private Collected collect(GraphQLCompositeType parent, List<Reached> selections) {
        Collected into = new Collected();
        collectInto(parent, selections, into);
        return into;
    }

    /**
     * Gathers the response keys and spreads of one selection set for objects of {@code parent}: type
     * conditions that apply to every such object are flattened in, the others only mark it as narrowed.
     */
    private void collectInto(GraphQLCompositeType parent, List<Reached> selections, Collected into) {
        for (Reached reached : selections) {
            Selection<?> selection = reached.selection();
            Set<String> guard = new LinkedHashSet<>(reached.guard());
            guard.addAll(guardOf(selection));
            if (selection instanceof Field field) {
                into.fields.computeIfAbsent(field.getResultKey(), key -> new ArrayList<>()).add(new ReachedField(field, guard));
            } else if (selection instanceof InlineFragment inline) {
                GraphQLCompositeType condition = inline.getTypeCondition() == null ? parent
                        : compositeType(inline.getTypeCondition().getName());
                if (condition == null) {
                    continue;
                }
                if (applies(condition, parent)) {
                    into.applied.add(condition);
                    List<Reached> children = new ArrayList<>();
                    selectionsOf(inline.getSelectionSet()).forEach(child -> children.add(new Reached(child, guard)));
                    collectInto(parent, children, into);
                } else {
                    into.narrowed = true;
                }
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = fragments.apply(spread.getName()).orElse(null);
                GraphQLCompositeType condition = fragment == null ? null
                        : compositeType(fragment.getTypeCondition().getName());
                if (condition == null) {
                    continue;
                }
                if (applies(condition, parent)) {
                    into.applied.add(condition);
                    into.spreads.merge(spread.getName(), !guard.isEmpty(), Boolean::logicalAnd);
                } else {
                    into.narrowed = true;
                }
            }
        }
    }

    /**
     * True when every object of {@code type} satisfies the condition, including objects of types the schema
     * does not have yet: for an abstract type that holds only for itself and the interfaces it implements.
     */
    private boolean applies(GraphQLCompositeType condition, GraphQLCompositeType type) {
        if (condition.getName().equals(type.getName())) {
            return true;
        }
        if (type instanceof GraphQLObjectType object) {
            return possibleTypes(condition).contains(object);
        }
        return type instanceof GraphQLInterfaceType iface && condition instanceof GraphQLInterfaceType
                && implementsInterface(iface, condition.getName());
    }

    private static boolean implementsInterface(GraphQLInterfaceType type, String name) {
        for (graphql.schema.GraphQLNamedOutputType implemented : type.getInterfaces()) {
            if (implemented.getName().equals(name)
                    || implemented instanceof GraphQLInterfaceType iface && implementsInterface(iface, name)) {
                return true;
            }
        }
        return false;
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

    /**
     * The {@code @include}/{@code @skip} directives that may leave a selection out, printed; the constant
     * ones that always keep it ({@code @include(if: true)}, {@code @skip(if: false)}) are not.
     */
    private static Set<String> guardOf(Selection<?> selection) {
        if (!(selection instanceof DirectivesContainer<?> container)) {
            return Set.of();
        }
        Set<String> guard = new LinkedHashSet<>();
        for (Directive directive : container.getDirectives()) {
            String name = directive.getName();
            if (name.equals("include") || name.equals("skip")) {
                String printed = AstPrinter.printAstCompact(directive);
                if (!printed.equals(name.equals("include") ? "@include(if:true)" : "@skip(if:false)")) {
                    guard.add(printed);
                }
            }
        }
        return guard;
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // graphql-java's SelectionSet returns a raw List<Selection>
    private static List<Selection<?>> selectionsOf(graphql.language.SelectionSet selectionSet) {
        return selectionSet == null ? List.of() : (List) selectionSet.getSelections();
    }

    /** Selections as they reach a selection set, each without directives of its own yet. */
    private static List<Reached> unguarded(graphql.language.SelectionSet selectionSet) {
        return selectionsOf(selectionSet).stream().map(selection -> new Reached(selection, Set.of())).toList();
    }

    private static String reason(String deprecationReason) {
        return deprecationReason == null ? "" : deprecationReason;
    }

    /**
     * A selection as it reaches a selection set, with the {@code @include}/{@code @skip} directives above it
     * (on enclosing fragments, or on other occurrences of its field) that may leave it out.
     */
    private record Reached(Selection<?> selection, Set<String> guard) {
        Reached {
            guard = Set.copyOf(guard);
        }
    }

    /** One occurrence of a response key and the directives that may leave it out; compared by AST identity. */
    private record ReachedField(Field field, Set<String> guard) {
        ReachedField {
            guard = Set.copyOf(guard);
        }
    }

    /** Response keys, spreads and type conditions of one selection set for one type, in document order. */
    private static final class Collected {
        final Map<String, List<ReachedField>> fields = new LinkedHashMap<>();
        /** Spreads that apply, by fragment name: true when every one of them may be left out. */
        final Map<String, Boolean> spreads = new LinkedHashMap<>();
        /** Type conditions of inline fragments and spreads that apply, flattened in, in document order. */
        final List<GraphQLCompositeType> applied = new ArrayList<>();
        /** Some type condition applies to only some objects of the type. */
        boolean narrowed;
    }
}
