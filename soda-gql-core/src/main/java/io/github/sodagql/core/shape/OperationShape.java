package io.github.sodagql.core.shape;

import io.github.sodagql.core.compose.ComposedOperation;
import io.github.sodagql.core.source.ProjectPath;
import java.util.List;
import java.util.Objects;

/** What code generation needs of an operation: the composed operation, its variables and its data shape. */
public record OperationShape(ComposedOperation operation, ProjectPath source, List<VariableShape> variables,
        SelectionShape.ObjectSelection data) {
    public OperationShape {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(source, "source");
        variables = List.copyOf(variables);
        Objects.requireNonNull(data, "data");
    }

    public String name() {
        return operation.name();
    }
}
