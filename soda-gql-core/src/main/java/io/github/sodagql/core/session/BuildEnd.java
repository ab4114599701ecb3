package io.github.sodagql.core.session;

import io.github.sodagql.core.artifact.Artifact;
import io.github.sodagql.core.artifact.ArtifactCounts;
import io.github.sodagql.core.artifact.ArtifactExports;
import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.output.OutputFile;
import io.github.sodagql.core.output.OutputOwnership;
import io.github.sodagql.core.output.OutputFolder;
import io.github.sodagql.core.output.OutputWriter;
import io.github.sodagql.core.parse.ParsedFile;
import io.github.sodagql.core.schema.SchemaCache;
import io.github.sodagql.core.source.ProjectPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The end of every build: the project's diagnostics gathered in one order, the snapshot saved (outputs first,
 * then the artifact, then the snapshot, so a build that stops half-way is redone), the exported files and
 * {@code report.json} written, and the result.
 */
record BuildEnd(SodaGqlConfig config, Path stateDirectory, OutputWriter writer, StageClock clock, SchemaCache schemaCache,
        Consumer<Optional<Snapshot>> remember) {

    /** The project's problems, in the one order every build reports them (then sorted by location). */
    static List<Diagnostic> project(List<Diagnostic> scanProblems, List<Diagnostic> schema, Collection<ParsedFile> files,
            List<Diagnostic> graph, Collection<DefinitionRecord> records) {
        List<Diagnostic> diagnostics = new ArrayList<>(scanProblems);
        diagnostics.addAll(schema);
        files.forEach(file -> diagnostics.addAll(file.diagnostics()));
        diagnostics.addAll(graph);
        Set<Diagnostic> checked = new LinkedHashSet<>();
        records.forEach(record -> checked.addAll(record.diagnostics()));
        diagnostics.addAll(checked);
        return diagnostics;
    }

    /** Every output a snapshot leaves: the artifact, the shared outputs and each definition's. */
    static int outputCount(Snapshot snapshot) {
        return 1 + snapshot.sharedOutputs().size()
                + snapshot.definitions().values().stream().mapToInt(r -> r.outputs().size()).sum();
    }

    /**
     * Keeps the snapshot for the next build, and the ledger of what it left. A build that was blocked wrote
     * nothing: the next build must not take its results as done, so the snapshot goes and it starts over.
     */
    void save(Snapshot snapshot, boolean blocked, OutputOwnership ownership, List<Diagnostic> diagnostics,
            List<ProjectPath> deleted) {
        if (blocked) {
            remember.accept(Optional.empty());
            try {
                Files.deleteIfExists(stateDirectory.resolve(SnapshotStore.FILE));
            } catch (IOException e) {
                diagnostics.add(Diagnostic.global(DiagnosticCode.WRITE_FAILED, "Cannot delete the snapshot in "
                        + config.stateDirectory() + ": " + e.getMessage() + ".", "Delete it by hand."));
            }
            return;
        }
        remember.accept(Optional.of(snapshot));
        try {
            clock.time("snapshot", () -> {
                try {
                    SnapshotStore.save(stateDirectory, snapshot);
                    ownership.recordAfterBuild(PreviousBuild.recordedOutputs(snapshot), deleted);
                    Files.deleteIfExists(stateDirectory.resolve(OutputOwnership.PENDING_FILE));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            });
        } catch (UncheckedIOException e) {
            diagnostics.add(Diagnostic.global(DiagnosticCode.WRITE_FAILED, "Cannot save the snapshot in "
                    + config.stateDirectory() + ": " + e.getCause().getMessage() + ".",
                    "Check that the state directory is writable; the next build will be a full one."));
        }
    }

    /** Keeps an unchanged snapshot in memory for the next build; nothing to save. */
    void keep(Snapshot snapshot) {
        remember.accept(Optional.of(snapshot));
    }

    /** A full build that had to write or delete an output found the incremental result different. */
    static List<Diagnostic> mismatches(List<ProjectPath> written, List<ProjectPath> deleted) {
        List<Diagnostic> found = new ArrayList<>();
        String hint = "The clean build's file is now in place. Unless the file was edited by hand, this is a bug in "
                + "soda-gql's incremental build: please report it with the output of -Dsoda-gql.explain.";
        written.forEach(path -> found.add(Diagnostic.global(DiagnosticCode.INCREMENTAL_MISMATCH,
                "A clean build differs from the incremental one: " + path.value() + " had other bytes or was missing.",
                hint)));
        deleted.forEach(path -> found.add(Diagnostic.global(DiagnosticCode.INCREMENTAL_MISMATCH,
                "A clean build differs from the incremental one: " + path.value() + " is produced by nothing and was deleted.",
                hint)));
        return found;
    }

    /** Exported files and {@code report.json} written; the result. */
    BuildResult finish(BuildMode mode, List<Diagnostic> diagnostics, Artifact artifact, ArtifactCounts counts,
            BuildCounters counters, Map<ProjectPath, ParsedFile> files, List<ProjectPath> schemaSources,
            BuildExplanation explanation, List<String> notices, List<String> debugNotes) {
        // Files derived from the artifact for other tools (manifests, Spring documents): kept in step after every build.
        diagnostics.addAll(ExportedFiles.update(writer, stateDirectory,
                ArtifactExports.files(artifact, config.exports(), config.stateDirectory()),
                List.of(new OutputFolder(config.projectDirectory(), config.stateDirectory()),
                        new OutputFolder(config.projectDirectory(), config.exports().resourceDirectory()))));
        // Waited for, never failing the build: what it saves is only a cache, but its failure is a debug note.
        schemaCache.awaitSave();
        List<String> notes;
        synchronized (debugNotes) {
            notes = List.copyOf(debugNotes);
        }
        BuildReport report = new BuildReport(mode, counts, counters, clock.stageMillis(), clock.totalMillis(),
                explanation, notes);
        // report.json is a log of this run (it holds times), so it is not counted among the outputs.
        diagnostics.addAll(writer.write(List.of(new OutputFile(config.stateDirectory().resolve(BuilderSession.REPORT_FILE),
                report.toJson()))).failures());
        SortedSet<ProjectPath> inputs = new TreeSet<>(files.keySet());
        inputs.addAll(schemaSources);
        return new BuildResult(diagnostics, Optional.of(artifact), report, List.copyOf(inputs), notices);
    }

    /** The snapshot keeps texts, not syntax trees. */
    static SortedMap<ProjectPath, ParsedFile> withoutDocuments(Map<ProjectPath, ParsedFile> files) {
        SortedMap<ProjectPath, ParsedFile> stripped = new TreeMap<>();
        files.forEach((path, file) -> stripped.put(path, file.document().isEmpty() ? file
                : new ParsedFile(path, file.fingerprint(), file.text(), file.definitions(), file.diagnostics(), Optional.empty())));
        return stripped;
    }
}
