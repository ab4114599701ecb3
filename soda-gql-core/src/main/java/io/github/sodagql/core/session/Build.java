package io.github.sodagql.core.session;

import io.github.sodagql.core.artifact.Artifact;
import io.github.sodagql.core.artifact.ArtifactCounts;
import io.github.sodagql.core.artifact.ArtifactJson;
import io.github.sodagql.core.artifact.ArtifactOperation;
import io.github.sodagql.core.codegen.Generation;
import io.github.sodagql.core.codegen.GenerationPlan;
import io.github.sodagql.core.codegen.IncrementalGenerator;
import io.github.sodagql.core.codegen.RecordLimits;
import io.github.sodagql.core.compose.ComposedOperation;
import io.github.sodagql.core.compose.Composer;
import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.discovery.ChangeDetector;
import io.github.sodagql.core.discovery.DocumentChanges;
import io.github.sodagql.core.discovery.FileChange;
import io.github.sodagql.core.discovery.Fingerprint;
import io.github.sodagql.core.discovery.InputFingerprints;
import io.github.sodagql.core.discovery.InputScanner;
import io.github.sodagql.core.discovery.ReadResult;
import io.github.sodagql.core.discovery.ScanResult;
import io.github.sodagql.core.graph.AffectedSet;
import io.github.sodagql.core.graph.DefinitionGraph;
import io.github.sodagql.core.graph.DefinitionId;
import io.github.sodagql.core.output.OutputFile;
import io.github.sodagql.core.output.OutputFolder;
import io.github.sodagql.core.output.OutputRecord;
import io.github.sodagql.core.output.OutputWriter;
import io.github.sodagql.core.output.OwnedOutputs;
import io.github.sodagql.core.output.WriteReport;
import io.github.sodagql.core.parse.DocumentParser;
import io.github.sodagql.core.parse.LazyNodes;
import io.github.sodagql.core.parse.ParsedDefinition;
import io.github.sodagql.core.parse.ParsedFile;
import io.github.sodagql.core.parse.ParsedFragment;
import io.github.sodagql.core.parse.ParsedOperation;
import io.github.sodagql.core.schema.LoadedSchema;
import io.github.sodagql.core.schema.SchemaCache;
import io.github.sodagql.core.schema.SchemaLoadResult;
import io.github.sodagql.core.schema.SchemaLoader;
import io.github.sodagql.core.source.ProjectPath;
import io.github.sodagql.core.validate.DefinitionChecks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One build, as a sequence of named steps, each a value in and a value out: what the last build left
 * ({@link PreviousBuild}), what changed ({@link ChangeDetector}), what is affected ({@link AffectedSet}), checked
 * ({@link DefinitionChecks}), what to generate ({@link GenerationPlan}), what to write and delete
 * ({@link OwnedOutputs}), and the snapshot and report ({@link BuildEnd}). Only what changed, and what depends on
 * it, is parsed, composed, validated and generated; everything else is taken from the snapshot.
 */
final class Build {
    /** What a build may reuse. */
    enum Reuse {
        /** Reuse whatever the snapshot allows; repair damaged outputs. */
        INCREMENTAL,
        /** As incremental, but leave damaged outputs for the full build that follows to find. */
        BEFORE_FULL,
        /** Reuse nothing; report every output whose bytes had to change. */
        FULL
    }

    private final SodaGqlConfig config;
    private final Path stateDirectory;
    private final StageClock clock;
    private final Optional<ChangeSet> known;
    private final Reuse reuse;
    private final Optional<Snapshot> memory;
    private final SchemaCache schemaCache;
    private final OutputWriter writer;
    private final ChangeDetector detector;
    private final BuildEnd end;
    private final OutputFolder outputFolder;
    private final List<String> notices = new ArrayList<>();
    /** Cache failures: never the project's problem, but shown at debug level; written from several threads. */
    private final List<String> debugNotes = Collections.synchronizedList(new ArrayList<>());
    /** Why each input counts as changed (or only touched), for {@link BuildExplanation}. */
    private final List<BuildExplanation.InputChange> globalChanges = new ArrayList<>();
    private final Map<String, BuildExplanation.InputChange> inputChanges = new TreeMap<>();

