package com.example.app;

import com.example.graphql.HelloQuery;

public final class Relay {
    public static final String QUERY = HelloQuery.DOCUMENT;
}
