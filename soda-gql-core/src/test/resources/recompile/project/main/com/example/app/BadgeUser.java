package com.example.app;

import com.example.graphql.Badge;

public final class BadgeUser {
    public String name() {
        return new Badge("gold").name();
    }
}
