package io.github.sodagql.core.shape;

import java.util.Objects;
import java.util.Optional;

/**
 * One response key of a selection: its name in the response (the alias if any), the schema field, the
 * type, and the nested selection when the type is an object, interface or union.
 *
 * @param conditional selected only under {@code @include}/{@code @skip}, so it may be missing
 */
public record FieldShape(
        String responseName,
        String fieldName,
        TypeRef type,
        boolean conditional,
        Optional<String> description,
        Optional<String> deprecationReason,
        Optional<SelectionShape> selection) {

    public FieldShape {
        Objects.requireNonNull(responseName, "responseName");
        Objects.requireNonNull(fieldName, "fieldName");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(deprecationReason, "deprecationReason");
        Objects.requireNonNull(selection, "selection");
    }

    /** Nullable in the response: the schema says so, or a directive may leave it out. */
    public boolean nullable() {
        return conditional || type.nullable();
    }
}
