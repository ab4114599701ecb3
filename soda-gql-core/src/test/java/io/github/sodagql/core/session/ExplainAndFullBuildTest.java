package io.github.sodagql.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.sodagql.core.config.ScalarMapping;
import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.graph.DefinitionGraph;
import io.github.sodagql.core.graph.DefinitionId;
import io.github.sodagql.core.source.ProjectPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -Dsoda-gql.explain} (the explanation in report.json) and {@code -Dsoda-gql.full} (the clean-build check). */
class ExplainAndFullBuildTest {
    private static final String DOCUMENTS = "src/main/graphql/";
    private static final String GENERATED = "target/generated-sources/soda-gql/com/example/large/";
    private static final DefinitionId BRAND_BADGE = DefinitionId.fragment(DOCUMENTS + "entities/brand.graphql::BrandBadge");

    @TempDir
    Path project;

    private long clock = 1_700_000_000_000L;

    @BeforeEach
    void coldBuild() throws IOException {
        IncrementalDifferentialTest.copy(IncrementalDifferentialTest.fixture("large-app"), project.resolve("src/main/graphql"));
        assertEquals(List.of(), session().buildInitial().diagnostics());
    }

    private BuilderSession session() {
        return new BuilderSession(SodaGqlConfig.builder(project).javaPackage("com.example.large")
                .scalar(ScalarMapping.of("DateTime", "java.time.OffsetDateTime")).build());
    }

    private void edit(String document, String from, String to) throws IOException {
        Path file = project.resolve(DOCUMENTS + document);
        String text = Files.readString(file);
        assertTrue(text.contains(from), from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.fromMillis(clock += 1000));
    }

    private JsonObject explainInReport() throws IOException {
        String report = Files.readString(project.resolve("target/soda-gql/" + BuilderSession.REPORT_FILE));
        return JsonParser.parseString(report).getAsJsonObject().getAsJsonObject("explain");
    }

    @Test
    void oneFragmentEditNamesExactlyItsDependentsWithTheirChains() throws IOException {
        edit("entities/brand.graphql", "fragment BrandBadge on Brand {", "fragment BrandBadge on Brand {\n  __typename");
        BuilderSession session = session();

        BuildResult result = session.buildInitial();

        assertEquals(List.of(), result.diagnostics());
        JsonObject explain = explainInReport();
        JsonArray changes = explain.getAsJsonArray("changes");
        assertEquals(1, changes.size());
        JsonObject change = changes.get(0).getAsJsonObject();
        assertEquals(DOCUMENTS + "entities/brand.graphql", change.get("input").getAsString());
        assertEquals("updated", change.get("change").getAsString());
        assertEquals("size/mtime moved and hash differs", change.get("reason").getAsString());

        DefinitionGraph graph = DefinitionGraph.build(session.snapshot().orElseThrow().files().values());
        SortedSet<String> expected = new TreeSet<>();
        expected.add(BRAND_BADGE.toString());
        graph.transitiveDependents(Set.of(BRAND_BADGE)).forEach(id -> expected.add(id.toString()));
        // Definitions of the edited file itself are rebuilt because their file changed.
        graph.definitions().keySet().stream().filter(id -> id.file().equals(BRAND_BADGE.file()))
                .forEach(id -> expected.add(id.toString()));
        SortedSet<String> named = new TreeSet<>();
        for (JsonElement element : explain.getAsJsonArray("rebuilt")) {
            JsonObject rebuilt = element.getAsJsonObject();
            String id = rebuilt.get("definition").getAsString();
            named.add(id);
            // Every chain is real: each link spreads the next, and the last one is in the edited file.
            List<DefinitionId> via = new ArrayList<>();
            rebuilt.getAsJsonArray("via").forEach(v -> via.add(DefinitionId.fragment(v.getAsString())));
            DefinitionId from = graph.definitions().keySet().stream().filter(d -> d.toString().equals(id)).findFirst()
                    .orElseThrow();
            for (DefinitionId link : via) {
                assertTrue(graph.spreads(from).contains(link), from + " spreads " + link);
                from = link;
            }
            assertEquals(BRAND_BADGE.file(), from.file(), id + " ends in the edited file");
            assertEquals(DOCUMENTS + "entities/brand.graphql, updated", rebuilt.get("cause").getAsString());
            assertTrue(rebuilt.get("validated").getAsBoolean(), id);
        }
        assertEquals(expected, named);
        assertTrue(expected.size() > 3 && expected.size() < graph.definitions().size(), expected.toString());

        JsonObject productCard = find(explain.getAsJsonArray("rebuilt"), DOCUMENTS + "entities/product.graphql::ProductCard");
        assertEquals("ProductCard <- spreads BrandBadge (" + DOCUMENTS + "entities/brand.graphql, updated)",
                productCard.get("chain").getAsString());
        assertFalse(productCard.get("regenerated").getAsBoolean(), explain.toString());
        assertTrue(result.report().explanation().lines().contains("  ProductCard <- spreads BrandBadge ("
                + DOCUMENTS + "entities/brand.graphql, updated) [validated]"), result.report().explanation().lines().toString());

        // Outputs: written and unwritten are listed apart, and agree with the counters.
        assertEquals(result.report().counters().filesWritten(), explain.getAsJsonArray("written").size());
        assertEquals(result.report().counters().filesUnchanged(), explain.getAsJsonArray("unchanged").size());
        assertTrue(explain.getAsJsonArray("written").toString().contains("BrandBadge.java"));
    }

