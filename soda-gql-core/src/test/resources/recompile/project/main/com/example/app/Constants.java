package com.example.app;

import com.example.graphql.HelloQuery;

/** Uses only a compile-time constant: javac inlines it, so only the source text shows the dependency. */
public final class Constants {
    public String query() {
        return HelloQuery.DOCUMENT;
    }
}
