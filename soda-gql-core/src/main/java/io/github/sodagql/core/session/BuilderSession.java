package io.github.sodagql.core.session;

import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.github.sodagql.core.artifact.Artifact;
import io.github.sodagql.core.artifact.ArtifactCounts;
import io.github.sodagql.core.artifact.ArtifactJson;
import io.github.sodagql.core.artifact.ArtifactOperation;
import io.github.sodagql.core.codegen.GeneratedFile;
import io.github.sodagql.core.codegen.GeneratedNames;
import io.github.sodagql.core.codegen.GeneratedSources;
import io.github.sodagql.core.codegen.GenerationRequest;
import io.github.sodagql.core.codegen.JavaGenerator;
import io.github.sodagql.core.codegen.OperationRef;
import io.github.sodagql.core.codegen.RecordLimits;
import io.github.sodagql.core.compose.ComposedOperation;
import io.github.sodagql.core.compose.Composer;
import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.discovery.FileStat;
import io.github.sodagql.core.discovery.Fingerprint;
import io.github.sodagql.core.discovery.InputScanner;
import io.github.sodagql.core.discovery.ReadResult;
import io.github.sodagql.core.discovery.ScanResult;
import io.github.sodagql.core.graph.DefinitionGraph;
import io.github.sodagql.core.graph.DefinitionId;
import io.github.sodagql.core.output.OutputFile;
import io.github.sodagql.core.output.OutputFolder;
import io.github.sodagql.core.output.OutputOwnership;
import io.github.sodagql.core.output.OutputRecord;
import io.github.sodagql.core.output.OutputWriter;
import io.github.sodagql.core.output.WriteReport;
import io.github.sodagql.core.parse.DefinitionNodes;
import io.github.sodagql.core.parse.DocumentParser;
import io.github.sodagql.core.parse.ParsedDefinition;
import io.github.sodagql.core.parse.ParsedFile;
import io.github.sodagql.core.parse.ParsedFragment;
import io.github.sodagql.core.parse.ParsedOperation;
import io.github.sodagql.core.schema.LoadedSchema;
import io.github.sodagql.core.schema.SchemaLoadResult;
import io.github.sodagql.core.schema.SchemaLoader;
import io.github.sodagql.core.shape.FragmentShape;
import io.github.sodagql.core.shape.OperationShape;
import io.github.sodagql.core.shape.SchemaUsage;
import io.github.sodagql.core.shape.ShapeBuilder;
import io.github.sodagql.core.source.ContentHash;
import io.github.sodagql.core.source.ProjectPath;
import io.github.sodagql.core.stack.LargeStack;
import io.github.sodagql.core.validate.DeprecationCheck;
import io.github.sodagql.core.validate.OperationValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives the pipeline and is the only holder of state between builds. Every build is an update of the
 * last build's {@link Snapshot} (kept in memory, and under the state directory for the next process): a
 * full build is an update from nothing. Only what changed, and what depends on it, is parsed, composed,
 * validated and generated; everything else is taken from the snapshot, so a build with nothing to do costs
 * a stat per input and per output.
 *
 * <p>Order of writes: outputs first, then the artifact, then the snapshot (atomically). A build that stops
 * half-way leaves the old snapshot, whose fingerprints no longer match, so the next build redoes the work.
 *
 * <p>Not thread-safe: one session serves one build at a time; a lock on the state directory keeps two
 * processes from building the same project at once.
 */
public final class BuilderSession {
    public static final String ARTIFACT_FILE = "artifact.json";
    public static final String REPORT_FILE = "report.json";
    /** Lists the outputs a build is about to write; present at the start of a build only if one was interrupted. */
    static final String PENDING_FILE = OutputOwnership.PENDING_FILE;
    private static final long LOCK_TIMEOUT_MILLIS = 120_000;

    private final SodaGqlConfig config;
    private final InputScanner scanner;
    private final OutputWriter writer;
    private final Path stateDirectory;
    private Optional<Snapshot> memory = Optional.empty();
    private Optional<LoadedSchema> cachedSchema = Optional.empty();
    /** The saving of the parsed schema for the next build, when a load parsed it; never left running past a build. */
    private java.util.concurrent.CompletableFuture<Void> schemaSave = java.util.concurrent.CompletableFuture.completedFuture(null);

    public BuilderSession(SodaGqlConfig config) {
        this.config = config;
        this.scanner = new InputScanner(config.projectDirectory());
        this.writer = new OutputWriter(config.projectDirectory());
        this.stateDirectory = config.stateDirectory().resolveAgainst(config.projectDirectory());
    }

    /** The state the last build left, if any. */
    public Optional<Snapshot> snapshot() {
        return memory;
    }

    /**
     * Builds from the snapshot under the state directory (or from nothing): scans every input, and redoes
     * only what changed since that snapshot was written.
     */
    public BuildResult buildInitial() {
        memory = Optional.empty();
        return build(Optional.empty(), Mode.INCREMENTAL);
    }

    /** Builds again from this session's own state, finding changes by a stat of every input (a watcher). */
    public BuildResult rebuild() {
        return build(Optional.empty(), Mode.INCREMENTAL);
    }

    /** Builds again, after the given changes, from this session's own state (a watcher or an IDE). */
    public BuildResult update(ChangeSet changes) {
        return build(Optional.of(changes), Mode.INCREMENTAL);
    }

    /**
     * Builds everything, ignoring the snapshot, and reports every output the clean build had to change as an
     * {@link DiagnosticCode#INCREMENTAL_MISMATCH} error: the user's own check that incremental building gives
     * what a clean build gives. Inputs changed since the last build are first built incrementally, so that
     * the comparison is with what the incremental path makes of them; outputs edited by hand are left for
     * the clean build to find. The outputs end up as the clean build makes them.
     */
    public BuildResult buildFull() {
        memory = Optional.empty();
        BuildResult incremental = build(Optional.empty(), Mode.BEFORE_FULL);
        if (incremental.report().mode().startsWith("full")) {
            // That was a clean build already: there is no incremental result to compare with.
            List<String> notices = new ArrayList<>(incremental.notices());
            notices.add("soda-gql: no earlier build to compare with, so the full build checked nothing.");
            return new BuildResult(incremental.diagnostics(), incremental.artifact(), incremental.report(),
                    incremental.inputs(), notices);
        }
        BuildResult full = build(Optional.empty(), Mode.FULL);
        List<String> notices = new ArrayList<>(incremental.notices());
        notices.addAll(full.notices());
        return new BuildResult(full.diagnostics(), full.artifact(), full.report(), full.inputs(), notices);
    }

    /** What a build may reuse. */
    private enum Mode {
        /** Reuse whatever the snapshot allows; repair damaged outputs. */
        INCREMENTAL,
        /** As incremental, but leave damaged outputs for the full build that follows to find. */
        BEFORE_FULL,
        /** Reuse nothing; report every output whose bytes had to change. */
        FULL
    }

    private BuildResult build(Optional<ChangeSet> known, Mode buildMode) {
        StageClock clock = new StageClock();
        List<Diagnostic> configProblems = config.problems();
        if (!configProblems.isEmpty()) {
            return new BuildResult(configProblems, Optional.empty(), new BuildReport("full: invalid configuration",
                    new ArtifactCounts(0, 0, 0, configProblems.size(), 0), BuildCounters.none(), clock.stageMillis(),
                    clock.totalMillis()), List.of(), List.of());
        }
        try (StateLock lock = StateLock.acquire(stateDirectory, LOCK_TIMEOUT_MILLIS)) {
            return new Build(clock, known, buildMode).run();
        } catch (IOException e) {
            Diagnostic failure = Diagnostic.global(DiagnosticCode.IO_ERROR, "Cannot use the state directory "
                    + config.stateDirectory() + ": " + e.getMessage() + ".", "Check that it is writable; if another build "
                    + "is stuck, stop it.");
            return new BuildResult(List.of(failure), Optional.empty(), new BuildReport("full: state directory unusable",
                    new ArtifactCounts(0, 0, 0, 1, 0), BuildCounters.none(), clock.stageMillis(), clock.totalMillis()),
                    List.of(), List.of());
        }
    }

