package com.example.cache;

import com.example.cache.graphql.ProductListQuery;

/** Hand-written code that uses the generated code, so a build that restores only one of them fails to compile. */
public final class Catalog {
    private Catalog() {}

    public static String productListDocument() {
        return ProductListQuery.DOCUMENT;
    }
}
