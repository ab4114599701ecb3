package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.orders.graphql.GraphQLOperation;
import com.example.orders.graphql.OrderLineInput;
import com.example.orders.graphql.OrderStatus;
import com.example.orders.graphql.Operations;
import com.example.orders.graphql.PlaceOrderMutation;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** This module sees only its own operations: in its generated index and on its classpath. */
class OrdersOperationsTest {
    @Test
    void indexHoldsOnlyOrdersOperations() {
        assertEquals(List.of("OrdersByStatus", "PlaceOrder"),
                Operations.all().stream().map(GraphQLOperation::name).sorted().toList());
        assertTrue(Operations.byName("CatalogProducts").isEmpty());
    }

    @Test
    void classpathHoldsOneArtifactWithOnlyOrdersOperations() throws IOException {
        List<URL> artifacts = Collections.list(getClass().getClassLoader().getResources("META-INF/soda-gql/operations.json"));
        assertEquals(1, artifacts.size(), artifacts::toString);
        String json;
        try (InputStream in = artifacts.get(0).openStream()) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(json.contains("\"OrdersByStatus\"") && json.contains("\"PlaceOrder\""));
        assertFalse(json.contains("Catalog") || json.contains("Product"), json);
    }

    @Test
    void encodesAndDecodesItsOwnTypes() {
        var variables = PlaceOrderMutation.Variables.builder()
                .lines(List.of(OrderLineInput.builder().sku("PEN-1").quantity(2).build()))
                .build();
        assertEquals(Map.of("lines", List.of(Map.of("sku", "PEN-1", "quantity", 2))), variables.toMap());
        var data = PlaceOrderMutation.Data.fromMap(Map.of("placeOrder", Map.of("id", "o1", "status", "OPEN", "totalCents", 300)));
        assertEquals(OrderStatus.OPEN, data.placeOrder().orderFields().status());
    }
}