    /** One build: the work of {@link #build}, with its counters. */
    private final class Build {
        private final StageClock clock;
        private final Optional<ChangeSet> known;
        private final Mode buildMode;
        private final List<String> notices = new ArrayList<>();
        /** Why each input counts as changed (or only touched), for {@link BuildExplanation}. */
        private final List<BuildExplanation.InputChange> globalChanges = new ArrayList<>();
        private final Map<String, BuildExplanation.InputChange> inputChanges = new TreeMap<>();
        /** The walk of the document roots, when it was started before the snapshot loaded. */
        private Optional<java.util.concurrent.CompletableFuture<ScanResult>> scanAhead = Optional.empty();
        /** Whether this build parsed the schema from its files (set on the schema thread, read after it is joined). */
        private volatile boolean schemaParsed;
        private final AtomicInteger reparsed = new AtomicInteger();
        private int scanned;
        private int statHits;
        private int hashes;
        private final OutputFolder outputFolder = new OutputFolder(config.projectDirectory(), config.outputDirectory());
        private final OutputFolder stateFolder = new OutputFolder(config.projectDirectory(), config.stateDirectory());
        private OutputOwnership ownership;
        /** Set when the output folder holds foreign files: nothing is written, and the next build checks again. */
        private boolean blocked;

        Build(StageClock clock, Optional<ChangeSet> known, Mode buildMode) {
            this.clock = clock;
            this.known = known;
            this.buildMode = buildMode;
        }

        BuildResult run() {
            // What the last build left, and whether it can be trusted. Its outputs are ours to delete even
            // when nothing else of it is reused (`earlier`); its results are reused only if `previous` stays.
            Optional<Snapshot> previous = memory;
            String fullReason = null;
            if (known.isEmpty()) {
                // The walk of the documents does not depend on the snapshot: it runs on the second core while
                // the snapshot loads (a third of a no-op in a fresh JVM each); it also finds the default schema.
                scanAhead = Optional.of(java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> clock.timeConcurrently("discovery", () -> scanner.scan(config.documentRoots())),
                        BuilderSession::startDaemon));
            }
            if (previous.isEmpty()) {
                SnapshotStore.Loaded loaded = clock.time("snapshot", () -> SnapshotStore.load(stateDirectory));
                Optional<ProjectPath> outside = loaded instanceof SnapshotStore.Loaded.Found found
                        ? StateConfinement.outside(found.snapshot(), outputFolder, stateFolder) : Optional.empty();
                if (outside.isPresent()) {
                    notices.add("soda-gql: ignoring the snapshot in " + config.stateDirectory() + " because it records "
                            + outside.get() + ", which is outside " + config.outputDirectory() + " (or "
                            + config.stateDirectory() + "); nothing outside them is written or deleted. Building everything.");
                    fullReason = "snapshot unusable";
                    globalChanges.add(new BuildExplanation.InputChange("snapshot", "unusable",
                            "it records an output outside the output folder"));
                } else if (loaded instanceof SnapshotStore.Loaded.Found found) {
                    previous = Optional.of(found.snapshot());
                } else if (loaded instanceof SnapshotStore.Loaded.Unusable unusable) {
                    notices.add("soda-gql: ignoring the snapshot in " + config.stateDirectory() + " because "
                            + unusable.reason() + "; building everything.");
                    fullReason = "snapshot unusable";
                    globalChanges.add(new BuildExplanation.InputChange("snapshot", "unusable", unusable.reason()));
                } else {
                    fullReason = "no snapshot";
                    globalChanges.add(new BuildExplanation.InputChange("snapshot", "missing",
                            "no earlier build in " + config.stateDirectory().value()));
                }
            }
            Optional<Snapshot> earlier = previous;
            ownership = OutputOwnership.load(config.projectDirectory(), stateDirectory, outputFolder,
                    earlier.map(BuilderSession::recordedOutputs).orElse(List.of()), config.allowForeignFiles());
            notices.addAll(ownership.takeNotices());
            // Files an interrupted build may have written without recording them anywhere.
            Set<ProjectPath> strays = new TreeSet<>(ownership.pending());
            strays.addAll(ownership.unrecorded());
            if (!strays.isEmpty() && fullReason == null) {
                fullReason = "the last build was interrupted";
                previous = Optional.empty();
                globalChanges.add(new BuildExplanation.InputChange("snapshot", "changed",
                        "the last build was interrupted while writing outputs"));
            }
            if (buildMode == Mode.FULL) {
                fullReason = "requested";
                previous = Optional.empty();
            } else if (previous.isPresent() && !previous.get().compilerVersion().equals(CompilerVersion.CURRENT)) {
                fullReason = "compiler version changed";
                globalChanges.add(new BuildExplanation.InputChange("compiler version", "changed",
                        "the snapshot was written by " + previous.get().compilerVersion() + ", this is "
                                + CompilerVersion.CURRENT));
                previous = Optional.empty();
            } else if (previous.isPresent() && !previous.get().configHash().equals(config.hash())) {
                fullReason = "configuration changed";
                globalChanges.add(new BuildExplanation.InputChange("configuration", "changed",
                        "a plugin parameter differs from the last build's"));
                previous = Optional.empty();
            }

            final Optional<Snapshot> reusable = previous;


            // Documents: stat first, hash only what moved.
            // Without schema paths, the schema is the roots' *.graphqls files: the document walk has found them.
            Set<ProjectPath> schemaFiles = config.schemaPaths().isEmpty() && scanAhead.isPresent()
                    ? new TreeSet<>(join(scanAhead.get()).defaultSchemaFiles())
                    : clock.time("discovery", () -> SchemaLoader.schemaFiles(config));
            SortedMap<ProjectPath, ParsedFile> files = new TreeMap<>(reusable.map(Snapshot::files).orElse(new TreeMap<>()));
            List<Diagnostic> scanProblems = new ArrayList<>();
            // A build tool's change set is only as good as the state it is relative to: without one, scan.
            Optional<ChangeSet> given = reusable.isPresent() ? known : Optional.empty();
            Map<ProjectPath, ReadResult> changed = clock.time("discovery",
                    () -> documentChanges(given, files, schemaFiles, scanProblems));
            SortedSet<ProjectPath> removed = new TreeSet<>();
            for (Map.Entry<ProjectPath, ReadResult> change : changed.entrySet()) {
                if (change.getValue() == null) {
                    removed.add(change.getKey());
                }
            }

            // The schema: by fingerprint, like any input.
            SortedMap<ProjectPath, Fingerprint> schemaInputs = new TreeMap<>();
            boolean schemaChanged = clock.time("discovery", () -> schemaChanged(schemaFiles, reusable, schemaInputs));

            // Outputs edited or deleted on disk since they were written.
            Set<DefinitionId> repairs = new TreeSet<>();
            // Before a full build that checks, damaged outputs are left for it to find.
            boolean repairShared = reusable.isPresent() && buildMode != Mode.BEFORE_FULL && clock.time("outputs check", () -> {
                for (DefinitionRecord record : reusable.get().definitions().values()) {
                    if (record.outputs().stream().anyMatch(this::damaged)) {
                        repairs.add(record.id());
                    }
                }
                return reusable.get().sharedOutputs().stream().anyMatch(this::damaged)
                        || reusable.get().artifactOutput().map(this::damaged).orElse(true);
            });

            boolean nothingChanged = reusable.isPresent() && changed.isEmpty() && !schemaChanged && repairs.isEmpty()
                    && !repairShared;
            if (nothingChanged) {
                return noOp(reusable.get(), files, schemaInputs, scanProblems);
            }

