package io.github.sodagql.core.session;

import io.github.sodagql.core.graph.DefinitionGraph;
import io.github.sodagql.core.parse.ParsedFile;
import io.github.sodagql.core.schema.LoadedSchema;
import io.github.sodagql.core.schema.SchemaCache;
import io.github.sodagql.core.schema.SchemaLoadResult;
import io.github.sodagql.core.source.ProjectPath;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/** The documents parsed, their graph, and the schema loaded meanwhile. */
record ParsedProject(SortedMap<ProjectPath, ParsedFile> files, List<ParsedFile> parsed, DefinitionGraph graph,
        SchemaCache.Loaded schemaLoad) {
    SchemaLoadResult schemaResult() {
        return schemaLoad.result();
    }

    Optional<LoadedSchema> schema() {
        return schemaLoad.result().schema();
    }
}
