package com.example.graphql;

public record Badge(String name) {
    public record Icon(String url) {}
}
