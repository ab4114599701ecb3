package io.github.sodagql.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sodagql.core.TestProject;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.source.ProjectPath;
import io.github.sodagql.core.source.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DefinitionGraphTest {

    private static DefinitionGraph graphOf(String folder) {
        return DefinitionGraph.build(TestProject.parse(folder));
    }

    private static SourceLocation at(String file, int line, int column) {
        return new SourceLocation(ProjectPath.parse(file), line, column);
    }

    private static DefinitionId operation(String canonical) {
        return DefinitionId.operation(canonical);
    }

    private static DefinitionId fragment(String canonical) {
        return DefinitionId.fragment(canonical);
    }

    @Test
    void canonicalIdIsPathColonColonName() {
        DefinitionId id = new DefinitionId(ProjectPath.parse("pages/list.graphql"), "ProductList", DefinitionId.Kind.OPERATION);
        assertEquals("pages/list.graphql::ProductList", id.toString());
        assertEquals(id, DefinitionId.operation("pages/list.graphql::ProductList"));
    }

    @Test
    void indexesFragmentsByNameAndKeepsEdgesBothWays() {
        DefinitionGraph graph = graphOf("graph/edges");

        assertEquals(List.of(), graph.diagnostics());
        assertEquals(Map.of("Price", fragment("entities/product.graphql::Price"),
                "ProductCard", fragment("entities/product.graphql::ProductCard")), graph.fragmentIndex());
        assertEquals(Set.of(fragment("entities/product.graphql::ProductCard")), graph.spreads(operation("pages/list.graphql::ProductList")));
        assertEquals(new TreeSet<>(List.of(fragment("entities/product.graphql::ProductCard"), operation("pages/list.graphql::PriceList"))),
                graph.spreadBy(fragment("entities/product.graphql::Price")));
        assertEquals(Set.of(fragment("entities/product.graphql::Price"), fragment("entities/product.graphql::ProductCard")),
                graph.reachableFragments(operation("pages/list.graphql::ProductList")));
    }

    @Test
    void transitiveDependentsAreEveryDefinitionThatReachesAChangedFragment() {
        DefinitionGraph graph = graphOf("graph/edges");

        SortedSet<DefinitionId> affected = graph.transitiveDependents(List.of(fragment("entities/product.graphql::Price")));

        assertEquals(new TreeSet<>(List.of(fragment("entities/product.graphql::ProductCard"),
                operation("pages/list.graphql::PriceList"), operation("pages/list.graphql::ProductList"))), affected);
    }

    @Test
    void fileLevelAdjacencyIsDerivedFromDefinitionEdges() {
        DefinitionGraph graph = graphOf("graph/edges");

        assertEquals(Set.of(ProjectPath.parse("entities/product.graphql")),
                graph.fileDependencies().get(ProjectPath.parse("pages/list.graphql")));
        assertEquals(Set.of(), graph.fileDependencies().get(ProjectPath.parse("entities/product.graphql")));
    }

    @Test
    void duplicateFragmentNamesAreReportedAtBothDefinitions() {
        DefinitionGraph graph = graphOf("graph/duplicate");

        List<Diagnostic> duplicates = graph.diagnostics();
        assertEquals(2, duplicates.size());
        assertEquals(DiagnosticCode.DOC_DUPLICATE, duplicates.get(0).code());
        assertEquals(at("a.graphql", 1, 1), duplicates.get(0).location().orElseThrow());
        assertEquals("Fragment 'Card' is defined more than once; also at b.graphql:1:1.", duplicates.get(0).message());
        assertEquals(List.of(at("b.graphql", 1, 1)), duplicates.get(0).related());
        assertEquals(at("b.graphql", 1, 1), duplicates.get(1).location().orElseThrow());
        assertEquals(List.of(at("a.graphql", 1, 1)), duplicates.get(1).related());
        assertEquals(fragment("a.graphql::Card"), graph.fragmentIndex().get("Card"));
    }

    @Test
    void unknownSpreadIsReportedAtTheSpreadWithASuggestion() {
        DefinitionGraph graph = graphOf("graph/unknown");

        Diagnostic diagnostic = graph.diagnostics().get(0);
        assertEquals(1, graph.diagnostics().size());
        assertEquals(DiagnosticCode.UNKNOWN_FRAGMENT, diagnostic.code());
        assertEquals(at("page.graphql", 3, 5), diagnostic.location().orElseThrow());
        assertEquals("Unknown fragment 'ProductCrad'. Did you mean 'ProductCard' (product.graphql:1:1)?",
                diagnostic.message());
    }

    @Test
    void fragmentCycleIsPrintedAsAChainWithLocations() {
        DefinitionGraph graph = graphOf("graph/cycle");

        assertEquals(1, graph.diagnostics().size());
        Diagnostic diagnostic = graph.diagnostics().get(0);
        assertEquals(DiagnosticCode.FRAGMENT_CYCLE, diagnostic.code());
        assertEquals(at("cycle.graphql", 3, 3), diagnostic.location().orElseThrow());
        assertEquals("Fragment cycle: A -> B -> A (spreads at cycle.graphql:3:3, cycle.graphql:8:3).", diagnostic.message());
        assertEquals(List.of(at("cycle.graphql", 3, 3), at("cycle.graphql", 8, 3)), diagnostic.related());
    }

    @Test
    void operationAndFragmentOfTheSameNameInOneFileAreBothKept() {
        DefinitionGraph graph = graphOf("graph/same-name");

        assertEquals(List.of(), graph.diagnostics());
        assertEquals(Set.of(fragment("page.graphql::Product")), graph.spreads(operation("page.graphql::Product")));
        assertEquals(2, graph.definitions().size());
    }

    @Test
    void suggestionIgnoresNamesThatAreFarOff() {
        assertEquals(java.util.Optional.empty(), NameSuggestion.closest("Cart", List.of("ProductCard", "Review")));
        assertEquals(java.util.Optional.of("ProductCard"), NameSuggestion.closest("productcard", List.of("ProductCard")));
    }
}