    private static JsonObject find(JsonArray rebuilt, String id) {
        for (JsonElement element : rebuilt) {
            if (element.getAsJsonObject().get("definition").getAsString().equals(id)) {
                return element.getAsJsonObject();
            }
        }
        throw new AssertionError(id + " not in " + rebuilt);
    }

    @Test
    void aNoOpExplainsThatNothingChangedAndListsATouchedFileApart() throws IOException {
        Files.setLastModifiedTime(project.resolve(DOCUMENTS + "entities/brand.graphql"), FileTime.fromMillis(clock += 1000));

        BuildResult result = session().buildInitial();

        BuildExplanation explanation = result.report().explanation();
        assertEquals(List.of(new BuildExplanation.InputChange(DOCUMENTS + "entities/brand.graphql", "touched",
                "size/mtime moved, same hash: not rebuilt")), explanation.changes());
        assertEquals(List.of(), explanation.rebuilt());
        assertEquals(0, explainInReport().getAsJsonArray("rebuilt").size());
    }

    @Test
    void aSchemaChangeExplainsEveryDefinitionInOneLine() throws IOException {
        Path schema = project.resolve(DOCUMENTS + "schema.graphqls");
        Files.writeString(schema, Files.readString(schema) + "\nextend type Query {\n  extra: String\n}\n");

        BuildResult result = session().buildInitial();

        BuildExplanation explanation = result.report().explanation();
        assertEquals("updated", explanation.changes().get(0).change());
        assertEquals(DOCUMENTS + "schema.graphqls", explanation.changes().get(0).input());
        assertTrue(explanation.rebuilt().stream().allMatch(r -> r.cause().equals("schema changed")));
        assertTrue(explanation.lines().stream().anyMatch(line -> line.startsWith("  every one: schema changed")),
                explanation.lines().toString());
    }

    @Test
    void fullOnAnUntouchedProjectFindsNoDifference() throws IOException {
        BuildResult full = session().buildFull();

        assertEquals(List.of(), full.diagnostics());
        assertEquals("full: requested", full.report().mode());
        assertEquals(List.of(), full.report().explanation().written());
        assertEquals(0, full.report().counters().filesWritten());
        assertTrue(full.report().counters().filesUnchanged() > 20);
    }

    @Test
    void fullAfterAnOutputWasCorruptedReportsExactlyThatFileAndRestoresIt() throws IOException {
        Path output = project.resolve(GENERATED + "SearchResultsQuery.java");
        String original = Files.readString(output);
        Files.writeString(output, "// corrupted\n" + original);

        BuildResult full = session().buildFull();

        List<Diagnostic> errors = full.errors();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(DiagnosticCode.INCREMENTAL_MISMATCH, errors.get(0).code());
        assertTrue(errors.get(0).message().contains(GENERATED + "SearchResultsQuery.java"), errors.get(0).message());
        assertEquals(List.of(new ProjectPath(GENERATED + "SearchResultsQuery.java")), full.report().explanation().written());
        assertEquals(1, full.report().counts().errors(), "the summary counts it");
        assertEquals(0, full.artifact().orElseThrow().counts().errors(), "the artifact does not");
        assertEquals(original, Files.readString(output));
        assertEquals(List.of(), session().buildInitial().diagnostics(), "the mismatch is this build's finding only");
    }

    @Test
    void fullAfterADeletedOutputReportsItToo() throws IOException {
        Files.delete(project.resolve(GENERATED + "BrandBadge.java"));

        BuildResult full = session().buildFull();

        assertEquals(List.of(DiagnosticCode.INCREMENTAL_MISMATCH), full.errors().stream().map(Diagnostic::code).toList());
        assertTrue(Files.isRegularFile(project.resolve(GENERATED + "BrandBadge.java")));
    }

    @Test
    void fullAfterAnInputEditComparesWithTheIncrementalResultOfThatEdit() throws IOException {
        edit("entities/brand.graphql", "fragment BrandBadge on Brand {", "fragment BrandBadge on Brand {\n  __typename");

        BuildResult full = session().buildFull();

        assertEquals(List.of(), full.diagnostics());
        assertEquals("full: requested", full.report().mode());
        assertTrue(Files.readString(project.resolve(GENERATED + "BrandBadge.java")).contains("__typename"));
    }

    @Test
    void fullWithoutAnEarlierBuildSaysItHadNothingToCompare() throws IOException {
        Path fresh = project.resolve("other");
        IncrementalDifferentialTest.copy(IncrementalDifferentialTest.fixture("large-app"), fresh.resolve("src/main/graphql"));

        BuildResult full = new BuilderSession(SodaGqlConfig.builder(fresh).javaPackage("com.example.large")
                .scalar(ScalarMapping.of("DateTime", "java.time.OffsetDateTime")).build()).buildFull();

        assertEquals(List.of(), full.diagnostics());
        assertTrue(full.notices().stream().anyMatch(n -> n.contains("no earlier build to compare with")), full.notices().toString());
    }
}
