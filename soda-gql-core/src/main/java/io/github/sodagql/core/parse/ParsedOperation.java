package io.github.sodagql.core.parse;

import io.github.sodagql.core.source.SourceLocation;
import java.util.List;
import java.util.Objects;

/**
 * An operation: what the graph needs of it. Its syntax tree is found through {@link DefinitionNodes}.
 *
 * @param name empty for an anonymous operation: that is an {@code ANONYMOUS_OPERATION} error, but the operation is
 *     kept, so that validation reports its other errors too
 */
public record ParsedOperation(
        String name,
        OperationKind kind,
        SourceLocation location,
        List<SpreadReference> spreads,
        int depth) implements ParsedDefinition {

    public ParsedOperation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        spreads = List.copyOf(spreads);
    }
}
