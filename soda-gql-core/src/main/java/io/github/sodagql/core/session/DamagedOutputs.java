package io.github.sodagql.core.session;

import io.github.sodagql.core.graph.DefinitionId;
import java.util.Set;

/** Outputs edited or deleted on disk since they were written: by definition, and whether a shared one is. */
record DamagedOutputs(Set<DefinitionId> repairs, boolean shared) {
    boolean none() {
        return repairs.isEmpty() && !shared;
    }
}
