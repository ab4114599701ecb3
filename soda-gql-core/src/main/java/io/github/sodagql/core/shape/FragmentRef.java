package io.github.sodagql.core.shape;

import java.util.List;
import java.util.Objects;

/**
 * A fragment spread that applies to every object of the selection.
 *
 * @param conditional every spread of it is under {@code @include}/{@code @skip}, so it may be missing
 * @param presenceKeys for a conditional spread, the response keys of the enclosing object that are all
 *     present when the fragment was included (preferably keys nothing else brings); empty otherwise
 */
public record FragmentRef(String fragmentName, boolean conditional, List<String> presenceKeys) {
    public FragmentRef {
        Objects.requireNonNull(fragmentName, "fragmentName");
        presenceKeys = List.copyOf(presenceKeys);
    }
}
