package io.github.sodagql.core.shape;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An enum that some operation uses, with its values in schema order. */
public record EnumShape(String name, Optional<String> description, List<Value> values) {
    public EnumShape {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        values = List.copyOf(values);
    }

    public record Value(String name, Optional<String> description, Optional<String> deprecationReason) {
        public Value {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(deprecationReason, "deprecationReason");
        }
    }
}
