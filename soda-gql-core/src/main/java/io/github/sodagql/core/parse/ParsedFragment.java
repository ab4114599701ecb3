package io.github.sodagql.core.parse;

import graphql.language.FragmentDefinition;
import io.github.sodagql.core.source.SourceLocation;
import java.util.List;
import java.util.Objects;

/** A fragment, with its type condition and graphql-java syntax tree (immutable) for composition. */
public record ParsedFragment(
        String name,
        String typeCondition,
        SourceLocation location,
        List<SpreadReference> spreads,
        FragmentDefinition node) implements ParsedDefinition {

    public ParsedFragment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(typeCondition, "typeCondition");
        Objects.requireNonNull(location, "location");
        spreads = List.copyOf(spreads);
        Objects.requireNonNull(node, "node");
    }
}
