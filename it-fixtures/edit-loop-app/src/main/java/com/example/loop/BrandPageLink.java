package com.example.loop;

import com.example.loop.graphql.BrandPageQuery;

/** Uses only compile-time constants of a generated operation: javac copies them into this class. */
public final class BrandPageLink {
    private BrandPageLink() {}

    public static String operation() {
        return BrandPageQuery.OPERATION_NAME;
    }
}
