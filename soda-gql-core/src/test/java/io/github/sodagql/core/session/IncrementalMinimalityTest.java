package io.github.sodagql.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sodagql.core.config.ScalarMapping;
import io.github.sodagql.core.config.SodaGqlConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each build does the least work its change needs, counted. Every build here runs in a new session, so
 * state crosses through the snapshot on disk, as between two {@code mvn} runs.
 */
class IncrementalMinimalityTest {
    private static final String DOCUMENTS = "src/main/graphql/";
    private static final String GENERATED = "target/generated-sources/soda-gql/com/example/large/";

    @TempDir
    Path project;

    private long clock = 1_700_000_000_000L;

    @BeforeEach
    void coldBuild() throws IOException {
        IncrementalDifferentialTest.copy(IncrementalDifferentialTest.fixture("large-app"), project.resolve("src/main/graphql"));
        BuildResult cold = build();
        assertEquals(List.of(), cold.diagnostics());
        assertTrue(cold.report().mode().startsWith("full"), cold.report().mode());
    }

    /** A build as in a new {@code mvn} run: a new session, and a JVM that remembers no schema. */
    private BuildResult build() {
        SchemaMemory.forget();
        return buildInThisJvm();
    }

    private BuildResult buildInThisJvm() {
        return new BuilderSession(SodaGqlConfig.builder(project).javaPackage("com.example.large")
                .scalar(ScalarMapping.of("DateTime", "java.time.OffsetDateTime")).build()).buildInitial();
    }

    private void edit(String document, String from, String to) throws IOException {
        Path file = project.resolve(DOCUMENTS + document);
        String text = Files.readString(file);
        assertTrue(text.contains(from), from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.fromMillis(clock += 1000));
    }

    @Test
    void noOpBuildParsesNothingAndWritesNothing() {
        BuildResult noOp = build();

        BuildCounters counters = noOp.report().counters();
        assertEquals("incremental", noOp.report().mode());
        assertEquals(19, counters.statHits());
        assertEquals(0, counters.hashesComputed());
        assertEquals(0, counters.filesParsed());
        assertEquals(0, counters.operationsValidated());
        assertEquals(0, counters.filesGenerated());
        assertEquals(0, counters.filesWritten());
        assertTrue(noOp.report().summaryLine().endsWith("[incremental]"), noOp.report().summaryLine());
    }

    @Test
    void touchingAFileWithoutChangingItParsesNothing() throws IOException {
        Files.setLastModifiedTime(project.resolve(DOCUMENTS + "entities/brand.graphql"), FileTime.fromMillis(clock += 1000));

        BuildCounters counters = build().report().counters();

        assertEquals(1, counters.hashesComputed());
        assertEquals(0, counters.filesParsed());
        assertEquals(0, counters.filesWritten());
        assertEquals(19, build().report().counters().statHits(), "the new stat was remembered");
    }

    @Test
    void editingOneOperationRevalidatesItAndWritesOnlyItsOutputs() throws IOException {
        edit("pages/search.graphql", "search(query: $query, first: $first) {", "search(query: $query, first: $first) {\n    __typename");

        BuildResult result = build();

        BuildCounters counters = result.report().counters();
        assertEquals(List.of(), result.diagnostics());
        assertEquals(1, counters.filesParsed());
        assertEquals(1, counters.operationsValidated());
        assertEquals(1, counters.filesGenerated(), "only SearchResultsQuery.java is rendered again");
        assertEquals(2, counters.filesWritten(), "SearchResultsQuery.java and artifact.json");
    }

    @Test
    void editingOneFragmentRevalidatesExactlyItsTransitiveDependents() throws IOException {
        edit("entities/brand.graphql", "fragment BrandBadge on Brand {", "fragment BrandBadge on Brand {\n  __typename");

        BuildResult result = build();

        BuildCounters counters = result.report().counters();
        assertEquals(List.of(), result.diagnostics());
        assertEquals(1, counters.filesParsed());
        // BrandBadge <- ProductCard <- CartLineItem, ...: the operations that reach BrandBadge, and no other.
        long reaching = result.artifact().orElseThrow().operations().stream()
                .filter(operation -> operation.fragments().contains("BrandBadge")).count();
        assertEquals(reaching, counters.operationsValidated());
        assertTrue(reaching < 16, "not every operation reaches BrandBadge");
        assertTrue(counters.filesWritten() > 0);
    }

    @Test
    void editingOneFragmentOfAFileLeavesTheOtherDefinitionsOfThatFileAlone() throws IOException {
        // ProductDetailFields is the last definition of entities/product.graphql, after MoneyAmount and ProductCard,
        // which most operations reach.
        edit("entities/product.graphql", "fragment ProductDetailFields on Product {",
                "fragment ProductDetailFields on Product {\n  __typename");

        BuildResult result = build();

        assertEquals(List.of(), result.diagnostics());
        long reaching = result.artifact().orElseThrow().operations().stream()
                .filter(operation -> operation.fragments().contains("ProductDetailFields")).count();
        assertEquals(1, reaching);
        assertEquals(reaching, result.report().counters().operationsValidated());
        assertEquals(List.of("ProductDetailFields", "ProductDetailPage"), result.report().explanation().rebuilt().stream()
                .map(r -> r.id().name()).sorted().toList());
    }

