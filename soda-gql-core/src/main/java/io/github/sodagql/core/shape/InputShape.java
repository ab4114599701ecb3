package io.github.sodagql.core.shape;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An input object that some operation's variables reach, with its fields in schema order. */
public record InputShape(String name, Optional<String> description, List<Field> fields) {
    public InputShape {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        fields = List.copyOf(fields);
    }

    public record Field(String name, TypeRef type, Optional<String> defaultValue, Optional<String> description,
            Optional<String> deprecationReason) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(defaultValue, "defaultValue");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(deprecationReason, "deprecationReason");
        }

        /** Non-null without a default: it must be given. */
        public boolean required() {
            return !type.nullable() && defaultValue.isEmpty();
        }
    }
}