            // The schema (often the largest input) loads on its own thread while documents are parsed.
            java.util.concurrent.CompletableFuture<SchemaLoadResult> schemaLoad = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> clock.timeConcurrently("schema", () -> loadSchema(schemaChanged, reusable)),
                            BuilderSession::startDaemon);
            List<ParsedFile> parsed = clock.time("parse", () -> changed.values().parallelStream()
                    .filter(result -> result != null)
                    .map(result -> result instanceof ReadResult.Read ok
                            ? DocumentParser.parse(ok.file())
                            : ParsedFile.unreadable(result.path(), ((ReadResult.Unreadable) result).problem()))
                    .toList());
            int filesParsed = (int) parsed.stream().filter(file -> file.fingerprint().isPresent()).count();
            removed.forEach(files::remove);
            parsed.forEach(file -> files.put(file.path(), file));

            DefinitionGraph graph = clock.time("graph", () -> DefinitionGraph.build(files.values()));
            SchemaLoadResult schema = join(schemaLoad);
            boolean full = fullReason != null || schemaChanged;
            String globalCause = fullReason != null ? "full build: " + fullReason : "schema changed";
            // Definitions whose own source changed: in a changed file, those not the same text at the same place.
            Set<DefinitionId> edited = new HashSet<>();
            Map<DefinitionId, Cause> causes = clock.time("graph", () -> {
                if (!full) {
                    return affectedDefinitions(reusable.get(), graph, files, changed.keySet(), edited);
                }
                Map<DefinitionId, Cause> everything = new TreeMap<>();
                graph.definitions().keySet().forEach(id -> everything.put(id, new Cause(List.of(), globalCause)));
                return everything;
            });
            Set<DefinitionId> affected = causes.keySet();
            String mode = fullReason != null ? "full: " + fullReason : schemaChanged ? "incremental, schema changed" : "incremental";

            Optional<LoadedSchema> loaded = schema.schema();
            LazyNodes nodes = new LazyNodes(files, reparsed);
            Composer composer = new Composer(loaded.map(LoadedSchema::schema));
            Map<DefinitionId, DefinitionRecord> oldRecords = reusable.map(Snapshot::definitions).orElse(new TreeMap<>());

            // Compose, validate and check each affected definition; reuse the records of the others.
            List<DefinitionId> affectedOperations = affected.stream()
                    .filter(id -> graph.definitions().get(id) instanceof ParsedOperation)
                    .filter(id -> !graph.exceedsDepthLimit(id)).toList();
            Map<DefinitionId, ComposedOperation> composed = new ConcurrentHashMap<>();
            clock.time("compose", () -> {
                affectedOperations.parallelStream().forEach(id -> composed.put(id, composer.compose(id, graph, nodes)));
                return null;
            });
            Map<DefinitionId, List<Diagnostic>> checks = new ConcurrentHashMap<>();
            clock.time("validate", () -> {
                loaded.ifPresent(s -> {
                    OperationValidator validator = new OperationValidator(s.schema());
                    DeprecationCheck deprecations = new DeprecationCheck(s.schema());
                    affected.parallelStream().forEach(id -> {
                        List<Diagnostic> found = new ArrayList<>();
                        if (composed.containsKey(id)) {
                            found.addAll(validator.validate(composed.get(id)));
                        } else if (id.kind() == DefinitionId.Kind.FRAGMENT) {
                            found.addAll(validator.validate(id.file(), nodes.fragment(id.file(), id.name())));
                        }
                        found.addAll(deprecations.check(id.file(), id.kind() == DefinitionId.Kind.OPERATION
                                ? nodes.operation(id.file(), id.name()) : nodes.fragment(id.file(), id.name())));
                        if (found.stream().noneMatch(Diagnostic::isError)) {
                            found.addAll(recordLimits(s, graph, composer, nodes, id, composed.get(id)));
                        }
                        checks.put(id, found);
                    });
                });
                return null;
            });

            SortedMap<DefinitionId, DefinitionRecord> records = new TreeMap<>();
            for (DefinitionId id : graph.definitions().keySet()) {
                DefinitionRecord old = oldRecords.get(id);
                if (!affected.contains(id) && old != null) {
                    records.put(id, old);
                    continue;
                }
                Optional<ArtifactOperation> entry = Optional.ofNullable(composed.get(id)).map(ArtifactOperation::of);
                // Whether its outputs are current is settled by generation; until then they are as the last build left them.
                records.put(id, new DefinitionRecord(id, checks.getOrDefault(id, List.of()), entry,
                        old == null ? new TreeSet<>() : old.typesUsed(), old == null ? List.of() : old.outputs(),
                        old != null && old.outputsCurrent()));
            }

            List<Diagnostic> diagnostics = new ArrayList<>(scanProblems);
            diagnostics.addAll(schema.diagnostics());
            files.values().forEach(file -> diagnostics.addAll(file.diagnostics()));
            diagnostics.addAll(graph.diagnostics());
            Set<Diagnostic> checked = new LinkedHashSet<>();
            records.values().forEach(record -> checked.addAll(record.diagnostics()));
            diagnostics.addAll(checked);
            boolean hasErrors = diagnostics.stream().anyMatch(Diagnostic::isError);

            // Generate what is affected, stale or damaged; write what changed; delete what nobody produces.
            List<OutputRecord> sharedOutputs = reusable.map(Snapshot::sharedOutputs).orElse(List.of());
            List<Diagnostic> generationDiagnostics = reusable.map(Snapshot::generationDiagnostics).orElse(List.of());
            Map<String, String> classNames = reusable.map(Snapshot::classNames).orElse(Map.of());
            Set<ProjectPath> toDelete = new TreeSet<>();
            Map<ProjectPath, OutputRecord> known = new HashMap<>();
            earlier.ifPresent(s -> {
                s.definitions().values().forEach(r -> r.outputs().forEach(o -> known.put(o.path(), o)));
                s.sharedOutputs().forEach(o -> known.put(o.path(), o));
            });
            // Outputs of definitions that are gone are stale whatever else happens.
            earlier.ifPresent(s -> s.definitions().forEach((id, record) -> {
                if (!records.containsKey(id)) {
                    record.outputs().forEach(o -> toDelete.add(o.path()));
                }
            }));
            int generatedCount = 0;
            List<OutputFile> outputs = new ArrayList<>();
            Map<ProjectPath, DefinitionId> owners = new HashMap<>();
            Set<DefinitionId> regenerated = new TreeSet<>();
            boolean sharedRegenerated = false;
            if (loaded.isPresent() && !hasErrors) {
                boolean sharedDamaged = repairShared;
                Generation generation = clock.time("codegen", () -> generate(loaded.get(), graph, composer, nodes, records,
                        composed, affected, edited, files, repairs, full, sharedDamaged, reusable));
                generatedCount = generation.sources().files().size();
                generationDiagnostics = generation.sources().diagnostics();
                classNames = generation.names().simpleNames();
                for (GeneratedFile file : generation.sources().files()) {
                    outputs.add(file.file());
                    file.owner().ifPresent(owner -> owners.put(file.file().path(), owner));
                }
                regenerated.addAll(generation.generated());
                sharedRegenerated = generation.includesShared();
                records.replaceAll((id, record) -> generation.typesUsed().containsKey(id)
                        ? new DefinitionRecord(id, record.diagnostics(), record.artifactEntry(),
                                generation.typesUsed().get(id), record.outputs(), record.outputsCurrent())
                        : record);
                // Everything the earlier build wrote that this build's regenerated owners no longer produce.
                Set<ProjectPath> produced = new TreeSet<>();
                outputs.forEach(o -> produced.add(o.path()));
                earlier.ifPresent(s -> {
                    if (generation.includesShared()) {
                        s.sharedOutputs().forEach(o -> toDelete.add(o.path()));
                    }
                    s.definitions().forEach((id, record) -> {
                        if (regenerated.contains(id) || !records.containsKey(id)) {
                            record.outputs().forEach(o -> toDelete.add(o.path()));
                        }
                    });
                });
                toDelete.addAll(strays);
                toDelete.removeAll(produced);
            }
            if (!loaded.isPresent() || hasErrors) {
                // Generation's own problems belong to a build that generates, as in a clean build with errors.
                generationDiagnostics = List.of();
            }
            diagnostics.addAll(generationDiagnostics);
            diagnostics.sort(null);

