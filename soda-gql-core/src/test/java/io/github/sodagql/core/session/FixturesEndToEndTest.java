package io.github.sodagql.core.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.sodagql.core.artifact.Artifact;
import io.github.sodagql.core.artifact.ArtifactCounts;
import io.github.sodagql.core.artifact.ArtifactFragment;
import io.github.sodagql.core.artifact.ArtifactOperation;
import io.github.sodagql.core.compose.VariableDeclaration;
import io.github.sodagql.core.config.ScalarMapping;
import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.parse.OperationKind;
import io.github.sodagql.core.source.ProjectPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * End-to-end builds of the integration fixtures under {@code it-fixtures/}: each fixture's
 * {@code src/main/graphql} tree is copied into a temporary project (the fixtures are never written to) and
 * built with a fresh {@link BuilderSession} and the plugin's defaults.
 */
class FixturesEndToEndTest {
    private static final String PACKAGE = "com.example.fixture";
    private static final String DOCUMENTS = "src/main/graphql";
    private static final String ARTIFACT = "target/soda-gql/" + BuilderSession.ARTIFACT_FILE;

    @TempDir
    Path tempDir;

    // ---------------------------------------------------------------- 1. counts, no diagnostics

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // fixture,   documents, operations, queries, mutations, subscriptions, fragments
        "small-app,   2,         2,          1,       1,         0,             2",
        "medium-app,  5,         6,          3,       2,         1,             8",
        "large-app,   19,        16,         9,       5,         2,             21",
    })
    void fixtureBuildsWithoutAnyDiagnosticAndWithExactCounts(String fixture, int documents, int operations,
            int queries, int mutations, int subscriptions, int fragments) throws IOException {
        Path project = copyFixture(fixture, tempDir.resolve(fixture));

        BuildResult result = build(project);

        assertEquals(List.of(), result.diagnostics(), "no error and no warning expected for " + fixture);
        assertFalse(result.hasErrors());
        Artifact artifact = result.artifact().orElseThrow();
        ArtifactCounts expected = new ArtifactCounts(documents, operations, fragments, 0, 0);
        assertEquals(expected, artifact.counts(), "artifact counts");
        assertEquals(expected, result.report().counts(), "report counts");
        assertEquals(operations, artifact.operations().size(), "operations listed in the artifact");
        assertEquals(fragments, artifact.fragments().size(), "fragments listed in the artifact");
        assertEquals(queries, countKind(artifact, OperationKind.QUERY), "queries");
        assertEquals(mutations, countKind(artifact, OperationKind.MUTATION), "mutations");
        assertEquals(subscriptions, countKind(artifact, OperationKind.SUBSCRIPTION), "subscriptions");
        assertEquals(documents, result.report().counters().filesParsed(), "documents parsed");

        JsonObject report = readArtifactJson(project).getAsJsonObject("report");
        assertEquals(documents, report.get("documents").getAsInt());
        assertEquals(operations, report.get("operations").getAsInt());
        assertEquals(fragments, report.get("fragments").getAsInt());
        assertEquals(0, report.get("errors").getAsInt());
        assertEquals(0, report.get("warnings").getAsInt());
    }

    // ---------------------------------------------------------------- 2. composed documents and ids

    @Test
    void smallAppProductListComposesOperationThenBothFragmentsAlphabetically() throws IOException {
        Path project = copyFixture("small-app", tempDir);
        assertNoDiagnostics(build(project));

        assertOperationEntry(readArtifactJson(project), "ProductList", "query",
                "src/main/graphql/pages/products.graphql",
                "query ProductList($first:Int=10){products(first:$first){...ProductDetail}}"
                        + " fragment ProductDetail on Product {...ProductSummary inStock}"
                        + " fragment ProductSummary on Product {id name priceCents}",
                List.of("ProductDetail", "ProductSummary"),
                "e478522b39c7bac3521872cde0c49d255f27356f5a638516a8ea23fb2b7851e5");
    }

    @Test
    void smallAppCreateProductComposesOnlyTheFragmentItReaches() throws IOException {
        Path project = copyFixture("small-app", tempDir);
        assertNoDiagnostics(build(project));

        assertOperationEntry(readArtifactJson(project), "CreateProduct", "mutation",
                "src/main/graphql/pages/products.graphql",
                "mutation CreateProduct($name:String!,$priceCents:Int!)"
                        + "{createProduct(name:$name,priceCents:$priceCents){...ProductSummary}}"
                        + " fragment ProductSummary on Product {id name priceCents}",
                List.of("ProductSummary"),
                "58398482a2b51472256bf6eb3a78a28194693ceaf30bb4dabaea648d520d48ba");
    }

    @Test
    void largeAppCartPageComposesEveryFragmentReachedAcrossFiles() throws IOException {
        Path project = copyFixture("large-app", tempDir);
        assertNoDiagnostics(build(project));

        // CartView (cart/) -> CartTotals, CartLineItem (entities/cart) -> ProductCard, ProductVariantOption,
        // MoneyAmount (entities/product) -> BrandBadge (entities/brand).
        assertOperationEntry(readArtifactJson(project), "CartPage", "query",
                "src/main/graphql/cart/cart.graphql",
                "query CartPage{cart{...CartView}}"
                        + " fragment BrandBadge on Brand {id slug name logo{url altText}}"
                        + " fragment CartLineItem on CartLine {id quantity unitPrice{...MoneyAmount}"
                        + "lineTotal{...MoneyAmount}product{...ProductCard}variant{...ProductVariantOption}}"
                        + " fragment CartTotals on Cart {itemCount subtotal{...MoneyAmount}"
                        + "estimatedTax{...MoneyAmount}total{...MoneyAmount}}"
                        + " fragment CartView on Cart {id updatedAt ...CartTotals lines{...CartLineItem}}"
                        + " fragment MoneyAmount on Money {amountCents currency formatted}"
                        + " fragment ProductCard on Product {id slug name stockStatus"
                        + " thumbnail{url altText width height}price{...MoneyAmount}compareAtPrice{...MoneyAmount}"
                        + "rating{average count}brand{...BrandBadge}}"
                        + " fragment ProductVariantOption on ProductVariant {id sku name stockStatus"
                        + " price{...MoneyAmount}options{name value}}",
                List.of("BrandBadge", "CartLineItem", "CartTotals", "CartView", "MoneyAmount", "ProductCard",
                        "ProductVariantOption"),
                "4a6a2381f10c1eb03598a3b5c7d227ccefd7b5d9d0a503babf5ce64e0a2b0667");
    }

    @Test
    void largeAppSearchResultsComposesUnionAndInterfaceSelections() throws IOException {
        Path project = copyFixture("large-app", tempDir);
        assertNoDiagnostics(build(project));

        // search returns the SearchResult union; '... on Node' is an interface condition.
        assertOperationEntry(readArtifactJson(project), "SearchResults", "query",
                "src/main/graphql/pages/search.graphql",
                "query SearchResults($query:String!,$first:Int=10){search(query:$query,first:$first)"
                        + "{__typename ...on Node{id}...on Product{...ProductCard}...on Brand{...BrandBadge}"
                        + "...on Category{...CategoryTile}}}"
                        + " fragment BrandBadge on Brand {id slug name logo{url altText}}"
                        + " fragment CategoryLink on Category {id slug name}"
                        + " fragment CategoryTile on Category {...CategoryLink productCount image{url altText}}"
                        + " fragment MoneyAmount on Money {amountCents currency formatted}"
                        + " fragment ProductCard on Product {id slug name stockStatus"
                        + " thumbnail{url altText width height}price{...MoneyAmount}compareAtPrice{...MoneyAmount}"
                        + "rating{average count}brand{...BrandBadge}}",
                List.of("BrandBadge", "CategoryLink", "CategoryTile", "MoneyAmount", "ProductCard"),
                "2e79149f82d7e88675c87566fa15c714ef10384dd491c0604291a019c538eca1");
    }

    @Test
    void operationVariablesKeepNameTypeAndDefaultValue() throws IOException {
        Path small = copyFixture("small-app", tempDir.resolve("small"));
        Artifact smallArtifact = assertNoDiagnostics(build(small));
        assertEquals(List.of(new VariableDeclaration("first", "Int", Optional.of("10"))),
                operation(smallArtifact, "ProductList").variables());
        assertEquals(List.of(new VariableDeclaration("name", "String!", Optional.empty()),
                        new VariableDeclaration("priceCents", "Int!", Optional.empty())),
                operation(smallArtifact, "CreateProduct").variables());

        // Int, enum and Boolean defaults, nullable and non-null types, in declaration order.
        Path large = copyFixture("large-app", tempDir.resolve("large"));
        Artifact largeArtifact = assertNoDiagnostics(build(large));
        assertEquals(List.of(
                        new VariableDeclaration("first", "Int", Optional.of("24")),
                        new VariableDeclaration("after", "String", Optional.empty()),
                        new VariableDeclaration("filter", "ProductFilterInput", Optional.empty()),
                        new VariableDeclaration("sort", "ProductSort", Optional.of("RELEVANCE")),
                        new VariableDeclaration("withTotal", "Boolean", Optional.of("true"))),
                operation(largeArtifact, "ProductList").variables());

        // The JSON form: defaultValue is the GraphQL literal as a string, or null.
        JsonArray variables = operationJson(readArtifactJson(small), "ProductList").getAsJsonArray("variables");
        assertEquals(1, variables.size());
        JsonObject first = variables.get(0).getAsJsonObject();
        assertEquals(Set.of("name", "type", "defaultValue"), first.keySet());
        assertEquals("first", first.get("name").getAsString());
        assertEquals("Int", first.get("type").getAsString());
        assertEquals("10", first.get("defaultValue").getAsString());
        JsonObject name = operationJson(readArtifactJson(small), "CreateProduct").getAsJsonArray("variables")
                .get(0).getAsJsonObject();
        assertTrue(name.get("defaultValue").isJsonNull(), "a variable without default has defaultValue null");
    }

    // ---------------------------------------------------------------- 3. determinism

    @Test
    void twoBuildsGiveByteIdenticalArtifacts() throws IOException {
        Path first = copyFixture("large-app", tempDir.resolve("first"));
        Path second = copyFixture("large-app", tempDir.resolve("second-project"));

        assertNoDiagnostics(build(first));
        byte[] firstBytes = Files.readAllBytes(first.resolve(ARTIFACT));
        assertNoDiagnostics(build(second));
        byte[] secondBytes = Files.readAllBytes(second.resolve(ARTIFACT));
        assertArrayEquals(firstBytes, secondBytes, "two projects with the same inputs");

        assertNoDiagnostics(build(first));
        assertArrayEquals(firstBytes, Files.readAllBytes(first.resolve(ARTIFACT)),
                "a fresh session over the first project");

        String text = new String(firstBytes, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"source\": \"src/main/graphql/cart/cart.graphql\""),
                "sources are project-relative");
        for (Path absolute : List.of(tempDir, tempDir.toRealPath(), first, first.toRealPath(), second)) {
            assertFalse(text.contains(absolute.toString()), "artifact holds absolute path " + absolute);
        }
        assertFalse(text.contains(repoRoot().toString()), "artifact holds the repository path");
        assertFalse(text.contains("\r"), "artifact uses \\n line ends");
        assertTrue(text.endsWith("}\n"), "artifact ends with one newline");
    }

    // ---------------------------------------------------------------- 4. formatting does not matter

    @Test
    void reformattingADocumentChangesNoId() throws IOException {
        Path pristine = copyFixture("large-app", tempDir.resolve("pristine"));
        Path reformatted = copyFixture("large-app", tempDir.resolve("reformatted"));
        Path cart = reformatted.resolve(DOCUMENTS).resolve("cart/cart.graphql");
        String original = Files.readString(cart);
        String rewritten = reformat(original);
        assertNotEquals(original, rewritten);
        assertTrue(rewritten.contains("# reformatted"), "the rewrite adds comments");
        assertTrue(rewritten.contains(","), "the rewrite adds commas");
        Files.writeString(cart, rewritten);

        Map<String, String> before = idsByName(assertNoDiagnostics(build(pristine)));
        Map<String, String> after = idsByName(assertNoDiagnostics(build(reformatted)));

        assertEquals(16, before.size());
        assertEquals(before, after);
        assertEquals("4a6a2381f10c1eb03598a3b5c7d227ccefd7b5d9d0a503babf5ce64e0a2b0667", after.get("CartPage"));
        assertArrayEquals(Files.readAllBytes(pristine.resolve(ARTIFACT)), Files.readAllBytes(reformatted.resolve(ARTIFACT)),
                "the whole artifact is unchanged by reformatting");
    }

    // ---------------------------------------------------------------- 5. fragment entries

    @Test
    void artifactListsFragmentsWithTypeConditionSourceAndSpreads() throws IOException {
        Path project = copyFixture("large-app", tempDir);
        Artifact artifact = assertNoDiagnostics(build(project));

        // CartLineItem spreads MoneyAmount twice, ProductCard and ProductVariantOption: direct spreads only,
        // distinct and sorted; ProductCard's own BrandBadge is not listed.
        ArtifactFragment expected = new ArtifactFragment("CartLineItem", "CartLine",
                ProjectPath.parse("src/main/graphql/entities/cart.graphql"),
                List.of("MoneyAmount", "ProductCard", "ProductVariantOption"));
        assertEquals(List.of(expected),
                artifact.fragments().stream().filter(f -> f.name().equals("CartLineItem")).toList());

        JsonObject fragment = null;
        List<String> names = new ArrayList<>();
        for (JsonElement element : readArtifactJson(project).getAsJsonArray("fragments")) {
            JsonObject entry = element.getAsJsonObject();
            names.add(entry.get("name").getAsString());
            if (entry.get("name").getAsString().equals("CartLineItem")) {
                fragment = entry;
            }
        }
        assertEquals(names.stream().sorted().toList(), names, "fragments are sorted by name");
        assertEquals(21, names.size());
        assertTrue(fragment != null, "CartLineItem is listed");
        assertEquals(List.of("name", "typeCondition", "source", "spreads"), new ArrayList<>(fragment.keySet()));
        assertEquals("CartLineItem", fragment.get("name").getAsString());
        assertEquals("CartLine", fragment.get("typeCondition").getAsString());
        assertEquals("src/main/graphql/entities/cart.graphql", fragment.get("source").getAsString());
        assertEquals(List.of("MoneyAmount", "ProductCard", "ProductVariantOption"), strings(fragment.getAsJsonArray("spreads")));
    }

    // ---------------------------------------------------------------- 6. counters, unchanged output

    @Test
    void rebuildWithFreshSessionLeavesUnchangedArtifactUntouched() throws IOException {
        Path project = copyFixture("large-app", tempDir);

        BuildResult first = build(project);
        assertNoDiagnostics(first);
        BuildCounters counters = first.report().counters();
        assertEquals(19, counters.filesParsed(), "filesParsed");
        assertEquals(16, counters.operationsValidated(), "operationsValidated");
        int outputs = generatedSources(project) + 1;
        assertEquals(outputs, counters.filesWritten(), "filesWritten (generated sources and artifact.json)");
        assertEquals(0, counters.filesUnchanged(), "filesUnchanged");

        Path artifact = project.resolve(ARTIFACT);
        byte[] bytes = Files.readAllBytes(artifact);
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(artifact, old);

        BuildResult second = build(project);
        assertNoDiagnostics(second);
        assertEquals(0, second.report().counters().filesWritten(), "filesWritten on the second build");
        assertEquals(outputs, second.report().counters().filesUnchanged(), "filesUnchanged on the second build");
        assertEquals(old, Files.getLastModifiedTime(artifact), "artifact.json was not rewritten");
        assertArrayEquals(bytes, Files.readAllBytes(artifact));
    }

    // ---------------------------------------------------------------- helpers

    private static int generatedSources(Path project) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(project.resolve("target/generated-sources/soda-gql"))) {
            return (int) files.filter(f -> f.toString().endsWith(".java")).count();
        }
    }

    private static BuildResult build(Path project) {
        return new BuilderSession(SodaGqlConfig.builder(project).javaPackage(PACKAGE)
                .scalar(ScalarMapping.of("DateTime", "java.time.OffsetDateTime")).build()).buildInitial();
    }

    private static Artifact assertNoDiagnostics(BuildResult result) {
        assertEquals(List.of(), result.diagnostics(), "no diagnostics expected");
        return result.artifact().orElseThrow();
    }

    private static long countKind(Artifact artifact, OperationKind kind) {
        return artifact.operations().stream().filter(op -> op.kind() == kind).count();
    }

    private static ArtifactOperation operation(Artifact artifact, String name) {
        List<ArtifactOperation> found = artifact.operations().stream().filter(op -> op.name().equals(name)).toList();
        assertEquals(1, found.size(), "operations named " + name);
        return found.get(0);
    }

    private static Map<String, String> idsByName(Artifact artifact) {
        return artifact.operations().stream().collect(Collectors.toMap(ArtifactOperation::name,
                op -> op.id().hex(), (a, b) -> {
                    throw new AssertionError("duplicate operation name");
                }, TreeMap::new));
    }

    /** Asserts the artifact.json entry of one operation, key by key, and that id and document agree. */
    private static void assertOperationEntry(JsonObject artifact, String name, String kind, String source,
            String document, List<String> fragments, String id) {
        JsonObject operation = operationJson(artifact, name);
        assertEquals(List.of("id", "name", "kind", "document", "source", "fragments", "variables"),
                new ArrayList<>(operation.keySet()));
        assertEquals(kind, operation.get("kind").getAsString(), "kind");
        assertEquals(source, operation.get("source").getAsString(), "source");
        assertEquals(document, operation.get("document").getAsString(), "document");
        assertEquals(fragments, strings(operation.getAsJsonArray("fragments")), "fragments");
        assertEquals(id, operation.get("id").getAsString(), "id");
        assertEquals(id, sha256Hex(document), "id is the SHA-256 of the compact document");
    }

    private static JsonObject operationJson(JsonObject artifact, String name) {
        List<JsonObject> found = new ArrayList<>();
        for (JsonElement element : artifact.getAsJsonArray("operations")) {
            if (element.getAsJsonObject().get("name").getAsString().equals(name)) {
                found.add(element.getAsJsonObject());
            }
        }
        assertEquals(1, found.size(), "operations named " + name + " in artifact.json");
        return found.get(0);
    }

    private static List<String> strings(JsonArray array) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(element.getAsString()));
        return values;
    }

    private static JsonObject readArtifactJson(Path project) throws IOException {
        return JsonParser.parseString(Files.readString(project.resolve(ARTIFACT), StandardCharsets.UTF_8))
                .getAsJsonObject();
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The same document, written differently: no indentation, a comment before every definition and at
     * line ends, commas between selections and arguments, and blank lines.
     */
    private static String reformat(String text) {
        StringBuilder out = new StringBuilder("# reformatted by FixturesEndToEndTest\n\n");
        for (String line : text.split("\n", -1)) {
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                out.append("\n\n");
                continue;
            }
            if (stripped.startsWith("query") || stripped.startsWith("mutation")
                    || stripped.startsWith("subscription") || stripped.startsWith("fragment")) {
                out.append("# reformatted: ").append(stripped).append('\n');
            }
            boolean selection = !stripped.endsWith("{") && !stripped.equals("}") && !stripped.endsWith("(")
                    && !stripped.startsWith(")");
            out.append(stripped.replace(", ", " ,  ")).append(selection ? "," : "").append("   \t\n");
        }
        return out.toString();
    }

    /** Copies a fixture's {@code src/main/graphql} tree into {@code project}; nothing else. */
    private static Path copyFixture(String fixture, Path project) throws IOException {
        Path source = repoRoot().resolve("it-fixtures").resolve(fixture).resolve(DOCUMENTS);
        assertTrue(Files.isDirectory(source), "fixture documents at " + source);
        Path target = project.resolve(DOCUMENTS);
        try (Stream<Path> walk = Files.walk(source)) {
            walk.forEach(from -> {
                Path to = target.resolve(source.relativize(from).toString());
                try {
                    if (Files.isDirectory(from)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(from, to);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return project.toAbsolutePath();
    }

    private static Path repoRoot() {
        return io.github.sodagql.core.TestProject.repoRoot();
    }
}
