package io.github.sodagql.core.artifact;

import io.github.sodagql.core.graph.DefinitionId;
import io.github.sodagql.core.parse.ParsedDefinition;
import io.github.sodagql.core.parse.ParsedFragment;
import io.github.sodagql.core.source.ContentHash;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the build produced, as data: every operation and fragment, sorted by name then source, and
 * the counts. It holds no time and no absolute path, so identical inputs give an identical artifact.
 */
public record Artifact(
        int formatVersion,
        Optional<ContentHash> schemaHash,
        List<ArtifactOperation> operations,
        List<ArtifactFragment> fragments,
        ArtifactCounts counts) {

    public static final int FORMAT_VERSION = 1;

    public Artifact {
        Objects.requireNonNull(schemaHash, "schemaHash");
        operations = List.copyOf(operations);
        fragments = List.copyOf(fragments);
        Objects.requireNonNull(counts, "counts");
    }

    /** The artifact of these operation entries and of the fragments among {@code definitions}, in any order. */
    public static Artifact of(Optional<ContentHash> schemaHash, Collection<ArtifactOperation> entries,
            Map<DefinitionId, ParsedDefinition> definitions, ArtifactCounts counts) {
        List<ArtifactOperation> operations = entries.stream()
                .sorted(Comparator.comparing(ArtifactOperation::name).thenComparing(ArtifactOperation::source))
                .toList();
        List<ArtifactFragment> fragments = definitions.entrySet().stream()
                .filter(e -> e.getValue() instanceof ParsedFragment)
                .map(e -> new ArtifactFragment(e.getKey().name(), ((ParsedFragment) e.getValue()).typeCondition(),
                        e.getKey().file(), e.getValue().spreadNames()))
                .sorted(Comparator.comparing(ArtifactFragment::name).thenComparing(ArtifactFragment::source))
                .toList();
        return new Artifact(FORMAT_VERSION, schemaHash, operations, fragments, counts);
    }
}
