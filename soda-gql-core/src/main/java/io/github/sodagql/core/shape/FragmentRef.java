package io.github.sodagql.core.shape;

import java.util.Objects;

/** A fragment spread that applies to every object of the selection; conditional under {@code @include}/{@code @skip}. */
public record FragmentRef(String fragmentName, boolean conditional) {
    public FragmentRef {
        Objects.requireNonNull(fragmentName, "fragmentName");
    }
}
