package io.github.sodagql.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sodagql.core.TestProject;
import io.github.sodagql.core.parse.ParsedFile;
import io.github.sodagql.core.source.ProjectPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AffectedSetTest {
    private static final DefinitionId PRICE = DefinitionId.fragment("entities/product.graphql::Price");
    private static final DefinitionId CARD = DefinitionId.fragment("entities/product.graphql::ProductCard");
    private static final DefinitionId PRICE_LIST = DefinitionId.operation("pages/list.graphql::PriceList");
    private static final DefinitionId PRODUCT_LIST = DefinitionId.operation("pages/list.graphql::ProductList");
    private static final DefinitionId PLAIN = DefinitionId.operation("pages/list.graphql::Plain");

    /** The documents of {@code graph/edges}, with those of {@code graph/affected/<edit>} put over them. */
    private static Map<ProjectPath, ParsedFile> files(String edit) {
        Map<ProjectPath, ParsedFile> files = new TreeMap<>();
        TestProject.parse("graph/edges").forEach(file -> files.put(file.path(), file));
        if (!edit.isEmpty()) {
            TestProject.parse("graph/affected/" + edit).forEach(file -> files.put(file.path(), file));
        }
        return files;
    }

    private static AffectedSet between(String before, String after, Set<ProjectPath> changed, String change) {
        Map<ProjectPath, ParsedFile> old = files(before);
        Map<ProjectPath, ParsedFile> now = files(after);
        return AffectedSet.between(DefinitionGraph.build(old.values()), DefinitionGraph.build(now.values()), old, now,
                changed, path -> change);
    }

    @Test
    void anEditedFragmentAffectsEveryDefinitionThatReachesItWithTheShortestChain() {
        AffectedSet affected = between("", "edited",
                Set.of(ProjectPath.parse("entities/product.graphql")), "updated");

        assertEquals(Set.of(PRICE, CARD, PRICE_LIST, PRODUCT_LIST), affected.ids());
        assertEquals(Set.of(PRICE), affected.edited());
        String origin = "entities/product.graphql, updated";
        assertEquals(new AffectedSet.Cause(List.of(), origin), affected.cause(PRICE).orElseThrow());
        assertEquals(new AffectedSet.Cause(List.of(PRICE), origin), affected.cause(CARD).orElseThrow());
        assertEquals(new AffectedSet.Cause(List.of(PRICE), origin), affected.cause(PRICE_LIST).orElseThrow());
        assertEquals(new AffectedSet.Cause(List.of(CARD, PRICE), origin), affected.cause(PRODUCT_LIST).orElseThrow());
    }

    @Test
    void aDefinitionWithTheSameTextAtTheSamePlaceIsNotEdited() {
        AffectedSet affected = between("", "edited",
                Set.of(ProjectPath.parse("entities/product.graphql")), "updated");

        assertFalse(affected.edited().contains(CARD), "ProductCard's own text did not change");
        assertFalse(affected.contains(PLAIN), "Plain reaches no changed fragment");
    }

    @Test
    void aNewDuplicateAffectsTheFragmentItShadowsAndItsDependents() {
        AffectedSet affected = between("", "duplicated",
                Set.of(ProjectPath.parse("extra.graphql")), "added");

        DefinitionId extra = DefinitionId.fragment("extra.graphql::Price");
        assertEquals(Set.of(extra), affected.edited());
        assertEquals("same name as " + extra + ", added", affected.cause(PRICE).orElseThrow().origin());
        assertTrue(affected.contains(PRODUCT_LIST));
        assertFalse(affected.contains(PLAIN));
    }

    @Test
    void nothingChangedAffectsNothing() {
        AffectedSet affected = between("", "", Set.of(), "updated");

        assertTrue(affected.causes().isEmpty());
    }

    @Test
    void everythingGivesEachDefinitionTheOneReason() {
        AffectedSet affected = AffectedSet.everything(DefinitionGraph.build(files("edited").values()),
                "schema changed");

        assertEquals(Set.of(PRICE, CARD, PRICE_LIST, PRODUCT_LIST, PLAIN), affected.ids());
        affected.causes().values().forEach(cause -> assertEquals(new AffectedSet.Cause(List.of(), "schema changed"), cause));
    }
}
