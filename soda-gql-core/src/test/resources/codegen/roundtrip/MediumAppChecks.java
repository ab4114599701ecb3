package roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.mediumapp.CancelOrderMutation;
import com.example.mediumapp.CatalogPageQuery;
import com.example.mediumapp.CategoryNavItem;
import com.example.mediumapp.CreateOrderInput;
import com.example.mediumapp.CreateOrderMutation;
import com.example.mediumapp.Currency;
import com.example.mediumapp.GraphQLOperation;
import com.example.mediumapp.Input;
import com.example.mediumapp.OrderDetail;
import com.example.mediumapp.OrderHistoryQuery;
import com.example.mediumapp.OrderLineInput;
import com.example.mediumapp.OrderLineItem;
import com.example.mediumapp.OrderStatus;
import com.example.mediumapp.OrderStatusChangedSubscription;
import com.example.mediumapp.OrderSummary;
import com.example.mediumapp.ProductCard;
import com.example.mediumapp.ProductDetail;
import com.example.mediumapp.ProductFilter;
import com.example.mediumapp.ProductPageQuery;
import io.github.sodagql.core.codegen.roundtrip.Engine;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Round trips of medium-app's operations, written against the generated API and compiled with it at test
 * time. Each {@code public static void xxx(Engine)} method is one test of RoundTripTest.
 */
public final class MediumAppChecks {
    private MediumAppChecks() {}

    /** Variables for every operation, by operation name: the "every operation executes" test uses them. */
    public static Map<String, GraphQLOperation.Variables> sampleVariables() {
        return Map.of(
                "CatalogPage", CatalogPageQuery.Variables.builder()
                        .filter(ProductFilter.builder().search("e").build()).build(),
                "ProductPage", ProductPageQuery.Variables.builder().id("p1").build(),
                "OrderHistory", OrderHistoryQuery.Variables.builder().build(),
                "CreateOrder", CreateOrderMutation.Variables.builder().input(CreateOrderInput.builder()
                        .lines(List.of(new OrderLineInput("p1", 1), new OrderLineInput("p2", 2))).build()).build(),
                "CancelOrder", CancelOrderMutation.Variables.builder().id("o2").reason("Changed my mind").build(),
                "OrderStatusChanged", OrderStatusChangedSubscription.Variables.builder().orderId("o2").build());
    }

    public static void catalogPageDecodesCategoriesWithTheirParentFragmentFields(Engine engine) {
        CatalogPageQuery.Data data = CatalogPageQuery.Data.fromMap(
                engine.execute(CatalogPageQuery.DOCUMENT, CatalogPageQuery.Variables.builder().build().toMap()));

        assertEquals(3, data.categories().size());
        CategoryNavItem kitchen = data.categories().get(0).categoryNavItem();
        assertEquals("c1", kitchen.categoryChip().id());
        assertEquals("Kitchen", kitchen.categoryChip().name());
        assertEquals("kitchen", kitchen.categoryChip().slug());
        assertEquals(1, kitchen.productCount());
        assertNull(kitchen.parent());
        CategoryNavItem coffee = data.categories().get(1).categoryNavItem();
        assertEquals("Coffee", coffee.categoryChip().name());
        assertEquals(2, coffee.productCount());
        assertEquals(new CategoryNavItem.Parent("c1", "Kitchen"), coffee.parent());
    }

    public static void catalogPageDecodesProductCardsWithNestedFragmentsAndEnums(Engine engine) {
        CatalogPageQuery.Data data = CatalogPageQuery.Data.fromMap(
                engine.execute(CatalogPageQuery.DOCUMENT, CatalogPageQuery.Variables.builder().build().toMap()));

        CatalogPageQuery.Data.Products products = data.products();
        assertEquals(4, products.totalCount());
        assertEquals(4, products.edges().size());
        assertEquals("p1", products.edges().get(0).cursor());
        ProductCard machine = products.edges().get(0).node().productCard();
        assertEquals("Espresso Machine", machine.name());
        assertEquals("https://img.example/p1.png", machine.imageUrl());
        assertTrue(machine.inStock());
        assertEquals(49900, machine.productPrice().price().amount());
        assertSame(Currency.USD, machine.productPrice().price().currency());
        assertEquals("coffee", machine.category().categoryChip().slug());
        ProductCard grinder = products.edges().get(1).node().productCard();
        assertNull(grinder.imageUrl());
        assertFalse(grinder.inStock());
        assertSame(Currency.EUR, products.edges().get(2).node().productCard().productPrice().price().currency());
        assertSame(Currency.JPY, products.edges().get(3).node().productCard().productPrice().price().currency());
        assertFalse(products.pageInfo().hasNextPage());
        assertEquals("p4", products.pageInfo().endCursor());
    }

