package io.github.sodagql.core.artifact;

import io.github.sodagql.core.source.ProjectPath;
import java.util.List;
import java.util.Objects;

/** One fragment as the artifact lists it, with the fragments it spreads directly. */
public record ArtifactFragment(String name, String typeCondition, ProjectPath source, List<String> spreads) {
    public ArtifactFragment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(typeCondition, "typeCondition");
        Objects.requireNonNull(source, "source");
        spreads = List.copyOf(spreads);
    }
}
