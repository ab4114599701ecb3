package io.github.sodagql.core.parse;

import io.github.sodagql.core.source.SourceLocation;
import java.util.Objects;

/**
 * A {@code ...Name} in a definition, where it stands.
 *
 * @param depth the selection sets around it in its definition (1 for a spread in the top-level selection set)
 */
public record SpreadReference(String fragmentName, SourceLocation location, int depth) {
    public SpreadReference {
        Objects.requireNonNull(fragmentName, "fragmentName");
        Objects.requireNonNull(location, "location");
    }
}
