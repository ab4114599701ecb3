package io.github.sodagql.core.graph;

import io.github.sodagql.core.source.ProjectPath;
import java.util.Comparator;
import java.util.Objects;

/** The canonical id of a definition: {@code relative/path.graphql::Name}. Unique even when names clash. */
public record DefinitionId(ProjectPath file, String name) implements Comparable<DefinitionId> {

    private static final Comparator<DefinitionId> ORDER =
            Comparator.comparing(DefinitionId::file).thenComparing(DefinitionId::name);

    public DefinitionId {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
    }

    /** Parses {@code path::Name}. */
    public static DefinitionId parse(String canonical) {
        int separator = canonical.lastIndexOf("::");
        if (separator <= 0) {
            throw new IllegalArgumentException("Not a definition id: '" + canonical + "'");
        }
        return new DefinitionId(ProjectPath.parse(canonical.substring(0, separator)), canonical.substring(separator + 2));
    }

    @Override
    public int compareTo(DefinitionId other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return file + "::" + name;
    }
}
