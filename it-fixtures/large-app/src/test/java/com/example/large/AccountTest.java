package com.example.large;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.large.graphql.AccountPageQuery;
import com.example.large.graphql.AddressFields;
import com.example.large.graphql.CurrencyCode;
import com.example.large.graphql.Input;
import com.example.large.graphql.MoneyAmount;
import com.example.large.graphql.OrderStatus;
import com.example.large.graphql.OrderStatusChangedSubscription;
import com.example.large.graphql.OrderSummary;
import com.example.large.graphql.UserProfile;
import com.example.large.graphql.UserRole;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The account page and order tracking ({@code account/}). */
class AccountTest {

    private final StorefrontServer server = new StorefrontServer();

    private static List<OrderSummary> orders(AccountPageQuery.Data data) {
        return data.viewer().orders().edges().stream().map(edge -> edge.node().orderSummary()).toList();
    }

    @Test
    void accountPageShowsTheProfileAndRecentOrders() {
        AccountPageQuery.Data data = AccountPageQuery.Data.fromMap(
                server.execute(AccountPageQuery.DOCUMENT, AccountPageQuery.Variables.builder().build().toMap()));

        UserProfile profile = data.viewer().userProfile();
        assertEquals("ada@example.com", profile.email());
        assertEquals(UserRole.CUSTOMER, profile.role());
        assertEquals(OffsetDateTime.parse("2021-06-01T08:00:00Z"), profile.memberSince());
        assertEquals(new AddressFields("addr-1", "Ada Lovelace", "12 Analytical St", "London", "NW1 6XE", "GB"),
                profile.defaultAddress().addressFields());
        assertEquals("user-1", profile.userGreeting().id());
        assertEquals("Ada", profile.userGreeting().displayName());

        assertEquals(3, data.viewer().orders().totalCount());
        List<OrderSummary> orders = orders(data);
        assertEquals(List.of("SO-10423", "SO-10422", "SO-10421"), orders.stream().map(OrderSummary::number).toList());
        assertEquals(List.of(OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.DELIVERED), orders.stream().map(OrderSummary::status).toList());
        OrderSummary latest = orders.get(0);
        assertEquals("order-3", latest.id());
        assertEquals(OffsetDateTime.parse("2024-06-10T18:00:00Z"), latest.placedAt());
        assertEquals(new MoneyAmount(5792, CurrencyCode.USD, "$57.92"), latest.total().moneyAmount());
    }

    @Test
    void accountPageFiltersOrdersByStatus() {
        AccountPageQuery.Variables shipped = AccountPageQuery.Variables.builder().ordersFirst(1).status(OrderStatus.SHIPPED).build();
        assertEquals(Map.of("ordersFirst", 1, "status", "SHIPPED"), shipped.toMap());

        AccountPageQuery.Data data = server.execute(AccountPageQuery.INSTANCE, shipped);
        assertEquals(1, data.viewer().orders().totalCount());
        assertEquals("SO-10422", orders(data).get(0).number());

        AccountPageQuery.Variables anyStatus = new AccountPageQuery.Variables(Input.of(2), Input.nullValue());
        assertTrue(anyStatus.toMap().containsKey("status"));
        AccountPageQuery.Data firstTwo = server.execute(AccountPageQuery.INSTANCE, anyStatus);
        assertEquals(3, firstTwo.viewer().orders().totalCount());
        assertEquals(2, orders(firstTwo).size());
    }

    @Test
    void orderStatusChangedStreamsShippingAndDelivery() throws Exception {
        OrderStatusChangedSubscription.Variables variables = OrderStatusChangedSubscription.Variables.builder().orderId("order-3").build();

        List<OrderStatusChangedSubscription.Data.OrderStatusChanged> events = server
                .subscribe(OrderStatusChangedSubscription.DOCUMENT, variables.toMap()).stream()
                .map(OrderStatusChangedSubscription.Data::fromMap)
                .map(OrderStatusChangedSubscription.Data::orderStatusChanged)
                .toList();

        assertEquals(2, events.size());
        OrderStatusChangedSubscription.Data.OrderStatusChanged shipped = events.get(0);
        assertEquals(OrderStatus.SHIPPED, shipped.orderSummary().status());
        assertEquals("1Z-0003", shipped.trackingNumber());
        assertEquals("SO-10423", shipped.orderSummary().number());
        assertEquals(OffsetDateTime.parse("2024-06-10T18:00:00Z"), shipped.orderSummary().placedAt());
        assertEquals(5792, shipped.orderSummary().total().moneyAmount().amountCents());
        assertEquals(OrderStatus.DELIVERED, events.get(1).orderSummary().status());
        assertEquals("1Z-0003", events.get(1).trackingNumber());

        // A delivered order has nothing left to report.
        assertEquals(List.of(), server.subscribe(OrderStatusChangedSubscription.DOCUMENT,
                new OrderStatusChangedSubscription.Variables("order-1").toMap()));
        assertNull(server.store.order("order-3").trackingNumber(), "the stream does not change the stored order");
    }
}