            int errors = (int) diagnostics.stream().filter(Diagnostic::isError).count();
            ArtifactCounts counts = new ArtifactCounts(files.size(), graph.operations().size(), graph.fragments().size(),
                    errors, diagnostics.size() - errors);
            Artifact artifact = clock.time("artifact", () -> Artifact.of(loaded.map(LoadedSchema::contentHash),
                    records.values().stream().flatMap(r -> r.artifactEntry().stream()).toList(), graph.definitions(), counts));

            if (!config.allowForeignFiles() && (full || !ownership.ledgerPresent())) {
                diagnostics.addAll(clock.time("output", () -> foreignFilesCheck(outputs)));
                if (blocked) {
                    outputs.clear();
                    toDelete.clear();
                }
            }
            if (!blocked) {
                try {
                    ownership.recordBeforeWriting(outputs, known);
                } catch (IOException e) {
                    // Without the records a crash could leave files the next build does not know as its own
                    // (and so never deletes); this build's outputs are still right.
                }
            }
            Map<ProjectPath, io.github.sodagql.core.source.SourceLocation> origins = new HashMap<>();
            owners.forEach((path, owner) -> graph.definition(owner).ifPresent(d -> origins.put(path, d.location())));
            WriteReport written = clock.time("output", () -> writer.write(outputs, known, ownership,
                    path -> Optional.ofNullable(origins.get(path))));
            List<ProjectPath> deleted = clock.time("output", () -> writer.delete(toDelete, ownership));
            Map<ProjectPath, OutputRecord> writtenRecords = new HashMap<>();
            written.records().forEach(r -> writtenRecords.put(r.path(), r));
            // A file that could not be written is recorded as damaged, so that the next build writes it.
            written.failed().forEach(r -> writtenRecords.put(r.path(), r));
            List<OutputRecord> newShared = new ArrayList<>();
            Map<DefinitionId, List<OutputRecord>> newOwned = new HashMap<>();
            for (OutputFile output : outputs) {
                OutputRecord record = writtenRecords.get(output.path());
                if (record == null) {
                    continue;
                }
                DefinitionId owner = owners.get(output.path());
                if (owner == null) {
                    newShared.add(record);
                } else {
                    newOwned.computeIfAbsent(owner, o -> new ArrayList<>()).add(record);
                }
            }
            boolean generated = loaded.isPresent() && !hasErrors;
            if (generated && sharedRegenerated) {
                sharedOutputs = newShared;
            } else if (!generated) {
                // Nothing was generated, so every file an earlier build wrote is still there. Files no record
                // keeps are tracked as shared outputs, which the next build that generates replaces or deletes.
                Set<ProjectPath> kept = new TreeSet<>();
                records.values().forEach(r -> r.outputs().forEach(o -> kept.add(o.path())));
                Map<ProjectPath, OutputRecord> orphans = new TreeMap<>();
                earlier.ifPresent(s -> {
                    s.sharedOutputs().forEach(o -> orphans.put(o.path(), o));
                    s.definitions().values().forEach(r -> r.outputs().forEach(o -> orphans.put(o.path(), o)));
                });
                for (ProjectPath stray : strays) {
                    ownership.asWritten(stray).ifPresent(hash -> {
                        try {
                            orphans.putIfAbsent(stray, writer.record(stray, hash));
                        } catch (IOException e) {
                            // Gone meanwhile: nothing to track.
                        }
                    });
                }
                toDelete.forEach(orphans::remove);
                kept.forEach(orphans::remove);
                sharedOutputs = List.copyOf(orphans.values());
            }
            records.replaceAll((id, record) -> {
                if (generated && regenerated.contains(id)) {
                    return new DefinitionRecord(id, record.diagnostics(), record.artifactEntry(), record.typesUsed(),
                            newOwned.getOrDefault(id, List.of()), true);
                }
                if (generated) {
                    return new DefinitionRecord(id, record.diagnostics(), record.artifactEntry(), record.typesUsed(),
                            record.outputs(), true);
                }
                boolean current = record.outputsCurrent() && !affected.contains(id);
                return new DefinitionRecord(id, record.diagnostics(), record.artifactEntry(), record.typesUsed(),
                        record.outputs(), current);
            });
            diagnostics.addAll(written.failures());
            diagnostics.addAll(ownership.kept());
            notices.addAll(ownership.takeNotices());
            diagnostics.sort(null);

            WriteReport artifactWrite = clock.time("output", () -> writer.write(List.of(new OutputFile(
                    config.stateDirectory().resolve(ARTIFACT_FILE), ArtifactJson.render(artifact)))));
            diagnostics.addAll(artifactWrite.failures());

            Snapshot snapshot = new Snapshot(CompilerVersion.CURRENT, config.hash(), loaded.map(LoadedSchema::contentHash),
                    loaded.isPresent() ? schemaInputs : new TreeMap<>(), schema.diagnostics(), withoutDocuments(files),
                    graph.diagnostics(), records, sharedOutputs, generationDiagnostics, classNames, generated,
                    artifactWrite.records().stream().findFirst());
            save(snapshot, diagnostics, deleted);

            BuildCounters counters = new BuildCounters(scanned, statHits, hashes, filesParsed, reparsed.get(), schemaParsed ? 1 : 0,
                    composed.size(), loaded.isPresent() ? composed.size() : 0, loaded.isPresent() ? affected.size() : 0,
                    generatedCount, written.written().size() + artifactWrite.written().size(),
                    written.unchanged().size() + artifactWrite.unchanged().size(), deleted.size(),
                    1 + sharedOutputs.size() + records.values().stream().mapToInt(r -> r.outputs().size()).sum());

