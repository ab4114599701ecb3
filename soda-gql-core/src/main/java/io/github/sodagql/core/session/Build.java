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
import io.github.sodagql.core.schema.SchemaLoader;
import io.github.sodagql.core.schema.SchemaSources;
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
        Optional<CompletableFuture<ScanResult>> scan = scanAhead();
        PreviousBuild previous = PreviousBuild.load(memory, config, stateDirectory, outputFolder, reuse == Reuse.FULL,
                clock, notices);
        globalChanges.addAll(previous.reasons());
        Optional<Snapshot> reusable = previous.reusable();
        OwnedOutputs outputs = new OwnedOutputs(writer, previous.ownership());

        DetectedInputs inputs = detectChanges(reusable, scan);
        DamagedOutputs damage = damagedOutputs(reusable, outputs);
        if (reusable.isPresent() && inputs.unchanged() && damage.none()) {
            return noOp(reusable.get(), previous, inputs);
        }
        ParsedProject parsed = parse(inputs, reusable);
        BuildMode mode = previous.fullReason().<BuildMode>map(BuildMode.Full::new)
                .orElse(inputs.schemaChanged() ? new BuildMode.SchemaChanged() : new BuildMode.Incremental());
        AffectedSet affected = clock.time("graph", () -> affected(mode, parsed, inputs, reusable));
        CheckedDefinitions checked = check(inputs, parsed, affected, reusable);

        // Generate what is affected, stale or damaged; not when the project has errors.
        Optional<Generation> generation = parsed.schema().isEmpty() || checked.hasErrors() ? Optional.empty()
                : Optional.of(clock.time("codegen", () -> generate(parsed, checked, affected, damage, mode, reusable)));
        // Generation's own problems belong to a build that generates, as in a clean build with errors.
        List<Diagnostic> generationDiagnostics = generation.map(g -> g.sources().diagnostics()).orElse(List.of());
        List<Diagnostic> diagnostics = new ArrayList<>(checked.diagnostics());
        diagnostics.addAll(generationDiagnostics);
        diagnostics.sort(null);
        ArtifactCounts counts = counts(parsed.files().size(), parsed.graph().operations().size(),
                parsed.graph().fragments().size(), diagnostics);
        SortedMap<DefinitionId, DefinitionRecord> typed = withTypesUsed(checked.records(), generation);
        Artifact artifact = clock.time("artifact", () -> Artifact.of(parsed.schema().map(LoadedSchema::contentHash),
                typed.values().stream().flatMap(r -> r.artifactEntry().stream()).toList(), parsed.graph().definitions(),
                counts));

        WrittenOutputs written = clock.time("output", () -> write(previous, outputs, parsed, typed, affected, generation, mode,
                artifact));
        diagnostics.addAll(written.problems());
        notices.addAll(previous.ownership().takeNotices());
        diagnostics.sort(null);
        diagnostics.addAll(written.artifact().failures());
        Snapshot snapshot = Snapshot.builder(CompilerVersion.CURRENT, config.hash())
                .schema(parsed.schema().map(LoadedSchema::contentHash),
                        parsed.schema().isPresent() ? inputs.schema().current() : new TreeMap<>(),
                        parsed.schemaResult().diagnostics())
                .documents(BuildEnd.withoutDocuments(parsed.files()), parsed.graph().diagnostics())
                .definitions(written.records())
                .generation(written.applied().shared(), generationDiagnostics, generation.map(g -> g.names().simpleNames())
                        .orElse(reusable.map(Snapshot::classNames).orElse(Map.of())), generation.isPresent())
                .artifactOutput(written.artifact().records().stream().findFirst()).build();
        end.save(snapshot, written.applied().blocked(), previous.ownership(), diagnostics, written.applied().deleted());
        return finish(previous, inputs, parsed, checked, affected, damage, generation, written, snapshot, mode, diagnostics,
                artifact, counts);
    }

    /**
     * The walk of the documents does not depend on the snapshot: it runs on the second core while the snapshot
     * loads (a third of a no-op in a fresh JVM each); it also finds the default schema.
     */
    private Optional<CompletableFuture<ScanResult>> scanAhead() {
        return known.isPresent() ? Optional.empty()
                : Optional.of(CompletableFuture.supplyAsync(() -> clock.timeConcurrently("discovery",
                        () -> new InputScanner(config.projectDirectory()).scan(config.documentRoots())),
                        BuilderSession::startDaemon));
    }

    /** Documents and schema files: stat first, hash only what moved. */
    private DetectedInputs detectChanges(Optional<Snapshot> reusable, Optional<CompletableFuture<ScanResult>> scan) {
        // Without schema paths, the schema is the roots' *.graphqls files: the document walk has found them.
        SchemaSources schemaSources = config.schemaPaths().isEmpty() && scan.isPresent()
                ? SchemaSources.resolve(config, Optional.of(BuilderSession.join(scan.get()).defaultSchemaFiles()))
                : clock.time("discovery", () -> SchemaSources.resolve(config));
        Set<ProjectPath> schemaFiles = schemaSources.files();
        SortedMap<ProjectPath, ParsedFile> files = new TreeMap<>(reusable.map(Snapshot::files).orElse(new TreeMap<>()));
        DocumentChanges changes = clock.time("discovery", () -> documentChanges(reusable, files, schemaFiles, scan));
        note(changes.changes());
        changes.touched().forEach((path, fingerprint) -> files.put(path, touched(files.get(path), fingerprint)));
        // A file in a jar stands as the jar's size and mtime with its own hash (schema/ClasspathSchemas).
        InputFingerprints schemaInputs = clock.time("discovery", () -> detector.schemaFiles(schemaFiles,
                reusable.map(Snapshot::schemaInputs).orElse(new TreeMap<>()), schemaSources));
        boolean schemaChanged = schemaChanged(schemaInputs, schemaFiles, reusable);
        BuildCounters counters = BuildCounters.none().withDiscovery(changes.scanned(), changes.statHits(),
                changes.hashes() + schemaInputs.hashes());
        return new DetectedInputs(files, changes, schemaSources, schemaInputs, schemaChanged, counters);
    }

    /** Before a full build that checks, damaged outputs are left for it to find. */
    private DamagedOutputs damagedOutputs(Optional<Snapshot> reusable, OwnedOutputs outputs) {
        if (reusable.isEmpty() || reuse == Reuse.BEFORE_FULL) {
            return new DamagedOutputs(Set.of(), false);
        }
        return clock.time("outputs check", () -> {
            Set<DefinitionId> repairs = new TreeSet<>();
            reusable.get().definitions().values().stream().filter(r -> r.outputs().stream().anyMatch(outputs::damaged))
                    .forEach(r -> repairs.add(r.id()));
            return new DamagedOutputs(repairs, reusable.get().sharedOutputs().stream().anyMatch(outputs::damaged)
                    || reusable.get().artifactOutput().map(outputs::damaged).orElse(true));
        });
    }

    /** The changed documents parsed and the graph built, while the schema (often the largest input) loads. */
    private ParsedProject parse(DetectedInputs inputs, Optional<Snapshot> reusable) {
        SchemaCache.Known knownSchema = new SchemaCache.Known(
                inputs.schemaChanged() ? Optional.empty() : reusable.flatMap(Snapshot::schemaHash),
                reusable.map(p -> List.copyOf(p.schemaInputs().keySet())).orElse(List.of()),
                reusable.map(Snapshot::schemaDiagnostics).orElse(List.of()));
        CompletableFuture<SchemaCache.Loaded> schemaLoad = CompletableFuture.supplyAsync(() -> clock.timeConcurrently(
                "schema", () -> schemaCache.load(knownSchema,
                        validated -> SchemaLoader.load(inputs.schemaSources(), validated), debugNotes)),
                BuilderSession::startDaemon);
        List<ParsedFile> parsed = clock.time("parse", () -> inputs.documents().reads().values().parallelStream()
                .map(result -> result instanceof ReadResult.Read ok ? DocumentParser.parse(ok.file())
                        : ParsedFile.unreadable(result.path(), ((ReadResult.Unreadable) result).problem()))
                .toList());
        SortedMap<ProjectPath, ParsedFile> files = new TreeMap<>(inputs.files());
        inputs.documents().removed().forEach(files::remove);
        parsed.forEach(file -> files.put(file.path(), file));
        DefinitionGraph graph = clock.time("graph", () -> DefinitionGraph.build(files.values()));
        return new ParsedProject(files, parsed, graph, BuilderSession.join(schemaLoad));
    }

    private AffectedSet affected(BuildMode mode, ParsedProject parsed, DetectedInputs inputs, Optional<Snapshot> reusable) {
        if (mode instanceof BuildMode.Full full) {
            return AffectedSet.everything(parsed.graph(), "full build: " + full.reason());
        } else if (mode instanceof BuildMode.SchemaChanged) {
            return AffectedSet.everything(parsed.graph(), "schema changed");
        }
        return AffectedSet.between(DefinitionGraph.build(reusable.get().files().values()), parsed.graph(),
                reusable.get().files(), parsed.files(), inputs.documents().rebuilt(), this::changeOf);
    }

    /** Compose, validate and check each affected definition; reuse the records of the others. */
    private CheckedDefinitions check(DetectedInputs inputs, ParsedProject parsed, AffectedSet affected, Optional<Snapshot> reusable) {
        Optional<LoadedSchema> loaded = parsed.schema();
        DefinitionGraph graph = parsed.graph();
        LazyNodes nodes = new LazyNodes(parsed.files());
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
        List<Diagnostic> diagnostics = BuildEnd.project(inputs.documents().problems(), parsed.schemaResult().diagnostics(),
                parsed.files().values(), graph.diagnostics(), records.values());
        return new CheckedDefinitions(nodes, composer, composed, records, oldRecords, diagnostics);
    }
    private Generation generate(ParsedProject parsed, CheckedDefinitions checked, AffectedSet affected, DamagedOutputs damage, BuildMode mode,
            Optional<Snapshot> reusable) {
        SortedSet<String> typesBefore = new TreeSet<>();
        reusable.ifPresent(p -> p.definitions().values().forEach(r -> typesBefore.addAll(r.typesUsed())));
        IncrementalGenerator.Previous before = reusable.map(p -> new IncrementalGenerator.Previous(p.classNames(),
                typesBefore, p.generated())).orElse(IncrementalGenerator.Previous.none());
        IncrementalGenerator generator = new IncrementalGenerator(parsed.schema().get().schema(), parsed.graph(),
                checked.composer(), checked.nodes(), checked.composed(), id -> checked.records().get(id).typesUsed(), before,
                new IncrementalGenerator.Target(config.javaPackage(), config.outputDirectory(), config.scalars(),
                        config.nullabilityMode()));
        return generator.generate(GenerationPlan.of(parsed.graph(), affected, damage.repairs(), stale(checked.records()),
                mode.affectsEverything(), damage.shared(),
                path -> parsed.files().get(path).text()));
    }

    private static SortedMap<DefinitionId, DefinitionRecord> withTypesUsed(SortedMap<DefinitionId, DefinitionRecord> records,
            Optional<Generation> generation) {
        SortedMap<DefinitionId, DefinitionRecord> typed = new TreeMap<>(records);
        generation.ifPresent(g -> typed.replaceAll((id, record) -> g.typesUsed().containsKey(id)
                ? record.withTypesUsed(g.typesUsed().get(id)) : record));
        return typed;
    }

    /** Write what changed, delete what nobody produces, then the artifact; each record gets its outputs. */
    private WrittenOutputs write(PreviousBuild previous, OwnedOutputs outputs, ParsedProject parsed,
            SortedMap<DefinitionId, DefinitionRecord> records, AffectedSet affected, Optional<Generation> generation,
            BuildMode mode, Artifact artifact) {
        Map<DefinitionId, List<OutputRecord>> carried = new TreeMap<>();
        records.forEach((id, record) -> carried.put(id, record.outputs()));
        OwnedOutputs.Applied applied = outputs.apply(new OwnedOutputs.Plan(previous.outputs(), carried,
                generation.map(g -> new OwnedOutputs.Generated(g.sources().files(), g.generated(), g.includesShared())),
                previous.strays(),
                !config.allowForeignFiles() && (mode.affectsEverything() || !previous.ownership().ledgerPresent()),
                id -> parsed.graph().definition(id).map(ParsedDefinition::location)), config.outputDirectory(), debugNotes);
        Set<DefinitionId> regenerated = generation.map(Generation::generated).orElse(Set.of());
        SortedMap<DefinitionId, DefinitionRecord> settled = new TreeMap<>(records);
        settled.replaceAll((id, record) -> generation.isEmpty()
                ? record.withOutputsCurrent(record.outputsCurrent() && !affected.contains(id))
                : regenerated.contains(id) ? record.withOutputs(applied.owned().getOrDefault(id, List.of()), true)
                : record.withOutputsCurrent(true));
        List<Diagnostic> problems = new ArrayList<>(applied.problems());
        problems.addAll(applied.written().failures());
        problems.addAll(previous.ownership().kept());
        WriteReport artifactWrite = writer.write(List.of(new OutputFile(
                config.stateDirectory().resolve(BuilderSession.ARTIFACT_FILE), ArtifactJson.render(artifact))));
        return new WrittenOutputs(applied, artifactWrite, settled, problems);
    }

    /** The counters, the explanation, and this build's own findings; then the report and the result. */
    private BuildResult finish(PreviousBuild previous, DetectedInputs inputs, ParsedProject parsed, CheckedDefinitions checked, AffectedSet affected,
            DamagedOutputs damage, Optional<Generation> generation, WrittenOutputs written, Snapshot snapshot, BuildMode mode,
            List<Diagnostic> diagnostics, Artifact artifact, ArtifactCounts counts) {
        boolean schemaLoaded = parsed.schema().isPresent();
        int composed = checked.composed().size();
        BuildCounters counters = inputs.counters()
                .withParsing((int) parsed.parsed().stream().filter(file -> file.fingerprint().isPresent()).count(),
                        checked.nodes().reparsed(), parsed.schemaLoad().parsed())
                .withChecks(composed, schemaLoaded ? composed : 0, schemaLoaded ? affected.ids().size() : 0)
                .withOutputs(generation.map(g -> g.sources().files().size()).orElse(0), written.writtenPaths().size(),
                        written.unchangedPaths().size(), written.applied().deleted().size(), BuildEnd.outputCount(snapshot));
        Set<DefinitionId> regenerated = generation.map(Generation::generated).orElse(Set.of());
        BuildExplanation explanation = new BuildExplanation(changes(), BuildExplanation.rebuilt(affected, schemaLoaded,
                regenerated, damage.repairs(), checked.previousRecords()), written.writtenPaths(),
                written.unchangedPaths(), written.applied().deleted());
        // This build's findings, not the project's: counted in the summary, never in the artifact.
        List<Diagnostic> findings = new ArrayList<>(written.applied().written().failures());
        findings.addAll(written.artifact().failures());
        if (reuse == Reuse.FULL && previous.earlier().isPresent()) {
            List<Diagnostic> mismatches = BuildEnd.mismatches(written.writtenPaths(), written.applied().deleted());
            diagnostics.addAll(mismatches);
            diagnostics.sort(null);
            findings.addAll(mismatches);
        }
        if (written.applied().blocked()) {
            findings.addAll(diagnostics.stream().filter(d -> d.code() == DiagnosticCode.CONFIG_INVALID).toList());
        }
        ArtifactCounts reported = new ArtifactCounts(counts.documents(), counts.operations(), counts.fragments(),
                counts.errors() + findings.size(), counts.warnings() + previous.ownership().kept().size());
        return end.finish(mode, diagnostics, artifact, reported, counters, parsed.files(),
                parsed.schema().map(LoadedSchema::sources).orElse(List.of()), explanation, notices, debugNotes);
    }

    private static ArtifactCounts counts(int documents, int operations, int fragments, List<Diagnostic> diagnostics) {
        int errors = (int) diagnostics.stream().filter(Diagnostic::isError).count();
        return new ArtifactCounts(documents, operations, fragments, errors, diagnostics.size() - errors);
    }

    /** Nothing changed: the snapshot's results stand; refreshed stats are saved so the next no-op is a stat hit. */
    private BuildResult noOp(Snapshot previous, PreviousBuild left, DetectedInputs inputs) {
        SortedMap<ProjectPath, ParsedFile> files = inputs.files();
        SortedMap<ProjectPath, Fingerprint> schemaInputs = inputs.schema().current();
        List<Diagnostic> diagnostics = BuildEnd.project(inputs.documents().problems(), previous.schemaDiagnostics(),
                files.values(), previous.graphDiagnostics(), previous.definitions().values());
        diagnostics.addAll(previous.generationDiagnostics());
        diagnostics.sort(null);
        // The graph's definitions, without the graph: nothing changed, so its problems are the snapshot's.
        Map<DefinitionId, ParsedDefinition> definitions = DefinitionGraph.definitionsOf(files.values());
        int fragments = (int) definitions.values().stream().filter(ParsedFragment.class::isInstance).count();
        ArtifactCounts counts = counts(files.size(), definitions.size() - fragments, fragments, diagnostics);
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
                inputs.counters().withOutputs(0, 0, outputCount, 0, outputCount), files,
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
