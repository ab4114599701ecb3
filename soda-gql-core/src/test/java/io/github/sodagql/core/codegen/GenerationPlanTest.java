package io.github.sodagql.core.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sodagql.core.TestProject;
import io.github.sodagql.core.graph.AffectedSet;
import io.github.sodagql.core.graph.DefinitionGraph;
import io.github.sodagql.core.graph.DefinitionId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class GenerationPlanTest {
    private static final DefinitionGraph EDGES = DefinitionGraph.build(TestProject.parse("graph/edges"));
    private static final DefinitionId PRICE = DefinitionId.fragment("entities/product.graphql::Price");
    private static final DefinitionId CARD = DefinitionId.fragment("entities/product.graphql::ProductCard");
    private static final DefinitionId PRICE_LIST = DefinitionId.operation("pages/list.graphql::PriceList");
    private static final DefinitionId PRODUCT_LIST = DefinitionId.operation("pages/list.graphql::ProductList");
    private static final DefinitionId PLAIN = DefinitionId.operation("pages/list.graphql::Plain");

    /** {@code edited} changed themselves; {@code reached} only through what they spread. */
    private static AffectedSet affected(Set<DefinitionId> edited, Set<DefinitionId> reached) {
        Map<DefinitionId, AffectedSet.Cause> causes = new TreeMap<>();
        edited.forEach(id -> causes.put(id, new AffectedSet.Cause(List.of(), "edited")));
        reached.forEach(id -> causes.put(id, new AffectedSet.Cause(List.of(PRICE), "edited")));
        return new AffectedSet(new TreeMap<>(causes), edited);
    }

    private static GenerationPlan plan(AffectedSet affected, Set<DefinitionId> repairs, Set<DefinitionId> stale, boolean full,
            String text) {
        return GenerationPlan.of(EDGES, affected, repairs, stale, full, false, path -> text);
    }

    @Test
    void anAffectedOperationIsGenerated() {
        assertEquals(Set.of(PRICE_LIST), plan(affected(Set.of(), Set.of(PRICE_LIST)), Set.of(), Set.of(), false, "").wanted());
    }

    @Test
    void aFragmentAffectedOnlyThroughItsSpreadsKeepsItsCode() {
        GenerationPlan plan = plan(affected(Set.of(PRICE), Set.of(CARD, PRODUCT_LIST)), Set.of(), Set.of(), false,
                "fragment ProductCard on Product { name ...Price }");

        assertEquals(Set.of(PRICE, PRODUCT_LIST), plan.wanted());
    }

    @Test
    void aConditionalSpreadMakesTheSpreadingFragmentGenerateAgain() {
        GenerationPlan plan = plan(affected(Set.of(PRICE), Set.of(CARD)), Set.of(), Set.of(), false,
                "fragment ProductCard on Product { name ...Price @include(if: true) }");

        assertEquals(Set.of(PRICE, CARD), plan.wanted());
    }

    @Test
    void damagedAndStaleOutputsAreGeneratedThoughNothingAffectsThem() {
        GenerationPlan plan = plan(affected(Set.of(), Set.of()), Set.of(PLAIN), Set.of(CARD), false, "");

        assertEquals(Set.of(PLAIN, CARD), plan.wanted());
    }

    @Test
    void aFullPlanGeneratesEveryDefinitionThatOwnsCode() {
        GenerationPlan plan = plan(affected(Set.of(), Set.of()), Set.of(), Set.of(), true, "");

        assertEquals(Set.of(PRICE, CARD, PRICE_LIST, PRODUCT_LIST, PLAIN), plan.wanted());
        assertTrue(plan.full());
        assertEquals(plan.wanted(), plan(affected(Set.of(), Set.of()), Set.of(), Set.of(), false, "").everything(EDGES).wanted());
    }

    @Test
    void theDuplicateANameDoesNotResolveToOwnsNoCode() {
        DefinitionGraph duplicate = DefinitionGraph.build(TestProject.parse("graph/duplicate"));
        GenerationPlan plan = GenerationPlan.of(duplicate, affected(Set.of(), Set.of()), Set.of(), Set.of(), true, false,
                path -> "");

        assertEquals(Set.of(DefinitionId.fragment("a.graphql::Card"), DefinitionId.operation("b.graphql::Products")),
                plan.wanted());
    }
}
