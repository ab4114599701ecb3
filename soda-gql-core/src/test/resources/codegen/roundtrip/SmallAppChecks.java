package roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.smallapp.CreateProductMutation;
import com.example.smallapp.GraphQLOperation;
import com.example.smallapp.Input;
import com.example.smallapp.ProductDetail;
import com.example.smallapp.ProductListQuery;
import io.github.sodagql.core.codegen.roundtrip.Engine;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Round trips of small-app's operations, written against the generated API and compiled with it at test
 * time. Each {@code public static void xxx(Engine)} method is one test of RoundTripTest.
 */
public final class SmallAppChecks {
    private SmallAppChecks() {}

    /** Variables for every operation, by operation name: the "every operation executes" test uses them. */
    public static Map<String, GraphQLOperation.Variables> sampleVariables() {
        return Map.of(
                "ProductList", ProductListQuery.Variables.builder().first(4).build(),
                "CreateProduct", CreateProductMutation.Variables.builder().name("Pour-over Stand").priceCents(2900).build());
    }

    public static void productListDecodesEachProductThroughItsFragmentAccessors(Engine engine) {
        ProductListQuery.Variables variables = ProductListQuery.Variables.builder().first(3).build();

        ProductListQuery.Data data = ProductListQuery.Data.fromMap(engine.execute(ProductListQuery.DOCUMENT, variables.toMap()));

        assertEquals(3, data.products().size());
        ProductDetail espressoCup = data.products().get(0).productDetail();
        assertEquals("p1", espressoCup.productSummary().id());
        assertEquals("Espresso Cup", espressoCup.productSummary().name());
        assertEquals(450, espressoCup.productSummary().priceCents());
        assertTrue(espressoCup.inStock());
        ProductDetail tamper = data.products().get(2).productDetail();
        assertEquals("p3", tamper.productSummary().id());
        assertEquals("Tamper", tamper.productSummary().name());
        assertEquals(650, tamper.productSummary().priceCents());
        assertFalse(tamper.inStock());
    }

    public static void productListVariableGivenIsSentAndUsed(Engine engine) {
        ProductListQuery.Variables variables = ProductListQuery.Variables.builder().first(2).build();

        assertEquals(Map.of("first", 2), variables.toMap());
        ProductListQuery.Data data = ProductListQuery.Data.fromMap(engine.execute(ProductListQuery.DOCUMENT, variables.toMap()));
        assertEquals(Map.of("first", 2), engine.arguments("Query.products"));
        assertEquals(2, data.products().size());
    }

    public static void productListVariableLeftAbsentIsNotSentSoTheOperationDefaultApplies(Engine engine) {
        ProductListQuery.Variables variables = ProductListQuery.Variables.builder().build();

        assertEquals(Map.of(), variables.toMap());
        ProductListQuery.Data data = ProductListQuery.Data.fromMap(engine.execute(ProductListQuery.DOCUMENT, variables.toMap()));
        assertEquals(Map.of("first", 10), engine.arguments("Query.products"), "$first: Int = 10");
        assertEquals(10, data.products().size());
    }

    public static void productListVariableSetToNullIsSentAsAnExplicitNullThatOverridesTheDefault(Engine engine) {
        // first(null) sends an explicit null; not calling first(...) leaves it absent.
        ProductListQuery.Variables variables = ProductListQuery.Variables.builder().first(null).build();
        ProductListQuery.Variables viaCast = ProductListQuery.Variables.builder().first((Integer) null).build();

        assertEquals(Collections.singletonMap("first", null), variables.toMap());
        assertEquals(variables, viaCast);
        ProductListQuery.Data data = ProductListQuery.Data.fromMap(engine.execute(ProductListQuery.DOCUMENT, variables.toMap()));
        assertEquals(Collections.singletonMap("first", null), engine.arguments("Query.products"));
        assertEquals(12, data.products().size(), "the server lists everything when first is null");
    }

    public static void createProductReturnsTheProductMadeFromItsVariables(Engine engine) {
        CreateProductMutation.Variables variables =
                CreateProductMutation.Variables.builder().name("Pour-over Stand").priceCents(2900).build();

        assertEquals(Map.of("name", "Pour-over Stand", "priceCents", 2900), variables.toMap());
        CreateProductMutation.Data data =
                CreateProductMutation.Data.fromMap(engine.execute(CreateProductMutation.DOCUMENT, variables.toMap()));
        assertEquals("p13", data.createProduct().productSummary().id());
        assertEquals("Pour-over Stand", data.createProduct().productSummary().name());
        assertEquals(2900, data.createProduct().productSummary().priceCents());
    }

    public static void createProductBuilderRejectsAMissingRequiredVariable(Engine engine) {
        CreateProductMutation.Variables.Builder builder = CreateProductMutation.Variables.builder().name("Pour-over Stand");

        NullPointerException error = assertThrows(NullPointerException.class, builder::build);
        assertEquals("Variable 'priceCents' is required", error.getMessage());
    }

    public static void aMissingFieldFailsNamingTheObjectAndTheField(Engine engine) {
        Map<String, Object> response = Map.of("products", List.of(
                Map.of("id", "p1", "name", "Espresso Cup", "priceCents", 450, "inStock", true),
                Map.of("id", "p2", "priceCents", 550, "inStock", true)));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ProductListQuery.Data.fromMap(response));
        assertEquals("Missing field at data.products[1].name", error.getMessage());
    }

    public static void aWrongTypedValueFailsNamingItsResponsePath(Engine engine) {
        Map<String, Object> response = Map.of("products", List.of(
                Map.of("id", "p1", "name", 42, "priceCents", 450, "inStock", true)));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ProductListQuery.Data.fromMap(response));
        assertEquals("Expected a String at data.products[0].name, got Integer 42", error.getMessage());
    }

    public static void aNullWhereTheSchemaPromisesAValueFailsNamingItsResponsePath(Engine engine) {
        Map<String, Object> product = new java.util.HashMap<>(Map.of("id", "p1", "priceCents", 450, "inStock", true));
        product.put("name", null);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ProductListQuery.Data.fromMap(Map.of("products", List.of(product))));
        assertEquals("Null at data.products[0].name, where the schema promises a value", error.getMessage());
    }

    public static void aFractionalIntFailsNamingItsResponsePath(Engine engine) {
        Map<String, Object> response = Map.of("products", List.of(
                Map.of("id", "p1", "name", "Espresso Cup", "priceCents", 4.5, "inStock", true)));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ProductListQuery.Data.fromMap(response));
        assertEquals("Expected an Int at data.products[0].priceCents, got 4.5", error.getMessage());
    }

    public static void numbersDecodeAsOtherJsonLibrariesGiveThem(Engine engine) {
        // Jackson may give Long, Gson gives Double for every number; ID may come as a number.
        Map<String, Object> response = Map.of("products", List.of(
                Map.of("id", 7L, "name", "Espresso Cup", "priceCents", 450L, "inStock", true),
                Map.of("id", "p2", "name", "Milk Jug", "priceCents", 550.0, "inStock", false)));

        ProductListQuery.Data data = ProductListQuery.Data.fromMap(response);

        assertEquals("7", data.products().get(0).productDetail().productSummary().id());
        assertEquals(450, data.products().get(0).productDetail().productSummary().priceCents());
        assertEquals(550, data.products().get(1).productDetail().productSummary().priceCents());
    }
}
