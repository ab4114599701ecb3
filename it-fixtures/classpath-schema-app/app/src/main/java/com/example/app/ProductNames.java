package com.example.app;

import com.example.app.graphql.ProductNamesQuery;
import java.util.List;
import java.util.Map;

/** The app's own code, compiled against the classes generated from the api module's schema. */
public final class ProductNames {
    private ProductNames() {}

    public static List<String> of(Map<String, Object> response) {
        return ProductNamesQuery.Data.fromMap(response).products().stream()
                .map(ProductNamesQuery.Data.Products::name)
                .toList();
    }
}