            List<ProjectPath> writtenPaths = new ArrayList<>(written.written());
            writtenPaths.addAll(artifactWrite.written());
            List<ProjectPath> unchangedPaths = new ArrayList<>(written.unchanged());
            unchangedPaths.addAll(artifactWrite.unchanged());
            BuildExplanation explanation = new BuildExplanation(changes(),
                    rebuilt(causes, loaded.isPresent(), regenerated, repairs, oldRecords), writtenPaths, unchangedPaths,
                    deleted);
            // This build's findings, not the project's: counted in the summary, never in the artifact.
            List<Diagnostic> findings = new ArrayList<>(written.failures());
            findings.addAll(artifactWrite.failures());
            if (buildMode == Mode.FULL && earlier.isPresent()) {
                List<Diagnostic> mismatches = mismatches(writtenPaths, deleted);
                diagnostics.addAll(mismatches);
                diagnostics.sort(null);
                findings.addAll(mismatches);
            }
            if (blocked) {
                findings.addAll(diagnostics.stream().filter(d -> d.code() == DiagnosticCode.CONFIG_INVALID).toList());
            }
            ArtifactCounts reported = new ArtifactCounts(counts.documents(), counts.operations(), counts.fragments(),
                    counts.errors() + findings.size(), counts.warnings() + ownership.kept().size());
            return finish(mode, diagnostics, artifact, reported, counters, files, loaded.map(LoadedSchema::sources).orElse(List.of()),
                    explanation);
        }

        /** Nothing changed: the snapshot's results stand; refreshed stats are saved so the next no-op is a stat hit. */
        private BuildResult noOp(Snapshot previous, SortedMap<ProjectPath, ParsedFile> files,
                SortedMap<ProjectPath, Fingerprint> schemaInputs, List<Diagnostic> scanProblems) {
            List<Diagnostic> diagnostics = new ArrayList<>(scanProblems);
            diagnostics.addAll(previous.schemaDiagnostics());
            files.values().forEach(file -> diagnostics.addAll(file.diagnostics()));
            diagnostics.addAll(previous.graphDiagnostics());
            Set<Diagnostic> checked = new LinkedHashSet<>();
            previous.definitions().values().forEach(record -> checked.addAll(record.diagnostics()));
            diagnostics.addAll(checked);
            diagnostics.addAll(previous.generationDiagnostics());
            diagnostics.sort(null);
            int errors = (int) diagnostics.stream().filter(Diagnostic::isError).count();
            // The graph's definitions, without the graph: nothing changed, so its problems are the snapshot's.
            Map<DefinitionId, ParsedDefinition> definitions = DefinitionGraph.definitionsOf(files.values());
            int fragments = (int) definitions.values().stream().filter(ParsedFragment.class::isInstance).count();
            ArtifactCounts counts = new ArtifactCounts(files.size(), definitions.size() - fragments, fragments,
                    errors, diagnostics.size() - errors);
            Artifact artifact = Artifact.of(previous.schemaHash(), previous.definitions().values().stream()
                    .flatMap(r -> r.artifactEntry().stream()).toList(), definitions, counts);
            Snapshot refreshed = new Snapshot(previous.compilerVersion(), previous.configHash(), previous.schemaHash(),
                    previous.schemaHash().isPresent() ? schemaInputs : previous.schemaInputs(), previous.schemaDiagnostics(),
                    withoutDocuments(files), previous.graphDiagnostics(), previous.definitions(), previous.sharedOutputs(),
                    previous.generationDiagnostics(), previous.classNames(), previous.generated(), previous.artifactOutput());
            if (!refreshed.equals(previous)) {
                save(refreshed, diagnostics, List.of());
            } else {
                memory = Optional.of(previous);
            }
            // Every output stays as it is, the artifact among them.
            int outputs = 1 + previous.sharedOutputs().size()
                    + previous.definitions().values().stream().mapToInt(r -> r.outputs().size()).sum();
            BuildCounters counters = new BuildCounters(scanned, statHits, hashes, 0, 0, 0, 0, 0, 0, 0, 0, outputs, 0, outputs);
            return finish("incremental", diagnostics, artifact, counts, counters, files, List.copyOf(previous.schemaInputs().keySet()),
                    new BuildExplanation(changes(), List.of(), List.of(), List.of(), List.of()));
        }

        /** Global reasons first (snapshot, configuration, version), then inputs by path. */
        private List<BuildExplanation.InputChange> changes() {
            List<BuildExplanation.InputChange> all = new ArrayList<>(globalChanges);
            all.addAll(inputChanges.values());
            return all;
        }

        /** Every definition validated or generated again, with the chain that made it so. */
        private List<BuildExplanation.Rebuilt> rebuilt(Map<DefinitionId, Cause> causes, boolean validated,
                Set<DefinitionId> regenerated, Set<DefinitionId> repairs, Map<DefinitionId, DefinitionRecord> oldRecords) {
            SortedSet<DefinitionId> ids = new TreeSet<>(regenerated);
            if (validated) {
                ids.addAll(causes.keySet());
            }
            List<BuildExplanation.Rebuilt> rebuilt = new ArrayList<>();
            for (DefinitionId id : ids) {
                Cause cause = causes.get(id);
                if (cause == null) {
                    DefinitionRecord old = oldRecords.get(id);
                    cause = new Cause(List.of(), repairs.contains(id) ? "an output of it was edited or deleted"
                            : old != null && !old.outputsCurrent() ? "the last build did not generate it"
                            : "a class name moved, so everything was generated again");
                }
                rebuilt.add(new BuildExplanation.Rebuilt(id, validated && causes.containsKey(id), regenerated.contains(id),
                        cause.via(), cause.origin()));
            }
            return rebuilt;
        }

        /** A full build that had to write or delete an output found the incremental result different. */
        private List<Diagnostic> mismatches(List<ProjectPath> written, List<ProjectPath> deleted) {
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

        private BuildResult finish(String mode, List<Diagnostic> diagnostics, Artifact artifact, ArtifactCounts counts,
                BuildCounters counters, Map<ProjectPath, ParsedFile> files, List<ProjectPath> schemaSources,
                BuildExplanation explanation) {
            // Files derived from the artifact for other tools (manifests, Spring documents): kept in step after every build.
            diagnostics.addAll(ExportedFiles.update(writer, stateDirectory,
                    io.github.sodagql.core.artifact.ArtifactExports.files(artifact, config.exports(), config.stateDirectory()),
                    List.of(stateFolder, new OutputFolder(config.projectDirectory(), config.exports().resourceDirectory()))));
            BuildReport report = new BuildReport(mode, counts, counters, clock.stageMillis(), clock.totalMillis(),
                    explanation);
            // report.json is a log of this run (it holds times), so it is not counted among the outputs.
            diagnostics.addAll(writer.write(List.of(new OutputFile(config.stateDirectory().resolve(REPORT_FILE),
                    report.toJson()))).failures());
            // Waited for, never failing the build: what it saves is only a cache.
            schemaSave.handle((saved, problem) -> null).join();
            SortedSet<ProjectPath> inputs = new TreeSet<>(files.keySet());
            inputs.addAll(schemaSources);
            return new BuildResult(diagnostics, Optional.of(artifact), report, List.copyOf(inputs), notices);
        }

        private void save(Snapshot snapshot, List<Diagnostic> diagnostics, List<ProjectPath> deleted) {
            if (blocked) {
                // Nothing was written: the next build must not take this one's results as done, so it starts over.
                memory = Optional.empty();
                try {
                    Files.deleteIfExists(stateDirectory.resolve(SnapshotStore.FILE));
                } catch (IOException e) {
                    diagnostics.add(Diagnostic.global(DiagnosticCode.WRITE_FAILED, "Cannot delete the snapshot in "
                            + config.stateDirectory() + ": " + e.getMessage() + ".", "Delete it by hand."));
                }
                return;
            }
            memory = Optional.of(snapshot);
            try {
                clock.time("snapshot", () -> {
                    try {
                        SnapshotStore.save(stateDirectory, snapshot);
                        ownership.recordAfterBuild(recordedOutputRecords(snapshot), deleted);
                        Files.deleteIfExists(stateDirectory.resolve(PENDING_FILE));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return null;
                });
            } catch (java.io.UncheckedIOException e) {
                diagnostics.add(Diagnostic.global(DiagnosticCode.WRITE_FAILED, "Cannot save the snapshot in "
                        + config.stateDirectory() + ": " + e.getCause().getMessage() + ".",
                        "Check that the state directory is writable; the next build will be a full one."));
            }
        }

        /** An output that is gone or whose bytes changed; one only touched (same hash) is fine. */
        private boolean damaged(OutputRecord output) {
            return !writer.matches(output) && !writer.hash(output.path()).equals(Optional.of(output.hash()));
        }

        /**
         * The foreign files in the output folder, as one {@code CONFIG_INVALID} naming the first; when there are
         * any, this build writes and deletes nothing ({@link #blocked}). A file this build generates with exactly
         * its bytes is not foreign (a state folder lost with the outputs kept).
         */
        private List<Diagnostic> foreignFilesCheck(List<OutputFile> outputs) {
            Map<ProjectPath, OutputFile> produced = new HashMap<>();
            outputs.forEach(output -> produced.put(output.path(), output));
            List<ProjectPath> foreign;
            try {
                foreign = ownership.foreignFiles(path -> produced.containsKey(path)
                        && writer.hash(path).equals(Optional.of(ContentHash.of(produced.get(path).bytes()))), 1);
            } catch (IOException e) {
                return List.of(Diagnostic.global(DiagnosticCode.IO_ERROR, "Cannot list the output directory "
                        + config.outputDirectory() + ": " + e.getMessage() + ".", "Check that it is readable."));
            }
            if (foreign.isEmpty()) {
                return List.of();
            }
            blocked = true;
            return List.of(Diagnostic.global(DiagnosticCode.CONFIG_INVALID, "Configuration 'outputDirectory' ("
                    + config.outputDirectory() + ") holds " + foreign.get(0) + ", which soda-gql did not write; it never "
                    + "overwrites or deletes such a file, so it wrote nothing.", "Give the generated sources a folder of "
                    + "their own (the default is target/generated-sources/soda-gql), move the file away, or set "
                    + "allowForeignFiles to let them share the folder."));
        }

        /**
         * The documents that changed since the snapshot: a read result for each added or changed file (its
         * bytes are read once, here), {@code null} for each removed one. Unchanged files whose stat moved get
         * their fingerprint refreshed in {@code files}.
         */
        private Map<ProjectPath, ReadResult> documentChanges(Optional<ChangeSet> given,
                SortedMap<ProjectPath, ParsedFile> files, Set<ProjectPath> schemaFiles, List<Diagnostic> scanProblems) {
            Map<ProjectPath, ReadResult> changed = new TreeMap<>();
            List<ProjectPath> candidates = new ArrayList<>();
            if (given.isPresent()) {
                ChangeSet changes = given.get();
                changes.removed().forEach(path -> {
                    if (files.containsKey(path)) {
                        changed.put(path, null);
                        noteChange(path, "removed", "deleted, as the build tool reports");
                    }
                });
                candidates.addAll(changes.toParse());
            } else {
                ScanResult scan = scanAhead.isPresent() ? join(scanAhead.get()) : scanner.scan(config.documentRoots());
                scanProblems.addAll(scan.problems());
                // Both sorted by path: one pass pairs each file found with the snapshot's, and finds the gone.
                java.util.Iterator<ParsedFile> known = files.values().iterator();
                ParsedFile next = known.hasNext() ? known.next() : null;
                List<ProjectPath> gone = new ArrayList<>();
                for (FileStat stat : scan.files()) {
                    if (schemaFiles.contains(stat.path())) {
                        continue;
                    }
                    while (next != null && next.path().compareTo(stat.path()) < 0) {
                        gone.add(next.path());
                        next = known.hasNext() ? known.next() : null;
                    }
                    ParsedFile old = null;
                    if (next != null && next.path().equals(stat.path())) {
                        old = next;
                        next = known.hasNext() ? known.next() : null;
                    }
                    scanned++;
                    if (old != null && old.fingerprint().isPresent() && old.fingerprint().get().sameStat(stat)) {
                        statHits++;
                    } else {
                        candidates.add(stat.path());
                    }
                }
                while (next != null) {
                    gone.add(next.path());
                    next = known.hasNext() ? known.next() : null;
                }
                for (ProjectPath path : gone) {
                    changed.put(path, null);
                    noteChange(path, "removed", "no longer found");
                }
            }
            for (ProjectPath path : candidates) {
                if (schemaFiles.contains(path)) {
                    continue;
                }
                ReadResult result = scanner.read(path);
                hashes++;
                ParsedFile old = files.get(path);
                if (result instanceof ReadResult.Read read && old != null && old.fingerprint().isPresent()
                        && old.fingerprint().get().contentHash().equals(read.file().fingerprint().contentHash())) {
                    // Touched, not changed: remember the new stat so the next build is a stat hit.
                    files.put(path, new ParsedFile(path, Optional.of(read.file().fingerprint()), old.text(),
                            old.definitions(), old.diagnostics(), old.document()));
                    noteChange(path, "touched", "size/mtime moved, same hash: not rebuilt");
                    continue;
                }
                changed.put(path, result);
                if (result instanceof ReadResult.Unreadable unreadable) {
                    noteChange(path, "unreadable", unreadable.problem().message());
                } else if (old == null) {
                    noteChange(path, "added", "new");
                } else {
                    noteChange(path, "updated", given.isPresent() ? "reported by the build tool, and hash differs"
                            : "size/mtime moved and hash differs");
                }
            }
            return changed;
        }

        /** Fills {@code fingerprints} with the schema files' current fingerprints and says whether they differ. */
        private boolean schemaChanged(Set<ProjectPath> schemaFiles, Optional<Snapshot> previous,
                SortedMap<ProjectPath, Fingerprint> fingerprints) {
            SortedMap<ProjectPath, Fingerprint> before = previous.map(Snapshot::schemaInputs).orElse(new TreeMap<>());
            boolean differs = previous.isEmpty() || previous.get().schemaHash().isEmpty()
                    || !before.keySet().equals(new TreeSet<>(schemaFiles));
            for (ProjectPath path : schemaFiles) {
                try {
                    // A file in a jar stands as the jar's size and mtime with its own hash (ClasspathSchemas).
                    FileStat stat = SchemaLoader.statSchemaFile(config, path);
                    Fingerprint old = before.get(path);
                    if (old != null && old.sameStat(stat)) {
                        fingerprints.put(path, old);
                        continue;
                    }
                    ContentHash hash = ContentHash.of(SchemaLoader.readSchemaFile(config, path));
                    hashes++;
                    fingerprints.put(path, new Fingerprint(stat.size(), stat.modifiedMillis(), hash));
                    if (previous.isPresent()) {
                        noteChange(path, old == null ? "added" : old.contentHash().equals(hash) ? "touched" : "updated",
                                old == null ? "new schema file: everything is validated again"
                                        : old.contentHash().equals(hash) ? "size/mtime moved, same hash: not rebuilt"
                                        : "schema: size/mtime moved and hash differs");
                    }
                    differs |= old == null || !old.contentHash().equals(hash);
                } catch (IOException e) {
                    differs = true;
                    noteChange(path, "unreadable", e.getMessage() == null ? e.toString() : e.getMessage());
                }
            }
            if (previous.isPresent()) {
                before.keySet().stream().filter(path -> !schemaFiles.contains(path))
                        .forEach(path -> noteChange(path, "removed", "schema file no longer found"));
                if (differs && previous.get().schemaHash().isEmpty() && inputChanges.isEmpty()) {
                    globalChanges.add(new BuildExplanation.InputChange("schema", "changed",
                            "the last build could not load it, so it is loaded again"));
                }
            }
            return differs;
        }

        private void noteChange(ProjectPath path, String change, String reason) {
            inputChanges.put(path.value(), new BuildExplanation.InputChange(path.value(), change, reason));
        }

        /**
         * The schema: loaded again only when it changed or this session has not loaded it yet. When it did not
         * change since the snapshot, it comes from this JVM's memory of recent schemas, else from the parsed
         * definitions saved beside the snapshot, not validated again;
         * after a parse, those are saved on their own thread ({@link #schemaSave}, joined when the build ends).
         */
        private SchemaLoadResult loadSchema(boolean schemaChanged, Optional<Snapshot> previous) {
            Optional<ContentHash> validated = schemaChanged ? Optional.empty() : previous.flatMap(Snapshot::schemaHash);
            if (validated.isPresent() && validated.equals(cachedSchema.map(LoadedSchema::contentHash))) {
                return new SchemaLoadResult(cachedSchema, previous.get().schemaDiagnostics());
            }
            List<ProjectPath> sources = previous.map(p -> List.copyOf(p.schemaInputs().keySet())).orElse(List.of());
            Optional<LoadedSchema> remembered = validated.flatMap(hash -> SchemaMemory.recall(hash, sources));
            if (remembered.isPresent()) {
                cachedSchema = remembered;
                return new SchemaLoadResult(remembered, previous.get().schemaDiagnostics());
            }
            Optional<TypeDefinitionRegistry> saved = validated.flatMap(hash -> SchemaRegistryStore.load(stateDirectory, hash));
            SchemaLoadResult result = saved.flatMap(parse -> fromSaved(parse, validated.get(), sources,
                    previous.get().schemaDiagnostics())).orElse(null);
            schemaParsed = result == null;
            if (result == null) {
                result = SchemaLoader.load(config, validated);
            }
            cachedSchema = result.schema();
            result.schema().ifPresent(SchemaMemory::remember);
            if (result.schema().isPresent() && result.parsed().isPresent()) {
                ContentHash hash = result.schema().get().contentHash();
                TypeDefinitionRegistry parsed = result.parsed().get();
                schemaSave = java.util.concurrent.CompletableFuture.runAsync(() -> {
                    try {
                        SchemaRegistryStore.save(stateDirectory, hash, parsed);
                    } catch (IOException | RuntimeException | StackOverflowError e) {
                        // Only a cache (a schema nested too deep for serialization included): the next build
                        // parses the schema instead.
                    }
                }, BuilderSession::startDaemon);
            }
            return result;
        }

        /** The schema from a saved parse; empty, so that the files are parsed, if that parse does not build. */
        private Optional<SchemaLoadResult> fromSaved(TypeDefinitionRegistry parse, ContentHash hash, List<ProjectPath> sources,
                List<Diagnostic> diagnostics) {
            try {
                return Optional.of(SchemaLoader.fromParsed(parse, hash, sources, diagnostics));
            } catch (RuntimeException | StackOverflowError e) {
                return Optional.empty();
            }
        }

        /**
         * The definitions whose results may differ from the snapshot's, each with why: those in changed files,
         * those that spread (transitively) a fragment name whose definition or resolution changed, and those
         * whose name gained or lost a duplicate. The walk is breadth first, so each chain is a shortest one.
         */
        private Map<DefinitionId, Cause> affectedDefinitions(Snapshot previous, DefinitionGraph graph,
                Map<ProjectPath, ParsedFile> files, Collection<ProjectPath> changedFiles, Set<DefinitionId> edited) {
            DefinitionGraph before = DefinitionGraph.build(previous.files().values());
            List<DefinitionGraph> graphs = List.of(graph, before);
            Map<DefinitionId, Cause> causes = new HashMap<>();
            // Where each changed name comes from: a definition in a changed file, the current one first.
            Map<String, DefinitionId> origins = new HashMap<>();
            Map<ProjectPath, Map<String, String>> sourcesBefore = new HashMap<>();
            Map<ProjectPath, Map<String, String>> sourcesNow = new HashMap<>();
            for (DefinitionGraph g : graphs) {
                g.definitions().forEach((id, definition) -> {
                    if (changedFiles.contains(id.file()) && !causes.containsKey(id)) {
                        ParsedFile old = previous.files().get(id.file());
                        ParsedFile now = files.get(id.file());
                        String key = (id.kind() == DefinitionId.Kind.FRAGMENT ? "fragment " : "operation ") + id.name();
                        boolean same = old != null && now != null && Objects.equals(
                                sourcesBefore.computeIfAbsent(id.file(), f -> old.definitionSources()).get(key),
                                sourcesNow.computeIfAbsent(id.file(), f -> now.definitionSources()).get(key));
                        if (!same) {
                            edited.add(id);
                            causes.put(id, new Cause(List.of(), id.file().value() + ", " + changeOf(id.file())));
                        }
                    }
                });
            }
            for (DefinitionGraph g : graphs) {
                for (DefinitionId id : g.definitions().keySet()) {
                    if (causes.containsKey(id) && (!origins.containsKey(id.name())
                            || (id.kind() == DefinitionId.Kind.FRAGMENT && id.equals(g.fragmentIndex().get(id.name()))
                                    && origins.get(id.name()).kind() != DefinitionId.Kind.FRAGMENT))) {
                        origins.put(id.name(), id);
                    }
                }
            }
            // A fragment name whose resolution changed always has a definition in a changed file: definitions
            // appear and disappear only there. Its origin is that definition.
            java.util.ArrayDeque<DefinitionId> pending = new java.util.ArrayDeque<>();
            for (DefinitionGraph g : graphs) {
                for (Map.Entry<DefinitionId, ? extends io.github.sodagql.core.parse.ParsedDefinition> entry
                        : new TreeMap<>(g.definitions()).entrySet()) {
                    DefinitionId id = entry.getKey();
                    if (causes.containsKey(id)) {
                        continue;
                    }
                    DefinitionId sameName = origins.get(id.name());
                    if (sameName != null) {
                        causes.put(id, new Cause(List.of(), "same name as " + sameName + ", "
                                + changeOf(sameName.file())));
                        pending.add(id);
                        continue;
                    }
                    for (String name : entry.getValue().spreadNames()) {
                        DefinitionId origin = origins.get(name);
                        if (origin != null) {
                            causes.put(id, causes.get(origin).through(origin));
                            pending.add(id);
                            break;
                        }
                    }
                }
            }
            // Definitions in changed files reach their dependents by name above; the rest by the graphs.
            while (!pending.isEmpty()) {
                DefinitionId reached = pending.poll();
                for (DefinitionGraph g : graphs) {
                    for (DefinitionId dependent : g.spreadBy(reached)) {
                        if (!causes.containsKey(dependent)) {
                            causes.put(dependent, causes.get(reached).through(reached));
                            pending.add(dependent);
                        }
                    }
                }
            }
            Map<DefinitionId, Cause> affected = new TreeMap<>();
            causes.forEach((id, cause) -> {
                if (graph.definitions().containsKey(id)) {
                    affected.put(id, cause);
                }
            });
            return affected;
        }

        private String changeOf(ProjectPath file) {
            BuildExplanation.InputChange change = inputChanges.get(file.value());
            return change == null ? "changed" : change.change();
        }

        private Generation generate(LoadedSchema schema, DefinitionGraph graph, Composer composer, LazyNodes nodes,
                SortedMap<DefinitionId, DefinitionRecord> records, Map<DefinitionId, ComposedOperation> composed,
                Set<DefinitionId> affected, Set<DefinitionId> edited, Map<ProjectPath, ParsedFile> files,
                Set<DefinitionId> repairs, boolean full, boolean sharedDamaged, Optional<Snapshot> previous) {
            Map<String, FragmentDefinition> fragmentNodes = new ConcurrentHashMap<>();
            java.util.function.Function<String, FragmentDefinition> fragmentNode = name -> fragmentNodes.computeIfAbsent(name,
                    n -> composer.fragment(graph.fragmentIndex().get(n), nodes));
            // Fragment shapes come on demand: a conditional spread needs the fields that show it was included.
            Map<String, FragmentShape> fragmentShapes = new ConcurrentHashMap<>();
            ShapeBuilder shapes = new ShapeBuilder(schema.schema(),
                    name -> graph.fragmentIndex().containsKey(name) ? Optional.of(fragmentNode.apply(name)) : Optional.empty());
            java.util.function.Function<String, FragmentShape> fragmentShape = name -> fragmentShapes.computeIfAbsent(name,
                    n -> shapes.fragment(graph.fragmentIndex().get(n).file(), fragmentNode.apply(n)));

            Set<DefinitionId> wanted = new TreeSet<>();
            for (DefinitionId id : graph.definitions().keySet()) {
                boolean indexed = id.kind() == DefinitionId.Kind.OPERATION || id.equals(graph.fragmentIndex().get(id.name()));
                DefinitionRecord record = records.get(id);
                if (indexed && (full || repairs.contains(id) || !record.outputsCurrent()
                        || (affected.contains(id) && needsNewCode(id, edited, files)))) {
                    wanted.add(id);
                }
            }
            Map<DefinitionId, SortedSet<String>> typesUsed = new ConcurrentHashMap<>();
            Map<DefinitionId, OperationShape> operationShapes = new ConcurrentHashMap<>();
            Map<DefinitionId, FragmentShape> wantedFragments = new ConcurrentHashMap<>();
            wanted.parallelStream().forEach(id -> {
                // Shaping recurses once per nesting level: a selection near the depth limit may need a larger stack.
                if (id.kind() == DefinitionId.Kind.OPERATION) {
                    OperationShape shape = LargeStack.retryingOnOverflow("soda-gql-shape", () -> shapes.operation(
                            composed.containsKey(id) ? composed.get(id) : composer.compose(id, graph, nodes)));
                    operationShapes.put(id, shape);
                    typesUsed.put(id, LargeStack.retryingOnOverflow("soda-gql-shape", () -> shapes.typesUsed(shape)));
                } else {
                    FragmentShape shape = LargeStack.retryingOnOverflow("soda-gql-shape", () -> fragmentShape.apply(id.name()));
                    wantedFragments.put(id, shape);
                    typesUsed.put(id, LargeStack.retryingOnOverflow("soda-gql-shape", () -> shapes.typesUsed(shape)));
                }
            });
            SortedSet<String> allTypes = new TreeSet<>();
            for (DefinitionId id : graph.definitions().keySet()) {
                boolean indexed = id.kind() == DefinitionId.Kind.OPERATION || id.equals(graph.fragmentIndex().get(id.name()));
                if (indexed) {
                    allTypes.addAll(typesUsed.containsKey(id) ? typesUsed.get(id) : records.get(id).typesUsed());
                }
            }
            SchemaUsage usage = shapes.usage(allTypes);
            List<OperationRef> operationRefs = graph.operations().entrySet().stream()
                    .map(e -> new OperationRef(e.getKey(), e.getValue().kind())).toList();
            GeneratedNames names = JavaGenerator.names(config.javaPackage(), usage, shapes.enumTypeNames(),
                    shapes.inputTypeNames(), graph.fragmentIndex().keySet(), operationRefs);
            Map<String, String> before = previous.map(Snapshot::classNames).orElse(Map.of());
            Map<String, String> now = names.simpleNames();
            boolean renamed = before.entrySet().stream().anyMatch(e -> now.containsKey(e.getKey())
                    && !now.get(e.getKey()).equals(e.getValue()));
            if (renamed && !full) {
                // A name moved (a new type took it): every file may refer to it, so everything is generated.
                return generate(schema, graph, composer, nodes, records, composed, affected, edited, files, repairs,
                        true, sharedDamaged, previous);
            }
            // Shared files (support types, enums, inputs, the registry) follow the names and the types in use.
            SortedSet<String> typesBefore = new TreeSet<>();
            previous.ifPresent(p -> p.definitions().values().forEach(r -> typesBefore.addAll(r.typesUsed())));
            // After a build that could not generate, the shared outputs also track the files it left behind.
            boolean lastBuildGenerated = previous.map(Snapshot::generated).orElse(false);
            boolean includeShared = full || sharedDamaged || !lastBuildGenerated || !now.equals(before)
                    || !allTypes.equals(typesBefore);
            List<OperationShape> operations = operationShapes.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
            GeneratedSources sources = JavaGenerator.generate(new GenerationRequest(config.javaPackage(),
                    config.outputDirectory(), config.scalars(), names, usage, operations, wantedFragments, fragmentShape,
                    includeShared, config.nullabilityMode()));
            return new Generation(sources, names, wanted, typesUsed, includeShared);
        }
    }

    /**
     * The {@code CODEGEN_LIMIT} errors of a definition that passed validation: records too wide for the JVM. Only a
     * definition with enough fields and spreads to come near the limit is shaped for it.
     */
    private List<Diagnostic> recordLimits(LoadedSchema schema, DefinitionGraph graph, Composer composer, LazyNodes nodes,
            DefinitionId id, ComposedOperation operation) {
        List<graphql.language.Definition<?>> definitions = new ArrayList<>();
        if (operation != null) {
            operation.document().getDefinitions().forEach(definitions::add);
        } else if (id.kind() == DefinitionId.Kind.FRAGMENT && id.equals(graph.fragmentIndex().get(id.name()))) {
            definitions.add(nodes.fragment(id.file(), id.name()));
            graph.reachableFragments(id).forEach(f -> definitions.add(nodes.fragment(f.file(), f.name())));
        }
        if (!RecordLimits.mayExceed(definitions)) {
            return List.of();
        }
        ShapeBuilder shapes = new ShapeBuilder(schema.schema(), name -> Optional.ofNullable(graph.fragmentIndex().get(name))
                .map(fragment -> composer.fragment(fragment, nodes)));
        RecordLimits limits = new RecordLimits(config.scalars());
        return LargeStack.retryingOnOverflow("soda-gql-shape", () -> operation != null
                ? limits.check(shapes.operation(operation), graph.fragmentIndex(), nodes)
                : limits.check(id, shapes.fragment(id.file(), composer.fragment(id, nodes)).selection(),
                        graph.fragmentIndex(), nodes));
    }

    /**
     * Whether an affected definition's code can differ. An operation's can (its document and id change with any
     * fragment it reaches). A fragment's class depends on its own selection and on the classes it refers to by
     * name, so one affected only through what it spreads keeps its code, unless a conditional spread reads
     * the spread fragment's fields to see whether it was included.
     */
    private static boolean needsNewCode(DefinitionId id, Set<DefinitionId> edited, Map<ProjectPath, ParsedFile> files) {
        if (id.kind() == DefinitionId.Kind.OPERATION || edited.contains(id)) {
            return true;
        }
        String text = files.get(id.file()).text();
        return text.contains("@include") || text.contains("@skip");
    }

    private static void startDaemon(Runnable task) {
        Thread thread = new Thread(task, "soda-gql-worker");
        thread.setDaemon(true);
        thread.start();
    }

    /** The result of work done on another thread; its unchecked exception is rethrown as it was thrown. */
    private static <T> T join(java.util.concurrent.CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Why a definition is affected: it reaches a change through the fragments {@code via} (nearest first), and
     * the chain ends at {@code origin} ({@code path, updated}, {@code schema changed}, ...).
     */
    private record Cause(List<DefinitionId> via, String origin) {
        /** The cause of a definition that spreads {@code fragment}, whose own cause this is. */
        Cause through(DefinitionId fragment) {
            List<DefinitionId> longer = new ArrayList<>(via.size() + 1);
            longer.add(fragment);
            longer.addAll(via);
            return new Cause(longer, origin);
        }
    }

    /** What generation produced, and for which definitions. */
    private record Generation(GeneratedSources sources, GeneratedNames names, Set<DefinitionId> generated,
            Map<DefinitionId, SortedSet<String>> typesUsed, boolean includesShared) {}

    /** Syntax trees on demand: from this build's parse, or parsed again from the snapshot's text. */
    private static final class LazyNodes implements DefinitionNodes {
        private final Map<ProjectPath, ParsedFile> files;
        private final AtomicInteger reparsed;
        private final Map<ProjectPath, Document> documents = new ConcurrentHashMap<>();

        LazyNodes(Map<ProjectPath, ParsedFile> files, AtomicInteger reparsed) {
            this.files = files;
            this.reparsed = reparsed;
        }

        @Override
        public OperationDefinition operation(ProjectPath file, String name) {
            return ParsedFile.operation(document(file), name);
        }

        @Override
        public FragmentDefinition fragment(ProjectPath file, String name) {
            return ParsedFile.fragment(document(file), name);
        }

        private Document document(ProjectPath path) {
            return documents.computeIfAbsent(path, p -> {
                ParsedFile file = files.get(p);
                return file.document().orElseGet(() -> {
                    reparsed.incrementAndGet();
                    return DocumentParser.parseDocument(file.text(), p.value());
                });
            });
        }
    }

    /** Every generated file a snapshot records. */
    private static List<OutputRecord> recordedOutputRecords(Snapshot snapshot) {
        List<OutputRecord> records = new ArrayList<>(snapshot.sharedOutputs());
        snapshot.definitions().values().forEach(record -> records.addAll(record.outputs()));
        return records;
    }

    private static List<OutputRecord> recordedOutputs(Snapshot snapshot) {
        // A failed write's record asks for a retry; it makes nobody's file soda-gql's.
        return recordedOutputRecords(snapshot).stream().filter(r -> !r.isFailed()).toList();
    }

    /** The snapshot keeps texts, not syntax trees. */
    private static SortedMap<ProjectPath, ParsedFile> withoutDocuments(Map<ProjectPath, ParsedFile> files) {
        SortedMap<ProjectPath, ParsedFile> stripped = new TreeMap<>();
        files.forEach((path, file) -> stripped.put(path, file.document().isEmpty() ? file
                : new ParsedFile(path, file.fingerprint(), file.text(), file.definitions(), file.diagnostics(), Optional.empty())));
        return stripped;
    }
}