    Build(SodaGqlConfig config, StageClock clock, Optional<ChangeSet> known, Reuse reuse, Optional<Snapshot> memory,
            SchemaCache schemaCache, Consumer<Optional<Snapshot>> remember) {
        this.config = config;
        this.stateDirectory = config.stateDirectory().resolveAgainst(config.projectDirectory());
        this.clock = clock;
        this.known = known;
        this.reuse = reuse;
        this.memory = memory;
        this.schemaCache = schemaCache;
        this.writer = new OutputWriter(config.projectDirectory());
        this.detector = new ChangeDetector(config.projectDirectory());
        this.end = new BuildEnd(config, stateDirectory, writer, clock, schemaCache, remember);
        this.outputFolder = new OutputFolder(config.projectDirectory(), config.outputDirectory());
    }

    BuildResult run() {
        // The walk of the documents does not depend on the snapshot: it runs on the second core while the
        // snapshot loads (a third of a no-op in a fresh JVM each); it also finds the default schema.
        Optional<CompletableFuture<ScanResult>> scan = known.isPresent() ? Optional.empty()
                : Optional.of(CompletableFuture.supplyAsync(() -> clock.timeConcurrently("discovery",
                        () -> new InputScanner(config.projectDirectory()).scan(config.documentRoots())), BuilderSession::startDaemon));
        PreviousBuild previous = PreviousBuild.load(memory, config, stateDirectory, outputFolder, reuse == Reuse.FULL,
                clock, notices);
        globalChanges.addAll(previous.reasons());
        Optional<Snapshot> reusable = previous.reusable();
        OwnedOutputs outputs = new OwnedOutputs(writer, previous.ownership());

        // Without schema paths, the schema is the roots' *.graphqls files: the document walk has found them.
        Set<ProjectPath> schemaFiles = config.schemaPaths().isEmpty() && scan.isPresent()
                ? new TreeSet<>(BuilderSession.join(scan.get()).defaultSchemaFiles())
                : clock.time("discovery", () -> SchemaLoader.schemaFiles(config));
        SortedMap<ProjectPath, ParsedFile> files = new TreeMap<>(reusable.map(Snapshot::files).orElse(new TreeMap<>()));
        DocumentChanges changes = clock.time("discovery", () -> documentChanges(reusable, files, schemaFiles, scan));
        note(changes.changes());
        changes.touched().forEach((path, fingerprint) -> files.put(path, touched(files.get(path), fingerprint)));
        // A file in a jar stands as the jar's size and mtime with its own hash (schema/ClasspathSchemas).
        InputFingerprints schemaInputs = clock.time("discovery", () -> detector.schemaFiles(schemaFiles,
                reusable.map(Snapshot::schemaInputs).orElse(new TreeMap<>()), new ChangeDetector.FileAccess() {
                    @Override
                    public io.github.sodagql.core.discovery.FileStat stat(ProjectPath path) throws java.io.IOException {
                        return SchemaLoader.statSchemaFile(config, path);
                    }

                    @Override
                    public byte[] read(ProjectPath path) throws java.io.IOException {
                        return SchemaLoader.readSchemaFile(config, path);
                    }
                }));
        boolean schemaChanged = schemaChanged(schemaInputs, schemaFiles, reusable);
        BuildCounters counters = BuildCounters.none().withDiscovery(changes.scanned(), changes.statHits(),
                changes.hashes() + schemaInputs.hashes());

        // Outputs edited or deleted on disk since they were written; before a full build that checks, they are
        // left for it to find.
        Set<DefinitionId> repairs = new TreeSet<>();
        boolean repairShared = reusable.isPresent() && reuse != Reuse.BEFORE_FULL && clock.time("outputs check", () -> {
            reusable.get().definitions().values().stream().filter(r -> r.outputs().stream().anyMatch(outputs::damaged))
                    .forEach(r -> repairs.add(r.id()));
            return reusable.get().sharedOutputs().stream().anyMatch(outputs::damaged)
                    || reusable.get().artifactOutput().map(outputs::damaged).orElse(true);
        });
        if (reusable.isPresent() && changes.isEmpty() && !schemaChanged && repairs.isEmpty() && !repairShared) {
            return noOp(reusable.get(), previous, files, schemaInputs.current(), changes.problems(), counters);
        }

        // The schema (often the largest input) loads on its own thread while documents are parsed.
        SchemaCache.Known knownSchema = new SchemaCache.Known(
                schemaChanged ? Optional.empty() : reusable.flatMap(Snapshot::schemaHash),
                reusable.map(p -> List.copyOf(p.schemaInputs().keySet())).orElse(List.of()),
                reusable.map(Snapshot::schemaDiagnostics).orElse(List.of()));
        CompletableFuture<SchemaCache.Loaded> schemaLoad = CompletableFuture.supplyAsync(() -> clock.timeConcurrently(
                "schema", () -> schemaCache.load(knownSchema, validated -> SchemaLoader.load(config, validated), debugNotes)),
                BuilderSession::startDaemon);
        List<ParsedFile> parsed = clock.time("parse", () -> changes.reads().values().parallelStream()
                .map(result -> result instanceof ReadResult.Read ok ? DocumentParser.parse(ok.file())
                        : ParsedFile.unreadable(result.path(), ((ReadResult.Unreadable) result).problem()))
                .toList());
        changes.removed().forEach(files::remove);
        parsed.forEach(file -> files.put(file.path(), file));

        DefinitionGraph graph = clock.time("graph", () -> DefinitionGraph.build(files.values()));
        SchemaCache.Loaded schemaLoaded = BuilderSession.join(schemaLoad);
        SchemaLoadResult schema = schemaLoaded.result();
        BuildMode mode = previous.fullReason().<BuildMode>map(BuildMode.Full::new)
                .orElse(schemaChanged ? new BuildMode.SchemaChanged() : new BuildMode.Incremental());
        boolean full = !(mode instanceof BuildMode.Incremental);
        AffectedSet affected = clock.time("graph", () -> full
                ? AffectedSet.everything(graph, previous.fullReason().map(r -> "full build: " + r).orElse("schema changed"))
                : AffectedSet.between(DefinitionGraph.build(reusable.get().files().values()), graph,
                        reusable.get().files(), files, changes.rebuilt(), this::changeOf));

        // Compose, validate and check each affected definition; reuse the records of the others.
        Optional<LoadedSchema> loaded = schema.schema();
        LazyNodes nodes = new LazyNodes(files);
        Composer composer = new Composer(loaded.map(LoadedSchema::schema));
        Map<DefinitionId, DefinitionRecord> oldRecords = reusable.map(Snapshot::definitions).orElse(new TreeMap<>());
        Map<DefinitionId, ComposedOperation> composed = new ConcurrentHashMap<>();
        clock.time("compose", () -> {
            affected.ids().parallelStream().filter(id -> graph.definitions().get(id) instanceof ParsedOperation)
                    .filter(id -> !graph.exceedsDepthLimit(id))
                    .forEach(id -> composed.put(id, composer.compose(id, graph, nodes)));
            return null;
        });
        RecordLimits limits = new RecordLimits(config.scalars());
        Map<DefinitionId, List<Diagnostic>> checks = clock.time("validate", () -> loaded.map(s -> DefinitionChecks.check(
                s.schema(), affected.ids(), composed, nodes,
                (id, operation) -> limits.check(s.schema(), graph, composer, nodes, id, operation))).orElse(Map.of()));
        SortedMap<DefinitionId, DefinitionRecord> records = new TreeMap<>();
        for (DefinitionId id : graph.definitions().keySet()) {
            Optional<DefinitionRecord> old = Optional.ofNullable(oldRecords.get(id));
            records.put(id, !affected.contains(id) && old.isPresent() ? old.get() : DefinitionRecord.checked(id,
                    checks.getOrDefault(id, List.of()), Optional.ofNullable(composed.get(id)).map(ArtifactOperation::of), old));
        }
        List<Diagnostic> diagnostics = BuildEnd.project(changes.problems(), schema.diagnostics(), files.values(),
                graph.diagnostics(), records.values());
        boolean hasErrors = diagnostics.stream().anyMatch(Diagnostic::isError);

        // Generate what is affected, stale or damaged.
        Optional<Generation> generation = loaded.isEmpty() || hasErrors ? Optional.empty() : Optional.of(clock.time(
                "codegen", () -> generator(loaded.get(), graph, composer, nodes, composed, records, reusable).generate(
                        GenerationPlan.of(graph, affected, repairs, stale(records), full, repairShared,
                                path -> files.get(path).text()))));
        // Generation's own problems belong to a build that generates, as in a clean build with errors.
        List<Diagnostic> generationDiagnostics = generation.map(g -> g.sources().diagnostics()).orElse(List.of());
        generation.ifPresent(g -> records.replaceAll((id, record) -> g.typesUsed().containsKey(id)
                ? record.withTypesUsed(g.typesUsed().get(id)) : record));
        diagnostics.addAll(generationDiagnostics);
        diagnostics.sort(null);
        int errors = (int) diagnostics.stream().filter(Diagnostic::isError).count();
        ArtifactCounts counts = new ArtifactCounts(files.size(), graph.operations().size(), graph.fragments().size(),
                errors, diagnostics.size() - errors);
        Artifact artifact = clock.time("artifact", () -> Artifact.of(loaded.map(LoadedSchema::contentHash),
                records.values().stream().flatMap(r -> r.artifactEntry().stream()).toList(), graph.definitions(), counts));

        // Write what changed; delete what nobody produces.
        Map<DefinitionId, List<OutputRecord>> carried = new TreeMap<>();
        records.forEach((id, record) -> carried.put(id, record.outputs()));
        OwnedOutputs.Applied applied = clock.time("output", () -> outputs.apply(new OwnedOutputs.Plan(previous.outputs(),
                carried, generation.map(g -> new OwnedOutputs.Generated(g.sources().files(), g.generated(), g.includesShared())),
                previous.strays(), !config.allowForeignFiles() && (full || !previous.ownership().ledgerPresent()),
                id -> graph.definition(id).map(ParsedDefinition::location)), config.outputDirectory(), debugNotes));
        diagnostics.addAll(applied.problems());
        Set<DefinitionId> regenerated = generation.map(Generation::generated).orElse(Set.of());
        records.replaceAll((id, record) -> generation.isEmpty()
                ? record.withOutputsCurrent(record.outputsCurrent() && !affected.contains(id))
                : regenerated.contains(id) ? record.withOutputs(applied.owned().getOrDefault(id, List.of()), true)
                : record.withOutputsCurrent(true));
        diagnostics.addAll(applied.written().failures());
        diagnostics.addAll(previous.ownership().kept());
        notices.addAll(previous.ownership().takeNotices());
        diagnostics.sort(null);
        WriteReport artifactWrite = clock.time("output", () -> writer.write(List.of(new OutputFile(
                config.stateDirectory().resolve(BuilderSession.ARTIFACT_FILE), ArtifactJson.render(artifact)))));
        diagnostics.addAll(artifactWrite.failures());

        Snapshot snapshot = Snapshot.builder(CompilerVersion.CURRENT, config.hash())
                .schema(loaded.map(LoadedSchema::contentHash), loaded.isPresent() ? schemaInputs.current() : new TreeMap<>(),
                        schema.diagnostics())
                .documents(BuildEnd.withoutDocuments(files), graph.diagnostics())
                .definitions(records)
                .generation(applied.shared(), generationDiagnostics, generation.map(g -> g.names().simpleNames())
                        .orElse(reusable.map(Snapshot::classNames).orElse(Map.of())), generation.isPresent())
                .artifactOutput(artifactWrite.records().stream().findFirst()).build();
        end.save(snapshot, applied.blocked(), previous.ownership(), diagnostics, applied.deleted());

        List<ProjectPath> writtenPaths = new ArrayList<>(applied.written().written());
        writtenPaths.addAll(artifactWrite.written());
        List<ProjectPath> unchangedPaths = new ArrayList<>(applied.written().unchanged());
        unchangedPaths.addAll(artifactWrite.unchanged());
        counters = counters.withParsing((int) parsed.stream().filter(file -> file.fingerprint().isPresent()).count(),
                        nodes.reparsed(), schemaLoaded.parsed())
                .withChecks(composed.size(), loaded.isPresent() ? composed.size() : 0, loaded.isPresent() ? affected.ids().size() : 0)
                .withOutputs(generation.map(g -> g.sources().files().size()).orElse(0), writtenPaths.size(),
                        unchangedPaths.size(), applied.deleted().size(), BuildEnd.outputCount(snapshot));
        BuildExplanation explanation = new BuildExplanation(changes(), BuildExplanation.rebuilt(affected, loaded.isPresent(),
                regenerated, repairs, oldRecords), writtenPaths, unchangedPaths, applied.deleted());
        // This build's findings, not the project's: counted in the summary, never in the artifact.
        List<Diagnostic> findings = new ArrayList<>(applied.written().failures());
        findings.addAll(artifactWrite.failures());
        if (reuse == Reuse.FULL && previous.earlier().isPresent()) {
            List<Diagnostic> mismatches = BuildEnd.mismatches(writtenPaths, applied.deleted());
            diagnostics.addAll(mismatches);
            diagnostics.sort(null);
            findings.addAll(mismatches);
        }
        if (applied.blocked()) {
            findings.addAll(diagnostics.stream().filter(d -> d.code() == DiagnosticCode.CONFIG_INVALID).toList());
        }
        ArtifactCounts reported = new ArtifactCounts(counts.documents(), counts.operations(), counts.fragments(),
                counts.errors() + findings.size(), counts.warnings() + previous.ownership().kept().size());
        return end.finish(mode, diagnostics, artifact, reported, counters, files,
                loaded.map(LoadedSchema::sources).orElse(List.of()), explanation, notices, debugNotes);
    }

