package io.github.sodagql.core.codegen;

import io.github.sodagql.core.graph.DefinitionId;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;

/**
 * What a planned generation produced, and for which definitions.
 *
 * @param generated the definitions generated (the plan's, or every one when a class name moved)
 * @param typesUsed the schema types each generated definition's code uses
 * @param includesShared the shared files were generated too (and replace the last build's)
 */
public record Generation(GeneratedSources sources, GeneratedNames names, Set<DefinitionId> generated,
        Map<DefinitionId, SortedSet<String>> typesUsed, boolean includesShared) {
    public Generation {
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(names, "names");
        generated = Set.copyOf(generated);
        typesUsed = Map.copyOf(typesUsed);
    }
}
