package io.github.sodagql.core.session;

import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.discovery.Fingerprint;
import io.github.sodagql.core.graph.DefinitionId;
import io.github.sodagql.core.parse.ParsedFile;
import io.github.sodagql.core.source.ContentHash;
import io.github.sodagql.core.source.ProjectPath;
import io.github.sodagql.core.output.OutputRecord;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything a build leaves for the next one, in any process: what the inputs were (fingerprints), what
 * was parsed from them (texts, definitions and their spreads, diagnostics), what was derived per definition,
 * and every output file. The fragment index and the reverse graph are rebuilt from the definitions, which
 * costs less than reading them.
 *
 * @param schemaInputs the schema files and their fingerprints; empty when the schema did not load
 * @param schemaDiagnostics the schema's own problems (warnings when it loaded)
 * @param graphDiagnostics the problems of the definition graph of {@code files} (unknown fragments, duplicate
 *     names, cycles): a build with nothing to do reports them without building the graph again
 * @param generationDiagnostics problems of code generation as a whole (unmapped scalars)
 * @param generated whether the build that left this snapshot generated code; when it did not (it had
 *     errors), its shared outputs also list the files it left behind, for the next build to replace or delete
 * @param artifactOutput how the build left {@code artifact.json}, so that a build with nothing to do can
 *     still notice it was deleted or edited
 */
public record Snapshot(
        String compilerVersion,
        ContentHash configHash,
        Optional<ContentHash> schemaHash,
        SortedMap<ProjectPath, Fingerprint> schemaInputs,
        List<Diagnostic> schemaDiagnostics,
        SortedMap<ProjectPath, ParsedFile> files,
        List<Diagnostic> graphDiagnostics,
        SortedMap<DefinitionId, DefinitionRecord> definitions,
        List<OutputRecord> sharedOutputs,
        List<Diagnostic> generationDiagnostics,
        Map<String, String> classNames,
        boolean generated,
        Optional<OutputRecord> artifactOutput) {

    public Snapshot {
        Objects.requireNonNull(compilerVersion, "compilerVersion");
        Objects.requireNonNull(configHash, "configHash");
        Objects.requireNonNull(schemaHash, "schemaHash");
        schemaInputs = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(schemaInputs));
        schemaDiagnostics = List.copyOf(schemaDiagnostics);
        files = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(files));
        graphDiagnostics = List.copyOf(graphDiagnostics);
        definitions = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(definitions));
        sharedOutputs = List.copyOf(sharedOutputs);
        generationDiagnostics = List.copyOf(generationDiagnostics);
        classNames = Map.copyOf(classNames);
        Objects.requireNonNull(artifactOutput, "artifactOutput");
    }
}
