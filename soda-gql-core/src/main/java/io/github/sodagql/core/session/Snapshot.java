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

    /** This snapshot with the inputs' fingerprints refreshed: what a build with nothing to do saves. */
    public Snapshot withInputs(SortedMap<ProjectPath, Fingerprint> newSchemaInputs, SortedMap<ProjectPath, ParsedFile> newFiles) {
        return new Snapshot(compilerVersion, configHash, schemaHash, newSchemaInputs, schemaDiagnostics, newFiles,
                graphDiagnostics, definitions, sharedOutputs, generationDiagnostics, classNames, generated, artifactOutput);
    }

    /** A snapshot built part by part, each part named; what is not set is empty. */
    public static Builder builder(String compilerVersion, ContentHash configHash) {
        return new Builder(compilerVersion, configHash);
    }

    /** Names the parts of a {@link Snapshot}, which has too many to pass by position. */
    public static final class Builder {
        private final String compilerVersion;
        private final ContentHash configHash;
        private Optional<ContentHash> schemaHash = Optional.empty();
        private SortedMap<ProjectPath, Fingerprint> schemaInputs = new TreeMap<>();
        private List<Diagnostic> schemaDiagnostics = List.of();
        private SortedMap<ProjectPath, ParsedFile> files = new TreeMap<>();
        private List<Diagnostic> graphDiagnostics = List.of();
        private SortedMap<DefinitionId, DefinitionRecord> definitions = new TreeMap<>();
        private List<OutputRecord> sharedOutputs = List.of();
        private List<Diagnostic> generationDiagnostics = List.of();
        private Map<String, String> classNames = Map.of();
        private boolean generated;
        private Optional<OutputRecord> artifactOutput = Optional.empty();

        private Builder(String compilerVersion, ContentHash configHash) {
            this.compilerVersion = compilerVersion;
            this.configHash = configHash;
        }

        /** The schema as loaded: its hash, its files' fingerprints, its problems. */
        public Builder schema(Optional<ContentHash> hash, SortedMap<ProjectPath, Fingerprint> inputs, List<Diagnostic> diagnostics) {
            this.schemaHash = hash;
            this.schemaInputs = inputs;
            this.schemaDiagnostics = diagnostics;
            return this;
        }

        /** The documents as parsed, and the problems of their graph. */
        public Builder documents(SortedMap<ProjectPath, ParsedFile> parsed, List<Diagnostic> graphProblems) {
            this.files = parsed;
            this.graphDiagnostics = graphProblems;
            return this;
        }

        public Builder definitions(SortedMap<DefinitionId, DefinitionRecord> records) {
            this.definitions = records;
            return this;
        }

        /** What generation left: shared outputs, its own problems, the class names, and whether it ran. */
        public Builder generation(List<OutputRecord> shared, List<Diagnostic> diagnostics, Map<String, String> names,
                boolean ran) {
            this.sharedOutputs = shared;
            this.generationDiagnostics = diagnostics;
            this.classNames = names;
            this.generated = ran;
            return this;
        }

        public Builder artifactOutput(Optional<OutputRecord> record) {
            this.artifactOutput = record;
            return this;
        }

        public Snapshot build() {
            return new Snapshot(compilerVersion, configHash, schemaHash, schemaInputs, schemaDiagnostics, files,
                    graphDiagnostics, definitions, sharedOutputs, generationDiagnostics, classNames, generated, artifactOutput);
        }
    }
}
