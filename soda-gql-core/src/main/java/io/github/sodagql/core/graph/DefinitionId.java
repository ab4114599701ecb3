package io.github.sodagql.core.graph;

import io.github.sodagql.core.parse.ParsedDefinition;
import io.github.sodagql.core.parse.ParsedOperation;
import io.github.sodagql.core.source.ProjectPath;
import java.util.Objects;

/**
 * The canonical id of a definition, printed {@code relative/path.graphql::Name}. Operations and fragments
 * are separate namespaces in GraphQL, so one file may hold an operation and a fragment of the same name;
 * the kind keeps their ids apart.
 */
public record DefinitionId(ProjectPath file, String name, Kind kind) implements Comparable<DefinitionId> {

    public enum Kind {
        OPERATION,
        FRAGMENT
    }

    public DefinitionId {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    public static DefinitionId of(ProjectPath file, ParsedDefinition definition) {
        return new DefinitionId(file, definition.name(),
                definition instanceof ParsedOperation ? Kind.OPERATION : Kind.FRAGMENT);
    }

    public static DefinitionId operation(String canonical) {
        return parse(canonical, Kind.OPERATION);
    }

    public static DefinitionId fragment(String canonical) {
        return parse(canonical, Kind.FRAGMENT);
    }

    /** Parses {@code path::Name}. */
    public static DefinitionId parse(String canonical, Kind kind) {
        int separator = canonical.lastIndexOf("::");
        if (separator <= 0) {
            throw new IllegalArgumentException("Not a definition id: '" + canonical + "'");
        }
        return new DefinitionId(ProjectPath.parse(canonical.substring(0, separator)), canonical.substring(separator + 2), kind);
    }

    @Override
    public int compareTo(DefinitionId other) {
        // By file, name, then kind. Written out, not Comparator.comparing: every map of the graph and the
        // snapshot is keyed by ids, and a build in a fresh JVM runs these comparisons interpreted.
        int byFile = file.compareTo(other.file);
        if (byFile != 0) {
            return byFile;
        }
        int byName = name.compareTo(other.name);
        return byName != 0 ? byName : kind.compareTo(other.kind);
    }

    @Override
    public String toString() {
        return file + "::" + name;
    }
}
