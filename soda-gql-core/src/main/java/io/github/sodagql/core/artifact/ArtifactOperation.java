package io.github.sodagql.core.artifact;

import io.github.sodagql.core.compose.ComposedOperation;
import io.github.sodagql.core.compose.VariableDeclaration;
import io.github.sodagql.core.parse.OperationKind;
import io.github.sodagql.core.source.ContentHash;
import io.github.sodagql.core.source.ProjectPath;
import java.util.List;
import java.util.Objects;

/** One operation as the artifact lists it: what a server's allow-list or a client's persisted query needs. */
public record ArtifactOperation(
        ContentHash id,
        String name,
        OperationKind kind,
        String document,
        ProjectPath source,
        List<String> fragments,
        List<VariableDeclaration> variables) {

    public ArtifactOperation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(source, "source");
        fragments = List.copyOf(fragments);
        variables = List.copyOf(variables);
    }

    public static ArtifactOperation of(ComposedOperation operation) {
        return new ArtifactOperation(operation.operationId(), operation.name(), operation.kind(), operation.compact(),
                operation.id().file(), operation.fragmentNames(), operation.variables());
    }
}