    public static void catalogPagePaginatesWithFirstAndAfter(Engine engine) {
        CatalogPageQuery.Variables variables = CatalogPageQuery.Variables.builder().first(2).after("p1").build();

        assertEquals(Map.of("first", 2, "after", "p1"), variables.toMap());
        CatalogPageQuery.Data.Products products = CatalogPageQuery.Data.fromMap(
                engine.execute(CatalogPageQuery.DOCUMENT, variables.toMap())).products();
        assertEquals(List.of("Burr Grinder", "Matcha Whisk"),
                products.edges().stream().map(edge -> edge.node().productCard().name()).toList());
        assertTrue(products.pageInfo().hasNextPage());
        assertEquals("p3", products.pageInfo().endCursor());
    }

    public static void catalogPageFilterFieldLeftAbsentGetsItsInputDefaultOnTheServer(Engine engine) {
        CatalogPageQuery.Variables variables = CatalogPageQuery.Variables.builder()
                .filter(ProductFilter.builder().categoryId("c2").build()).build();

        assertEquals(Map.of("filter", Map.of("categoryId", "c2")), variables.toMap());
        CatalogPageQuery.Data data = CatalogPageQuery.Data.fromMap(engine.execute(CatalogPageQuery.DOCUMENT, variables.toMap()));
        assertEquals(Map.of("categoryId", "c2", "inStockOnly", false), engine.arguments("Query.products").get("filter"));
        assertEquals(List.of("p1", "p2"), data.products().edges().stream().map(CatalogPageQuery.Data.Products.Edges::cursor).toList());
    }

    public static void catalogPageFilterFieldGivenIsSentAndUsed(Engine engine) {
        CatalogPageQuery.Variables variables = CatalogPageQuery.Variables.builder()
                .filter(ProductFilter.builder().categoryId("c2").inStockOnly(true).build()).build();

        assertEquals(Map.of("filter", Map.of("categoryId", "c2", "inStockOnly", true)), variables.toMap());
        CatalogPageQuery.Data data = CatalogPageQuery.Data.fromMap(engine.execute(CatalogPageQuery.DOCUMENT, variables.toMap()));
        assertEquals(List.of("p1"), data.products().edges().stream().map(CatalogPageQuery.Data.Products.Edges::cursor).toList());
    }

    public static void catalogPageFilterFieldSetToNullIsSentAsAnExplicitNull(Engine engine) {
        CatalogPageQuery.Variables variables = CatalogPageQuery.Variables.builder()
                .filter(ProductFilter.builder().categoryId("c2").inStockOnly(null).build()).build();

        Map<String, Object> filter = new java.util.LinkedHashMap<>();
        filter.put("categoryId", "c2");
        filter.put("inStockOnly", null);
        assertEquals(Map.of("filter", filter), variables.toMap());
        engine.execute(CatalogPageQuery.DOCUMENT, variables.toMap());
        assertEquals(filter, engine.arguments("Query.products").get("filter"), "null replaces the default false");
    }

    public static void productPageDecodesTheDetailFragmentAroundTheCardFragment(Engine engine) {
        ProductPageQuery.Data data = ProductPageQuery.Data.fromMap(
                engine.execute(ProductPageQuery.DOCUMENT, ProductPageQuery.Variables.builder().id("p3").build().toMap()));

        ProductDetail whisk = data.product().productDetail();
        assertEquals("Bamboo, 100 prongs.", whisk.description());
        assertEquals("MW-3", whisk.sku());
        assertEquals("p3", whisk.productCard().id());
        assertEquals("Matcha Whisk", whisk.productCard().name());
        assertEquals(1500, whisk.productCard().productPrice().price().amount());
        assertSame(Currency.EUR, whisk.productCard().productPrice().price().currency());
        assertEquals("Tea", whisk.productCard().category().categoryChip().name());
    }

    public static void productPageOfAnUnknownIdDecodesToANullProduct(Engine engine) {
        ProductPageQuery.Data data = ProductPageQuery.Data.fromMap(
                engine.execute(ProductPageQuery.DOCUMENT, ProductPageQuery.Variables.builder().id("p99").build().toMap()));

        assertNull(data.product());
    }

