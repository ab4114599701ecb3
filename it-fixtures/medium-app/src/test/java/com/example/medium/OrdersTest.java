package com.example.medium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.medium.graphql.CancelOrderMutation;
import com.example.medium.graphql.CreateOrderInput;
import com.example.medium.graphql.CreateOrderMutation;
import com.example.medium.graphql.Currency;
import com.example.medium.graphql.Input;
import com.example.medium.graphql.OrderDetail;
import com.example.medium.graphql.OrderHistoryQuery;
import com.example.medium.graphql.OrderLineInput;
import com.example.medium.graphql.OrderLineItem;
import com.example.medium.graphql.OrderStatus;
import com.example.medium.graphql.OrderStatusChangedSubscription;
import com.example.medium.graphql.OrderSummary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The order operations ({@code pages/orders.graphql}) against a real graphql-java engine. */
class OrdersTest {

    private final ShopServer shop = new ShopServer();

    private List<OrderSummary> orderHistory(OrderHistoryQuery.Variables variables) {
        OrderHistoryQuery.Data data = OrderHistoryQuery.Data.fromMap(shop.execute(OrderHistoryQuery.DOCUMENT, variables.toMap()));
        return data.orders().stream().map(OrderHistoryQuery.Data.Orders::orderSummary).toList();
    }

    @Test
    void orderHistoryWithoutStatusListsEveryOrder() {
        List<OrderSummary> orders = orderHistory(OrderHistoryQuery.Variables.builder().build());

        assertEquals(List.of("SO-1001", "SO-1002", "SO-1003"), orders.stream().map(OrderSummary::number).toList());
        OrderSummary first = orders.get(0);
        assertEquals("order-1", first.id());
        assertEquals(OrderStatus.DELIVERED, first.status());
        assertEquals("2024-04-02T09:15:00Z", first.placedAt());
        assertEquals(3600, first.total().amount());
        assertEquals(Currency.USD, first.total().currency());
        assertEquals(Currency.EUR, orders.get(1).total().currency());
    }

    @Test
    void orderHistoryFiltersByAnEnumVariable() {
        OrderHistoryQuery.Variables paid = OrderHistoryQuery.Variables.builder().status(OrderStatus.PAID).build();
        assertEquals(Map.of("status", "PAID"), paid.toMap());

        List<OrderSummary> orders = orderHistory(paid);
        assertEquals(1, orders.size());
        assertEquals("SO-1002", orders.get(0).number());
        assertEquals(OrderStatus.PAID, orders.get(0).status());

        // status: null is sent, and the server treats it as "any status"
        OrderHistoryQuery.Variables anyStatus = OrderHistoryQuery.Variables.builder().status((OrderStatus) null).build();
        assertTrue(anyStatus.toMap().containsKey("status"));
        assertEquals(3, orderHistory(anyStatus).size());
    }

    @Test
    void createOrderReturnsTheOrderDetail() {
        CreateOrderInput input = CreateOrderInput.builder()
                .lines(List.of(
                        OrderLineInput.builder().productId("prod-1").quantity(2).build(),
                        OrderLineInput.builder().productId("prod-5").quantity(1).build()))
                .couponCode("WELCOME10")
                .build();
        CreateOrderMutation.Variables variables = CreateOrderMutation.Variables.builder().input(input).build();
        assertEquals(Map.of("input", Map.of(
                "lines", List.of(Map.of("productId", "prod-1", "quantity", 2), Map.of("productId", "prod-5", "quantity", 1)),
                "couponCode", "WELCOME10")), variables.toMap());

        CreateOrderMutation.Data data = CreateOrderMutation.Data.fromMap(shop.execute(CreateOrderMutation.DOCUMENT, variables.toMap()));

        assertEquals(List.of(), data.createOrder().errors());
        OrderDetail order = data.createOrder().order().orderDetail();
        OrderSummary summary = order.orderSummary();
        assertEquals("order-4", summary.id());
        assertEquals("SO-1004", summary.number());
        assertEquals(OrderStatus.PENDING, summary.status());
        assertEquals(ShopServer.NOW, summary.placedAt());
        assertEquals((3600 + 2400) * 90 / 100, summary.total().amount());
        assertEquals(Currency.USD, summary.total().currency());

        assertEquals(2, order.lines().size());
        OrderLineItem firstLine = order.lines().get(0).orderLineItem();
        assertEquals(2, firstLine.quantity());
        assertEquals(3600, firstLine.lineTotal().amount());
        assertEquals(Currency.USD, firstLine.lineTotal().currency());
        assertEquals("Ethiopia Yirgacheffe", firstLine.product().productCard().name());
        assertEquals("cat-beans", firstLine.product().productCard().category().categoryChip().id());
        assertEquals("Matcha Whisk", order.lines().get(1).orderLineItem().product().productCard().name());

        assertEquals(4, orderHistory(OrderHistoryQuery.Variables.builder().build()).size());
    }

