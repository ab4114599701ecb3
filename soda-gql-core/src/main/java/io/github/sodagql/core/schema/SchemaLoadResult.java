package io.github.sodagql.core.schema;

import io.github.sodagql.core.diagnostic.Diagnostic;
import java.util.List;
import java.util.Optional;

/** The schema, when it loaded, and every problem met (warnings even when it loaded). */
public record SchemaLoadResult(Optional<LoadedSchema> schema, List<Diagnostic> diagnostics) {
    public SchemaLoadResult {
        diagnostics = List.copyOf(diagnostics);
    }

    static SchemaLoadResult failed(List<Diagnostic> diagnostics) {
        return new SchemaLoadResult(Optional.empty(), diagnostics);
    }
}
