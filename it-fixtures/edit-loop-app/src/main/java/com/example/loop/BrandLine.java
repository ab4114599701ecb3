package com.example.loop;

import com.example.loop.graphql.BrandBadge;

/** Reads accessors of the generated fragment record BrandBadge. */
public final class BrandLine {
    private BrandLine() {}

    public static String describe(BrandBadge badge) {
        return badge.name() + " (" + badge.slug() + ")";
    }
}
