package io.github.sodagql.core.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.language.FragmentDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What one selection set brings to one type, over the small schema in {@code shape/schema.graphqls}. */
class SelectionCollectorTest {
    private static final GraphQLSchema SCHEMA = TestSchemas.load("shape/schema.graphqls");
    private final Map<String, FragmentDefinition> fragments = new HashMap<>();
    private final SelectionCollector collector = new SelectionCollector(SCHEMA, n -> Optional.ofNullable(fragments.get(n)));

    private static GraphQLCompositeType type(String name) {
        return (GraphQLCompositeType) SCHEMA.getType(name);
    }

    private FragmentDefinition fragment(String text) {
        Parser.parse(text).getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        return fragments.values().stream().filter(f -> text.contains("fragment " + f.getName() + " ")).findFirst().orElseThrow();
    }

    private SelectionCollector.Collected collect(String parent, FragmentDefinition fragment) {
        return collector.collect(type(parent), SelectionCollector.unguarded(fragment.getSelectionSet()));
    }

    @Test
    void anInterfaceConditionAppliesToTheUnionMembersThatImplementItOnly() {
        assertTrue(collector.applies(type("Node"), type("Partner")));
        assertFalse(collector.applies(type("Node"), type("OrderParty")), "a later member need not implement Node");
        assertEquals(List.of("Partner", "User"), collector.possibleTypes(type("OrderParty")).stream()
                .map(t -> t.getName()).toList());
    }

    @Test
    void aConditionThatAlwaysAppliesIsFlattenedAndANarrowerOneMarksTheSelectionNarrowed() {
        SelectionCollector.Collected onPartner = collect("Partner",
                fragment("fragment P on OrderParty { ... on Node { id } ... on User { email } }"));
        SelectionCollector.Collected onUnion = collect("OrderParty", fragments.get("P"));

        assertEquals(Set.of("id"), onPartner.fields.keySet());
        assertTrue(onPartner.narrowed, "... on User does not apply to every Partner");
        assertEquals(Set.of(), onUnion.fields.keySet());
        assertTrue(onUnion.narrowed);
    }

    @Test
    void aDirectiveThatMayLeaveASelectionOutGuardsItAndAConstantOneDoesNot() {
        SelectionCollector.Collected viewer = collect("Viewer",
                fragment("fragment V on Viewer { me @include(if: $x) { id } partner @include(if: true) { id } }"));

        assertEquals(Set.of("@include(if:$x)"), viewer.fields.get("me").get(0).guard());
        assertEquals(Set.of(), viewer.fields.get("partner").get(0).guard());
    }

    @Test
    void aConditionalSpreadIsToldApartByTheKeysOnlyItBrings() {
        fragment("fragment Mine on Viewer { me { id } partner { id } }");
        SelectionCollector.Collected viewer = collect("Viewer",
                fragment("fragment Outer on Viewer { partner { id } ...Mine @skip(if: $s) }"));

        assertEquals(Map.of("Mine", true), viewer.spreads);
        assertEquals(List.of("me"), collector.presenceKeys(type("Viewer"), "Mine", viewer));
    }
}
