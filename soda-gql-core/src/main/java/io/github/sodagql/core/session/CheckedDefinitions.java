package io.github.sodagql.core.session;

import io.github.sodagql.core.compose.ComposedOperation;
import io.github.sodagql.core.compose.Composer;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.graph.DefinitionId;
import io.github.sodagql.core.parse.LazyNodes;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** The affected definitions composed and checked; every definition's record, the others' reused. */
record CheckedDefinitions(LazyNodes nodes, Composer composer, Map<DefinitionId, ComposedOperation> composed,
        SortedMap<DefinitionId, DefinitionRecord> records, Map<DefinitionId, DefinitionRecord> previousRecords,
        List<Diagnostic> diagnostics) {
    boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
