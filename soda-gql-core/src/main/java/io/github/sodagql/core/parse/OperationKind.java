package io.github.sodagql.core.parse;

import java.util.Locale;

/** The three kinds of operation; {@link #keyword()} is how GraphQL spells it. */
public enum OperationKind {
    QUERY,
    MUTATION,
    SUBSCRIPTION;

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
