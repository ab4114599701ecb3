package io.github.sodagql.core.parse;

import io.github.sodagql.core.source.SourceLocation;
import java.util.List;
import java.util.Objects;

/** A fragment and its type condition: what the graph needs of it. Its syntax tree is found through {@link DefinitionNodes}. */
public record ParsedFragment(
        String name,
        String typeCondition,
        SourceLocation location,
        List<SpreadReference> spreads,
        int depth) implements ParsedDefinition {

    public ParsedFragment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(typeCondition, "typeCondition");
        Objects.requireNonNull(location, "location");
        spreads = List.copyOf(spreads);
    }
}
