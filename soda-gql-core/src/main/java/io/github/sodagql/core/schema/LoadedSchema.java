package io.github.sodagql.core.schema;

import graphql.schema.GraphQLSchema;
import io.github.sodagql.core.source.ContentHash;
import io.github.sodagql.core.source.ProjectPath;
import java.util.List;
import java.util.Objects;

/** A schema ready for validation, with the files it came from and a hash of their contents. */
public record LoadedSchema(GraphQLSchema schema, ContentHash contentHash, List<ProjectPath> sources) {
    public LoadedSchema {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(contentHash, "contentHash");
        sources = List.copyOf(sources);
    }
}
