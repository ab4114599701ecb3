package com.example.graphql;

public final class HelloQuery {
    public static final String DOCUMENT = "query Hello { greeting }";

    private HelloQuery() {}

    public record Data(String greeting) {}

    public static Data data() {
        return new Data("Hello");
    }
}