    /** Nothing changed: the snapshot's results stand; refreshed stats are saved so the next no-op is a stat hit. */
    private BuildResult noOp(Snapshot previous, PreviousBuild left, SortedMap<ProjectPath, ParsedFile> files,
            SortedMap<ProjectPath, Fingerprint> schemaInputs, List<Diagnostic> scanProblems, BuildCounters discovery) {
        List<Diagnostic> diagnostics = BuildEnd.project(scanProblems, previous.schemaDiagnostics(), files.values(),
                previous.graphDiagnostics(), previous.definitions().values());
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
        Snapshot refreshed = previous.withInputs(previous.schemaHash().isPresent() ? schemaInputs : previous.schemaInputs(),
                BuildEnd.withoutDocuments(files));
        if (!refreshed.equals(previous)) {
            end.save(refreshed, false, left.ownership(), diagnostics, List.of());
        } else {
            end.keep(previous);
        }
        // Every output stays as it is, the artifact among them.
        int outputCount = BuildEnd.outputCount(previous);
        return end.finish(new BuildMode.Incremental(), diagnostics, artifact, counts,
                discovery.withOutputs(0, 0, outputCount, 0, outputCount), files,
                List.copyOf(previous.schemaInputs().keySet()),
                new BuildExplanation(changes(), List.of(), List.of(), List.of(), List.of()), notices, debugNotes);
    }

