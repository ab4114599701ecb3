package com.example.large;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.large.graphql.CheckoutMutation;
import com.example.large.graphql.GraphQLOperation;
import com.example.large.graphql.HomePageQuery;
import com.example.large.graphql.Operations;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The {@link Operations} registry, as a persisted-query server would use it. */
class OperationsTest {

    private final StorefrontServer server = new StorefrontServer();

    @Test
    void everyOperationIsRegisteredByIdAndByName() {
        Map<String, Integer> kinds = new TreeMap<>();
        for (GraphQLOperation<?, ?> operation : Operations.all()) {
            kinds.merge(operation.kind(), 1, Integer::sum);
            assertSame(operation, Operations.byId(operation.id()).orElseThrow());
            assertSame(operation, Operations.byName(operation.name()).orElseThrow());
        }
        assertEquals(Map.of("query", 9, "mutation", 5, "subscription", 2), kinds);
        assertSame(CheckoutMutation.INSTANCE, Operations.byName("Checkout").orElseThrow());
        assertTrue(Operations.byId("0".repeat(64)).isEmpty());
    }

    @Test
    void aPersistedQueryIdIsEnoughToRunAnOperation() {
        GraphQLOperation<?, ?> operation = Operations.byId(HomePageQuery.OPERATION_ID).orElseThrow();

        Object data = operation.decode(server.execute(operation.document(), Map.of()));

        HomePageQuery.Data home = assertInstanceOf(HomePageQuery.Data.class, data);
        assertEquals("Ada", home.viewer().userGreeting().displayName());
    }
}
