package io.github.sodagql.core.config;

import java.util.Objects;
import java.util.Optional;

/** How one custom GraphQL scalar maps to Java: a type, and optionally a codec class that converts it. */
public record ScalarMapping(String graphqlName, String javaType, Optional<String> codecClass) {

    public ScalarMapping {
        Objects.requireNonNull(graphqlName, "graphqlName");
        Objects.requireNonNull(javaType, "javaType");
        Objects.requireNonNull(codecClass, "codecClass");
    }

    public static ScalarMapping of(String graphqlName, String javaType) {
        return new ScalarMapping(graphqlName, javaType, Optional.empty());
    }
}
