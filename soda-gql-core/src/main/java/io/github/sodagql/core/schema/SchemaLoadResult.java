package io.github.sodagql.core.schema;

import graphql.schema.idl.TypeDefinitionRegistry;
import io.github.sodagql.core.diagnostic.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * The schema, when it loaded, and every problem met (warnings even when it loaded).
 *
 * @param parsed the definitions parsed from the files, when this load parsed them and the schema loaded: what a
 *     caller may keep so that a later load of the same content can skip the parse ({@link SchemaLoader#fromParsed})
 */
public record SchemaLoadResult(Optional<LoadedSchema> schema, List<Diagnostic> diagnostics,
        Optional<TypeDefinitionRegistry> parsed) {
    public SchemaLoadResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public SchemaLoadResult(Optional<LoadedSchema> schema, List<Diagnostic> diagnostics) {
        this(schema, diagnostics, Optional.empty());
    }

    static SchemaLoadResult failed(List<Diagnostic> diagnostics) {
        return new SchemaLoadResult(Optional.empty(), diagnostics);
    }
}
