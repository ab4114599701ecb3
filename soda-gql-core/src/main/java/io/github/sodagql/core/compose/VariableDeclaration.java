package io.github.sodagql.core.compose;

import java.util.Objects;
import java.util.Optional;

/** A variable of an operation as written: name without {@code $}, type and default value in GraphQL syntax. */
public record VariableDeclaration(String name, String type, Optional<String> defaultValue) {
    public VariableDeclaration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
    }
}