    @Test
    void createOrderReportsErrorsWithoutAnOrder() {
        CreateOrderInput input = CreateOrderInput.builder()
                .lines(List.of(new OrderLineInput("prod-404", 1)))
                .build();
        assertEquals(Map.of("lines", List.of(Map.of("productId", "prod-404", "quantity", 1))), input.toMap());

        CreateOrderMutation.Data data = shop.execute(CreateOrderMutation.INSTANCE, new CreateOrderMutation.Variables(input));

        assertNull(data.createOrder().order());
        assertEquals(List.of("Unknown product: prod-404"), data.createOrder().errors());
    }

    @Test
    void cancelOrderSendsTheReasonOnlyWhenGiven() {
        CancelOrderMutation.Variables withReason = CancelOrderMutation.Variables.builder().id("order-3").reason("Changed my mind").build();
        CancelOrderMutation.Data data = CancelOrderMutation.Data.fromMap(shop.execute(CancelOrderMutation.DOCUMENT, withReason.toMap()));
        assertEquals("SO-1003", data.cancelOrder().orderSummary().number());
        assertEquals(OrderStatus.CANCELLED, data.cancelOrder().orderSummary().status());
        assertEquals(4000, data.cancelOrder().orderSummary().total().amount());

        shop.execute(CancelOrderMutation.DOCUMENT, CancelOrderMutation.Variables.builder().id("order-2").build().toMap());
        shop.execute(CancelOrderMutation.DOCUMENT,
                new CancelOrderMutation.Variables("order-1", Input.nullValue()).toMap());

        assertEquals(Map.of("order-3", "Changed my mind", "order-2", "<absent>", "order-1", "<null>"), shop.cancellationReasons);
    }

    @Test
    void cancelOrderForAnUnknownIdReturnsNull() {
        CancelOrderMutation.Data data = shop.execute(CancelOrderMutation.INSTANCE,
                CancelOrderMutation.Variables.builder().id("order-404").build());
        assertNull(data.cancelOrder());
    }

    @Test
    void orderStatusChangedStreamsEachNewStatus() throws Exception {
        OrderStatusChangedSubscription.Variables variables = OrderStatusChangedSubscription.Variables.builder().orderId("order-2").build();

        List<Map<String, Object>> events = shop.subscribe(OrderStatusChangedSubscription.DOCUMENT, variables.toMap());

        List<OrderStatusChangedSubscription.Data.OrderStatusChanged> changes = events.stream()
                .map(OrderStatusChangedSubscription.Data::fromMap)
                .map(OrderStatusChangedSubscription.Data::orderStatusChanged)
                .toList();
        assertEquals(List.of(
                new OrderStatusChangedSubscription.Data.OrderStatusChanged("order-2", OrderStatus.SHIPPED),
                new OrderStatusChangedSubscription.Data.OrderStatusChanged("order-2", OrderStatus.DELIVERED)), changes);
    }
}
