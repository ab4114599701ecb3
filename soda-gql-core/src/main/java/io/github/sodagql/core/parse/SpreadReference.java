package io.github.sodagql.core.parse;

import io.github.sodagql.core.source.SourceLocation;
import java.util.Objects;

/** A {@code ...Name} in a definition, where it stands. */
public record SpreadReference(String fragmentName, SourceLocation location) {
    public SpreadReference {
        Objects.requireNonNull(fragmentName, "fragmentName");
        Objects.requireNonNull(location, "location");
    }
}
