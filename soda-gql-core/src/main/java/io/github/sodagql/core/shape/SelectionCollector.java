package io.github.sodagql.core.shape;

import graphql.language.AstPrinter;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLUnionType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Gathers what one selection set brings to objects of one type: its response keys (each occurrence with the
 * {@code @include}/{@code @skip} directives that may leave it out), the spreads that apply, and whether some
 * type condition narrows it; and which keys a conditional spread is told apart by. Knows the schema's type
 * relations (which conditions apply to which types), nothing about shapes.
 */
final class SelectionCollector {
    private final GraphQLSchema schema;
    private final Function<String, Optional<FragmentDefinition>> fragments;

    SelectionCollector(GraphQLSchema schema, Function<String, Optional<FragmentDefinition>> fragments) {
        this.schema = schema;
        this.fragments = fragments;
    }

    Collected collect(GraphQLCompositeType parent, List<Reached> selections) {
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
    boolean applies(GraphQLCompositeType condition, GraphQLCompositeType type) {
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

    Set<GraphQLObjectType> possibleTypes(GraphQLCompositeType type) {
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
    static List<Selection<?>> selectionsOf(graphql.language.SelectionSet selectionSet) {
        return selectionSet == null ? List.of() : (List) selectionSet.getSelections();
    }

    /** Selections as they reach a selection set, each without directives of its own yet. */
    static List<Reached> unguarded(graphql.language.SelectionSet selectionSet) {
        return selectionsOf(selectionSet).stream().map(selection -> new Reached(selection, Set.of())).toList();
    }

    /**
     * The response keys whose presence tells that a conditional spread was included: those the fragment
     * always brings on this type and nothing else in the selection brings. When every key it brings is also
     * brought otherwise, its own keys: decoding it then reads values that are there either way.
     */
    List<String> presenceKeys(GraphQLCompositeType type, String fragmentName, Collected collected) {
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

    /**
     * A selection as it reaches a selection set, with the {@code @include}/{@code @skip} directives above it
     * (on enclosing fragments, or on other occurrences of its field) that may leave it out.
     */
    record Reached(Selection<?> selection, Set<String> guard) {
        Reached {
            guard = Set.copyOf(guard);
        }
    }

    /** One occurrence of a response key and the directives that may leave it out; compared by AST identity. */
    record ReachedField(Field field, Set<String> guard) {
        ReachedField {
            guard = Set.copyOf(guard);
        }
    }

    /** Response keys, spreads and type conditions of one selection set for one type, in document order. */
    static final class Collected {
        final Map<String, List<ReachedField>> fields = new LinkedHashMap<>();
        /** Spreads that apply, by fragment name: true when every one of them may be left out. */
        final Map<String, Boolean> spreads = new LinkedHashMap<>();
        /** Type conditions of inline fragments and spreads that apply, flattened in, in document order. */
        final List<GraphQLCompositeType> applied = new ArrayList<>();
        /** Some type condition applies to only some objects of the type. */
        boolean narrowed;
    }
}