    public static void orderHistoryDecodesStatusesAsEnumConstants(Engine engine) {
        OrderHistoryQuery.Data data = OrderHistoryQuery.Data.fromMap(
                engine.execute(OrderHistoryQuery.DOCUMENT, OrderHistoryQuery.Variables.builder().build().toMap()));

        List<OrderSummary> orders = data.orders().stream().map(OrderHistoryQuery.Data.Orders::orderSummary).toList();
        assertEquals(List.of(OrderStatus.DELIVERED, OrderStatus.PENDING, OrderStatus.SHIPPED),
                orders.stream().map(OrderSummary::status).toList());
        OrderSummary first = orders.get(0);
        assertEquals("o1", first.id());
        assertEquals("SO-1001", first.number());
        assertEquals("2024-03-01T09:15:30Z", first.placedAt());
        assertEquals(new OrderSummary.Total(49900, Currency.USD), first.total());
        assertEquals(new OrderSummary.Total(6000, Currency.EUR), orders.get(2).total());
    }

    public static void orderHistoryStatusLeftAbsentIsNotSentSoTheServerSeesNoArgument(Engine engine) {
        OrderHistoryQuery.Variables variables = OrderHistoryQuery.Variables.builder().build();

        assertEquals(Map.of(), variables.toMap());
        OrderHistoryQuery.Data data = OrderHistoryQuery.Data.fromMap(engine.execute(OrderHistoryQuery.DOCUMENT, variables.toMap()));
        assertFalse(engine.arguments("Query.orders").containsKey("status"));
        assertEquals(3, data.orders().size());
    }

    public static void orderHistoryStatusSetToNullIsSentAsAnExplicitNull(Engine engine) {
        OrderHistoryQuery.Variables variables = OrderHistoryQuery.Variables.builder().status(null).build();

        assertEquals(Collections.singletonMap("status", null), variables.toMap());
        OrderHistoryQuery.Data data = OrderHistoryQuery.Data.fromMap(engine.execute(OrderHistoryQuery.DOCUMENT, variables.toMap()));
        assertTrue(engine.arguments("Query.orders").containsKey("status"));
        assertNull(engine.arguments("Query.orders").get("status"));
        assertEquals(3, data.orders().size());
    }

    public static void orderHistoryStatusGivenIsSentAsTheEnumValueName(Engine engine) {
        OrderHistoryQuery.Variables variables = OrderHistoryQuery.Variables.builder().status(OrderStatus.SHIPPED).build();

        assertEquals(Map.of("status", "SHIPPED"), variables.toMap());
        OrderHistoryQuery.Data data = OrderHistoryQuery.Data.fromMap(engine.execute(OrderHistoryQuery.DOCUMENT, variables.toMap()));
        assertEquals("SHIPPED", engine.arguments("Query.orders").get("status"));
        assertEquals(1, data.orders().size());
        assertEquals("SO-1003", data.orders().get(0).orderSummary().number());
    }

    public static void anEnumValueUnknownToTheClientDecodesToUnknown(Engine engine) {
        Map<String, Object> response = Map.of("orders", List.of(Map.of("id", "o9", "number", "SO-1009",
                "status", "REFUNDED", "placedAt", "2024-03-09T10:00:01Z", "total", Map.of("amount", 100, "currency", "USD"))));

        OrderSummary order = OrderHistoryQuery.Data.fromMap(response).orders().get(0).orderSummary();

        assertSame(OrderStatus.UNKNOWN__, order.status());
        assertNull(order.status().rawValue());
    }

    public static void createOrderBuildsTheOrderFromItsInputObject(Engine engine) {
        CreateOrderMutation.Variables variables = CreateOrderMutation.Variables.builder().input(CreateOrderInput.builder()
                .lines(List.of(new OrderLineInput("p1", 1), OrderLineInput.builder().productId("p2").quantity(2).build()))
                .build()).build();

        assertEquals(Map.of("input", Map.of("lines", List.of(Map.of("productId", "p1", "quantity", 1),
                Map.of("productId", "p2", "quantity", 2)))), variables.toMap());
        CreateOrderMutation.Data data = CreateOrderMutation.Data.fromMap(engine.execute(CreateOrderMutation.DOCUMENT, variables.toMap()));
        assertEquals(List.of(), data.createOrder().errors());
        OrderDetail order = data.createOrder().order().orderDetail();
        assertEquals("o4", order.orderSummary().id());
        assertEquals("SO-1004", order.orderSummary().number());
        assertSame(OrderStatus.PENDING, order.orderSummary().status());
        assertEquals(new OrderSummary.Total(89700, Currency.USD), order.orderSummary().total());
        assertEquals(2, order.lines().size());
        OrderLineItem grinders = order.lines().get(1).orderLineItem();
        assertEquals(2, grinders.quantity());
        assertEquals(new OrderLineItem.LineTotal(39800, Currency.USD), grinders.lineTotal());
        assertEquals("Burr Grinder", grinders.product().productCard().name());
    }

