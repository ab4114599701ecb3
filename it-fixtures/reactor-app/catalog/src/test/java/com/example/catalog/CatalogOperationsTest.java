package com.example.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.catalog.graphql.CatalogProductQuery;
import com.example.catalog.graphql.GraphQLOperation;
import com.example.catalog.graphql.Operations;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** This module sees only its own operations: in its generated index and on its classpath. */
class CatalogOperationsTest {
    @Test
    void indexHoldsOnlyCatalogOperations() {
        assertEquals(List.of("CatalogProduct", "CatalogProducts"),
                Operations.all().stream().map(GraphQLOperation::name).sorted().toList());
        assertTrue(Operations.byName("PlaceOrder").isEmpty());
    }

    @Test
    void classpathHoldsOneArtifactWithOnlyCatalogOperations() throws IOException {
        List<URL> artifacts = Collections.list(getClass().getClassLoader().getResources("META-INF/soda-gql/operations.json"));
        assertEquals(1, artifacts.size(), artifacts::toString);
        String json;
        try (InputStream in = artifacts.get(0).openStream()) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(json.contains("\"CatalogProducts\"") && json.contains("\"CatalogProduct\""));
        assertFalse(json.contains("Order"), json);
    }

    @Test
    void decodesItsOwnData() {
        var data = CatalogProductQuery.Data.fromMap(Map.of("product", Map.of("id", "p1", "name", "Pen", "priceCents", 150)));
        assertEquals("Pen", data.product().productFields().name());
        assertEquals(150, data.product().productFields().priceCents());
    }
}
