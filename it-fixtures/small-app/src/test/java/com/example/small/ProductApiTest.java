package com.example.small;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.small.graphql.CreateProductMutation;
import com.example.small.graphql.GraphQLOperation;
import com.example.small.graphql.Input;
import com.example.small.graphql.Operations;
import com.example.small.graphql.ProductDetail;
import com.example.small.graphql.ProductListQuery;
import com.example.small.graphql.ProductSummary;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the generated operations against a graphql-java engine that serves this project's schema
 * ({@code src/main/graphql/schema.graphqls}) from an in-memory product list.
 */
class ProductApiTest {

    /** A product as the in-memory "database" stores it; graphql-java reads its record accessors. */
    public record Product(String id, String name, int priceCents, boolean inStock) {}

    private final List<Product> products = new ArrayList<>();
    private GraphQL graphQL;

    @BeforeEach
    void startEngine() {
        for (int i = 1; i <= 12; i++) {
            products.add(new Product("p" + i, "Product " + i, 100 * i, i % 3 != 0));
        }

        Path schemaFile = Path.of(System.getProperty("basedir", "."), "src/main/graphql/schema.graphqls");
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", type -> type
                        .dataFetcher("products", env -> {
                            Integer first = env.getArgument("first");
                            return first == null ? products : products.subList(0, Math.min(first, products.size()));
                        })
                        .dataFetcher("product", env -> findProduct(env.getArgument("id"))))
                .type("Mutation", type -> type
                        .dataFetcher("createProduct", env -> {
                            Product created = new Product("p" + (products.size() + 1),
                                    env.getArgument("name"), env.<Integer>getArgument("priceCents"), true);
                            products.add(created);
                            return created;
                        }))
                .build();
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(schemaFile.toFile()), wiring);
        graphQL = GraphQL.newGraphQL(schema).build();
    }

    private Product findProduct(String id) {
        return products.stream().filter(product -> product.id().equals(id)).findFirst().orElse(null);
    }

    /** Executes a document and returns the {@code data} member, failing on any GraphQL error. */
    private Map<String, Object> execute(String document, Map<String, Object> variables) {
        ExecutionResult result = graphQL.execute(ExecutionInput.newExecutionInput().query(document).variables(variables).build());
        assertTrue(result.getErrors().isEmpty(), () -> "GraphQL errors: " + result.getErrors());
        return result.getData();
    }

    @Test
    void productListWithoutFirstUsesTheDocumentDefaultOfTen() {
        ProductListQuery.Variables variables = ProductListQuery.Variables.builder().build();
        assertEquals(Map.of(), variables.toMap(), "an absent variable is left out of the request");

        ProductListQuery.Data data = ProductListQuery.Data.fromMap(execute(ProductListQuery.DOCUMENT, variables.toMap()));

        assertEquals(10, data.products().size());
        ProductDetail first = data.products().get(0).productDetail();
        assertTrue(first.inStock());
        ProductSummary summary = first.productSummary();
        assertEquals("p1", summary.id());
        assertEquals("Product 1", summary.name());
        assertEquals(100, summary.priceCents());
        ProductDetail third = data.products().get(2).productDetail();
        assertEquals("p3", third.productSummary().id());
        assertFalse(third.inStock());
    }

    @Test
    void productListWithExplicitNullFirstReturnsEverything() {
        ProductListQuery.Variables variables = ProductListQuery.Variables.builder().first(null).build();
        assertTrue(variables.toMap().containsKey("first"));
        assertNull(variables.toMap().get("first"));

        ProductListQuery.Data data = ProductListQuery.Data.fromMap(execute(ProductListQuery.DOCUMENT, variables.toMap()));

        assertEquals(12, data.products().size());
        assertEquals("Product 12", data.products().get(11).productDetail().productSummary().name());
    }

    @Test
    void productListWithAValueForFirst() {
        ProductListQuery.Variables variables = ProductListQuery.Variables.builder().first(3).build();
        assertEquals(Map.of("first", 3), variables.toMap());

        ProductListQuery.Data data = ProductListQuery.INSTANCE.decode(execute(ProductListQuery.DOCUMENT, variables.toMap()));

        assertEquals(List.of("p1", "p2", "p3"),
                data.products().stream().map(p -> p.productDetail().productSummary().id()).toList());
    }

    @Test
    void createProductAddsAProductThatTheListThenShows() {
        CreateProductMutation.Variables variables = CreateProductMutation.Variables.builder()
                .name("Desk Lamp")
                .priceCents(4599)
                .build();
        assertEquals(Map.of("name", "Desk Lamp", "priceCents", 4599), variables.toMap());

        CreateProductMutation.Data data = CreateProductMutation.Data.fromMap(execute(CreateProductMutation.DOCUMENT, variables.toMap()));

        ProductSummary created = data.createProduct().productSummary();
        assertEquals("p13", created.id());
        assertEquals("Desk Lamp", created.name());
        assertEquals(4599, created.priceCents());

        ProductListQuery.Data list = ProductListQuery.Data.fromMap(execute(ProductListQuery.DOCUMENT,
                ProductListQuery.Variables.builder().first(20).build().toMap()));
        ProductDetail last = list.products().get(list.products().size() - 1).productDetail();
        assertEquals(created, last.productSummary());
        assertTrue(last.inStock());
    }

    @Test
    void operationsCanBeLookedUpByIdAndByName() {
        assertEquals(2, Operations.all().size());
        assertSame(CreateProductMutation.INSTANCE, Operations.byName("CreateProduct").orElseThrow());
        assertTrue(Operations.byName("NoSuchOperation").isEmpty());

        // A persisted-query server only gets the id: look the operation up and run its document.
        GraphQLOperation<?, ?> operation = Operations.byId(ProductListQuery.OPERATION_ID).orElseThrow();
        assertSame(ProductListQuery.INSTANCE, operation);
        assertEquals("query", operation.kind());
        assertEquals("ProductList", operation.name());

        Object decoded = operation.decode(execute(operation.document(), Map.of("first", 1)));

        ProductListQuery.Data data = assertInstanceOf(ProductListQuery.Data.class, decoded);
        assertEquals("p1", data.products().get(0).productDetail().productSummary().id());
    }
}