    public static void createOrderWithACouponCodeSendsIt(Engine engine) {
        CreateOrderMutation.Variables variables = CreateOrderMutation.Variables.builder().input(CreateOrderInput.builder()
                .lines(List.of(new OrderLineInput("p1", 1))).couponCode("SAVE10").build()).build();

        assertEquals(Map.of("input", Map.of("lines", List.of(Map.of("productId", "p1", "quantity", 1)),
                "couponCode", "SAVE10")), variables.toMap());
        CreateOrderMutation.Data data = CreateOrderMutation.Data.fromMap(engine.execute(CreateOrderMutation.DOCUMENT, variables.toMap()));
        assertEquals(44910, data.createOrder().order().orderDetail().orderSummary().total().amount());
    }

    public static void createOrderOfAnUnknownProductDecodesTheErrorsAndANullOrder(Engine engine) {
        CreateOrderMutation.Variables variables = CreateOrderMutation.Variables.builder().input(CreateOrderInput.builder()
                .lines(List.of(new OrderLineInput("p99", 1))).build()).build();

        CreateOrderMutation.Data data = CreateOrderMutation.Data.fromMap(engine.execute(CreateOrderMutation.DOCUMENT, variables.toMap()));

        assertNull(data.createOrder().order());
        assertEquals(List.of("Unknown product: p99"), data.createOrder().errors());
    }

    public static void cancelOrderReturnsTheCancelledOrder(Engine engine) {
        CancelOrderMutation.Variables variables = CancelOrderMutation.Variables.builder().id("o2").reason("Too slow").build();

        assertEquals(Map.of("id", "o2", "reason", "Too slow"), variables.toMap());
        CancelOrderMutation.Data data = CancelOrderMutation.Data.fromMap(engine.execute(CancelOrderMutation.DOCUMENT, variables.toMap()));
        assertEquals(Map.of("id", "o2", "reason", "Too slow"), engine.arguments("Mutation.cancelOrder"));
        assertEquals("SO-1002", data.cancelOrder().orderSummary().number());
        assertSame(OrderStatus.CANCELLED, data.cancelOrder().orderSummary().status());
    }

    public static void cancelOrderReasonAbsentAndNullReachTheServerDifferently(Engine engine) {
        CancelOrderMutation.Variables absent = CancelOrderMutation.Variables.builder().id("o2").build();
        CancelOrderMutation.Variables explicitNull = CancelOrderMutation.Variables.builder().id("o2").reason(null).build();

        assertEquals(Map.of("id", "o2"), absent.toMap());
        engine.execute(CancelOrderMutation.DOCUMENT, absent.toMap());
        assertEquals(Map.of("id", "o2"), engine.arguments("Mutation.cancelOrder"));
        Map<String, Object> withNull = new java.util.LinkedHashMap<>();
        withNull.put("id", "o2");
        withNull.put("reason", null);
        assertEquals(withNull, explicitNull.toMap());
        engine.execute(CancelOrderMutation.DOCUMENT, explicitNull.toMap());
        assertEquals(withNull, engine.arguments("Mutation.cancelOrder"));
    }

    public static void orderStatusChangedDecodesEveryPublishedEvent(Engine engine) {
        OrderStatusChangedSubscription.Variables variables =
                OrderStatusChangedSubscription.Variables.builder().orderId("o2").build();

        List<OrderStatusChangedSubscription.Data.OrderStatusChanged> events =
                engine.subscribe(OrderStatusChangedSubscription.DOCUMENT, variables.toMap()).stream()
                        .map(OrderStatusChangedSubscription.Data::fromMap)
                        .map(OrderStatusChangedSubscription.Data::orderStatusChanged)
                        .toList();

        assertEquals(List.of(
                new OrderStatusChangedSubscription.Data.OrderStatusChanged("o2", OrderStatus.PAID),
                new OrderStatusChangedSubscription.Data.OrderStatusChanged("o2", OrderStatus.SHIPPED),
                new OrderStatusChangedSubscription.Data.OrderStatusChanged("o2", OrderStatus.DELIVERED)), events);
    }
}
