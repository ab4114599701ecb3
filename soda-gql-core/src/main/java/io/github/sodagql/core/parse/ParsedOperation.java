package io.github.sodagql.core.parse;

import graphql.language.OperationDefinition;
import io.github.sodagql.core.source.SourceLocation;
import java.util.List;
import java.util.Objects;

/** A named operation, with its graphql-java syntax tree (immutable) for composition. */
public record ParsedOperation(
        String name,
        OperationKind kind,
        SourceLocation location,
        List<SpreadReference> spreads,
        OperationDefinition node) implements ParsedDefinition {

    public ParsedOperation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        spreads = List.copyOf(spreads);
        Objects.requireNonNull(node, "node");
    }
}
