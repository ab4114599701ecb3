package com.example.app;

/** Inlines Relay.QUERY, itself a copy of a generated constant. */
public final class RelayUser {
    public String query() {
        return Relay.QUERY;
    }
}
