package com.example.app;

import com.example.graphql.HelloQuery;

public final class Holder {
    public static HelloQuery.Data get() {
        return HelloQuery.data();
    }
}
