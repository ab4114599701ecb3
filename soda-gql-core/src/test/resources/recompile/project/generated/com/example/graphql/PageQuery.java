package com.example.graphql;

public final class PageQuery {
    private PageQuery() {}

    public record Data(Badge badge) {}
}
