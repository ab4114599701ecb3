package io.github.sodagql.core.shape;

import java.util.Objects;
import java.util.Optional;

/** A variable of an operation: name, type, and its default value as GraphQL text. */
public record VariableShape(String name, TypeRef type, Optional<String> defaultValue) {
    public VariableShape {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
    }

    /** Non-null without a default: the caller must pass it. Anything else may be absent. */
    public boolean required() {
        return !type.nullable() && defaultValue.isEmpty();
    }
}