    /** The documents that changed: from the build tool's change set when it has a snapshot to apply it to, else a scan. */
    private DocumentChanges documentChanges(Optional<Snapshot> reusable, SortedMap<ProjectPath, ParsedFile> files,
            Set<ProjectPath> schemaFiles, Optional<CompletableFuture<ScanResult>> scan) {
        SortedMap<ProjectPath, Optional<Fingerprint>> before = new TreeMap<>();
        files.forEach((path, file) -> before.put(path, file.fingerprint()));
        // A build tool's change set is only as good as the state it is relative to: without one, scan.
        if (reusable.isPresent() && known.isPresent()) {
            return detector.asReported(known.get().removed(), known.get().toParse(), before, schemaFiles);
        }
        ScanResult found = scan.isPresent() ? BuilderSession.join(scan.get())
                : new InputScanner(config.projectDirectory()).scan(config.documentRoots());
        return detector.afterScan(found, before, schemaFiles);
    }

    /** Whether the schema must be loaded again; notes how its files changed. */
    private boolean schemaChanged(InputFingerprints inputs, Set<ProjectPath> schemaFiles, Optional<Snapshot> reusable) {
        boolean differs = reusable.isEmpty() || reusable.get().schemaHash().isEmpty()
                || !reusable.get().schemaInputs().keySet().equals(schemaFiles) || inputs.contentChanged();
        // Without a snapshot to compare with, only a file that cannot be read is worth a word.
        note(inputs.changes().stream().filter(c -> reusable.isPresent() || c instanceof FileChange.Unreadable).toList());
        if (reusable.isPresent() && differs && reusable.get().schemaHash().isEmpty() && inputChanges.isEmpty()) {
            globalChanges.add(new BuildExplanation.InputChange("schema", "changed",
                    "the last build could not load it, so it is loaded again"));
        }
        return differs;
    }

