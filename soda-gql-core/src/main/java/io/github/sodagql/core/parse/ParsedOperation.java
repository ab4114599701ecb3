package io.github.sodagql.core.parse;

import io.github.sodagql.core.source.SourceLocation;
import java.util.List;
import java.util.Objects;

/** A named operation: what the graph needs of it. Its syntax tree is found through {@link DefinitionNodes}. */
public record ParsedOperation(
        String name,
        OperationKind kind,
        SourceLocation location,
        List<SpreadReference> spreads) implements ParsedDefinition {

    public ParsedOperation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        spreads = List.copyOf(spreads);
    }
}