    @Test
    void addingAFileThatDefinesAMissingFragmentResolvesTheWaitingOperation() throws IOException {
        Path waiting = project.resolve(DOCUMENTS + "pages/waiting.graphql");
        Files.writeString(waiting, "query Waiting {\n  viewer {\n    ...Later\n  }\n}\n");
        BuildResult broken = build();
        assertEquals(List.of("UNKNOWN_FRAGMENT"), broken.errors().stream().map(d -> d.code().name()).toList());

        Files.writeString(project.resolve(DOCUMENTS + "entities/later.graphql"), "fragment Later on User {\n  id\n}\n");
        BuildResult fixed = build();

        assertEquals(List.of(), fixed.diagnostics());
        assertEquals(1, fixed.report().counters().filesParsed());
        assertEquals(1, fixed.report().counters().operationsValidated());
        assertTrue(Files.isRegularFile(project.resolve(GENERATED + "WaitingQuery.java")));
        assertTrue(Files.isRegularFile(project.resolve(GENERATED + "Later.java")));
    }

    @Test
    void removingAFileDeletesItsOutputs() throws IOException {
        assertTrue(Files.isRegularFile(project.resolve(GENERATED + "SearchResultsQuery.java")));
        Files.delete(project.resolve(DOCUMENTS + "pages/search.graphql"));

        BuildResult result = build();

        assertEquals(List.of(), result.diagnostics());
        assertFalse(Files.exists(project.resolve(GENERATED + "SearchResultsQuery.java")));
        assertEquals(1, result.report().counters().filesDeleted());
    }

    @Test
    void anOutputEditedOnDiskIsRewritten() throws IOException {
        Path output = project.resolve(GENERATED + "SearchResultsQuery.java");
        String original = Files.readString(output);
        Files.writeString(output, "// edited by hand\n" + original);

        BuildResult result = build();

        assertEquals(original, Files.readString(output));
        assertEquals(1, result.report().counters().filesWritten());
        assertEquals(0, result.report().counters().filesParsed());
    }

    @Test
    void aCorruptSnapshotCostsAFullBuildWithOneNotice() throws IOException {
        Files.writeString(project.resolve("target/soda-gql/" + SnapshotStore.FILE), "not a snapshot");

        BuildResult result = build();

        assertEquals("full: snapshot unusable", result.report().mode());
        assertEquals(1, result.notices().size());
        assertTrue(result.notices().get(0).contains("building everything"), result.notices().get(0));
        assertEquals(List.of(), result.diagnostics());
        assertEquals("incremental", build().report().mode());
    }

    @Test
    void aSchemaChangeRevalidatesEverythingWithoutReparsingChangedNothing() throws IOException {
        Path schema = project.resolve(DOCUMENTS + "schema.graphqls");
        Files.writeString(schema, Files.readString(schema) + "\nextend type Query {\n  extra: String\n}\n");

        BuildResult result = build();

        assertEquals("incremental, schema changed", result.report().mode());
        assertEquals(0, result.report().counters().filesParsed());
        assertEquals(16, result.report().counters().operationsValidated());
        assertEquals(1, result.report().counters().schemaParsed());
    }

    @Test
    void anEditInANewSessionTakesTheSchemaFromTheSavedParseNotFromItsFile() throws IOException {
        edit("entities/brand.graphql", "fragment BrandBadge on Brand {", "fragment BrandBadge on Brand {\n  __typename");

        BuildResult result = build();

        assertEquals(List.of(), result.diagnostics());
        assertEquals(0, result.report().counters().schemaParsed());
        assertTrue(result.report().counters().operationsValidated() > 0, "validated against the saved schema");
    }

    @Test
    void aDamagedSavedSchemaParseOnlyCostsAParseOfTheSchema() throws IOException {
        Path saved = project.resolve("target/soda-gql/" + SchemaRegistryStore.FILE);
        byte[] bytes = Files.readAllBytes(saved);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(saved, bytes);
        edit("entities/brand.graphql", "fragment BrandBadge on Brand {", "fragment BrandBadge on Brand {\n  __typename");

        BuildResult damaged = build();

        assertEquals(List.of(), damaged.diagnostics());
        assertEquals(List.of(), damaged.notices(), "a cache miss is not worth a word");
        assertEquals(1, damaged.report().counters().schemaParsed());
        edit("entities/brand.graphql", "fragment BrandBadge on Brand {\n  __typename", "fragment BrandBadge on Brand {");
        assertEquals(0, build().report().counters().schemaParsed(), "the parse was saved again");
    }

    @Test
    void aNewSessionInTheSameJvmTakesTheSchemaFromMemory() throws IOException {
        Files.delete(project.resolve("target/soda-gql/" + SchemaRegistryStore.FILE));
        edit("entities/brand.graphql", "fragment BrandBadge on Brand {", "fragment BrandBadge on Brand {\n  __typename");

        BuildResult remembered = buildInThisJvm();

        assertEquals(List.of(), remembered.diagnostics());
        assertEquals(0, remembered.report().counters().schemaParsed(), "neither parsed nor read from the state directory");
        edit("entities/brand.graphql", "fragment BrandBadge on Brand {\n  __typename", "fragment BrandBadge on Brand {");
        assertEquals(1, build().report().counters().schemaParsed(), "a new JVM without the saved parse parses the schema");
    }
}