    private IncrementalGenerator generator(LoadedSchema schema, DefinitionGraph graph, Composer composer, LazyNodes nodes,
            Map<DefinitionId, ComposedOperation> composed, Map<DefinitionId, DefinitionRecord> records,
            Optional<Snapshot> reusable) {
        SortedSet<String> typesBefore = new TreeSet<>();
        reusable.ifPresent(p -> p.definitions().values().forEach(r -> typesBefore.addAll(r.typesUsed())));
        IncrementalGenerator.Previous before = reusable.map(p -> new IncrementalGenerator.Previous(p.classNames(),
                typesBefore, p.generated())).orElse(IncrementalGenerator.Previous.none());
        return new IncrementalGenerator(schema.schema(), graph, composer, nodes, composed, id -> records.get(id).typesUsed(),
                before, new IncrementalGenerator.Target(config.javaPackage(), config.outputDirectory(), config.scalars(),
                        config.nullabilityMode()));
    }

    /** Definitions whose outputs the last build did not settle (it could not generate). */
    private static Set<DefinitionId> stale(Map<DefinitionId, DefinitionRecord> records) {
        Set<DefinitionId> stale = new TreeSet<>();
        records.forEach((id, record) -> {
            if (!record.outputsCurrent()) {
                stale.add(id);
            }
        });
        return stale;
    }

    private static ParsedFile touched(ParsedFile old, Fingerprint fingerprint) {
        return new ParsedFile(old.path(), Optional.of(fingerprint), old.text(), old.definitions(), old.diagnostics(),
                old.document());
    }

    private void note(List<FileChange> changes) {
        changes.forEach(c -> inputChanges.put(c.path().value(),
                new BuildExplanation.InputChange(c.path().value(), c.kind(), c.reason())));
    }

    private String changeOf(ProjectPath file) {
        BuildExplanation.InputChange change = inputChanges.get(file.value());
        return change == null ? "changed" : change.change();
    }

    /** Global reasons first (snapshot, configuration, version), then inputs by path. */
    private List<BuildExplanation.InputChange> changes() {
        List<BuildExplanation.InputChange> all = new ArrayList<>(globalChanges);
        all.addAll(inputChanges.values());
        return all;
    }
}
