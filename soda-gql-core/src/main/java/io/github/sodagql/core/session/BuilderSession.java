package io.github.sodagql.core.session;

import io.github.sodagql.core.artifact.Artifact;
import io.github.sodagql.core.artifact.ArtifactCounts;
import io.github.sodagql.core.artifact.ArtifactJson;
import io.github.sodagql.core.compose.ComposedOperation;
import io.github.sodagql.core.codegen.GeneratedSources;
import io.github.sodagql.core.codegen.GenerationRequest;
import io.github.sodagql.core.codegen.JavaGenerator;
import io.github.sodagql.core.compose.Composer;
import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.discovery.FileStat;
import io.github.sodagql.core.discovery.InputScanner;
import io.github.sodagql.core.discovery.ReadResult;
import io.github.sodagql.core.discovery.ScanResult;
import io.github.sodagql.core.graph.DefinitionGraph;
import io.github.sodagql.core.output.OutputFile;
import io.github.sodagql.core.output.OutputWriter;
import io.github.sodagql.core.output.WriteReport;
import io.github.sodagql.core.parse.DocumentParser;
import io.github.sodagql.core.parse.ParsedFile;
import io.github.sodagql.core.parse.ParsedFragment;
import io.github.sodagql.core.shape.FragmentShape;
import io.github.sodagql.core.shape.OperationShape;
import io.github.sodagql.core.shape.ShapeBuilder;
import graphql.language.FragmentDefinition;
import io.github.sodagql.core.schema.LoadedSchema;
import io.github.sodagql.core.schema.SchemaLoadResult;
import io.github.sodagql.core.schema.SchemaLoader;
import io.github.sodagql.core.source.ProjectPath;
import io.github.sodagql.core.validate.DeprecationCheck;
import io.github.sodagql.core.validate.OperationValidator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Drives the pipeline and is the only holder of state between builds: the parsed documents and the
 * loaded schema. A full build is an update from an empty state ({@link #buildInitial()} scans, calls every
 * file added and runs {@link #update}): there is one code path.
 *
 * <p>Not thread-safe: one session serves one build at a time.
 */
public final class BuilderSession {
    public static final String ARTIFACT_FILE = "artifact.json";
    public static final String REPORT_FILE = "report.json";

    private final SodaGqlConfig config;
    private final InputScanner scanner;
    private final OutputWriter writer;
    private final Map<ProjectPath, ParsedFile> files = new TreeMap<>();
    private List<Diagnostic> scanProblems = List.of();
    private SchemaLoadResult schema;

    public BuilderSession(SodaGqlConfig config) {
        this.config = config;
        this.scanner = new InputScanner(config.projectDirectory());
        this.writer = new OutputWriter(config.projectDirectory());
    }

    private static void startDaemon(Runnable task) {
        Thread thread = new Thread(task, "soda-gql-schema");
        thread.setDaemon(true);
        thread.start();
    }

    /** Shapes every operation and indexed fragment, then generates Java; only for a build without errors. */
    private GeneratedSources generate(LoadedSchema schema, DefinitionGraph graph, Composer composer,
            List<ComposedOperation> composed) {
        Map<String, FragmentDefinition> fragmentNodes = new TreeMap<>();
        graph.fragmentIndex().forEach((name, id) ->
                fragmentNodes.put(name, composer.fragment((ParsedFragment) graph.definitions().get(id))));
        ShapeBuilder shapes = new ShapeBuilder(schema.schema(), fragmentNodes);
        List<OperationShape> operations = composed.stream().map(shapes::operation).toList();
        List<FragmentShape> fragments = graph.fragmentIndex().entrySet().stream()
                .map(e -> shapes.fragment(e.getValue().file(), fragmentNodes.get(e.getKey())))
                .toList();
        return JavaGenerator.generate(new GenerationRequest(config.javaPackage(), config.outputDirectory(),
                config.scalars(), operations, fragments, shapes.usage(operations, fragments)));
    }

    private static SchemaLoadResult joinSchema(CompletableFuture<SchemaLoadResult> load) {
        try {
            return load.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Scans the document roots and the schema, and builds everything found. */
    public BuildResult buildInitial() {
        schema = null;
        StageClock clock = new StageClock();
        ScanResult scan = clock.time("discovery", () -> scanner.scan(config.documentRoots()));
        scanProblems = scan.problems();
        SortedSet<ProjectPath> added = new TreeSet<>();
        SortedSet<ProjectPath> updated = new TreeSet<>();
        SortedSet<ProjectPath> removed = new TreeSet<>(files.keySet());
        for (FileStat stat : scan.files()) {
            (removed.remove(stat.path()) ? updated : added).add(stat.path());
        }
        return run(new ChangeSet(added, updated, removed), clock, scan.files().size());
    }

    /** Applies a change set (from a build tool that knows what changed) to the session's state and rebuilds. */
    public BuildResult update(ChangeSet changes) {
        return run(changes, new StageClock(), 0);
    }

    private BuildResult run(ChangeSet changes, StageClock clock, int filesScanned) {
        List<Diagnostic> configProblems = config.problems();
        if (!configProblems.isEmpty()) {
            return new BuildResult(configProblems, Optional.empty(), new BuildReport(
                    new ArtifactCounts(0, 0, 0, configProblems.size(), 0),
                    new BuildCounters(0, 0, 0, 0, 0, 0, 0, 0, 0), clock.stageMillis(), clock.totalMillis()), List.of());
        }
        // The schema (often the largest input) loads on its own thread while the documents are parsed.
        CompletableFuture<SchemaLoadResult> schemaLoad = schema != null
                ? CompletableFuture.completedFuture(schema)
                : CompletableFuture.supplyAsync(() -> clock.timeConcurrently("schema", () -> SchemaLoader.load(config)),
                        BuilderSession::startDaemon);

        changes.removed().forEach(files::remove);
        Set<ProjectPath> schemaFiles = SchemaLoader.schemaFiles(config);
        schemaFiles.forEach(files::remove);
        List<ReadResult> reads = clock.time("parse", () -> changes.toParse().parallelStream()
                .filter(path -> !schemaFiles.contains(path))
                .map(scanner::read)
                .toList());
        List<ParsedFile> parsed = clock.time("parse", () -> reads.parallelStream()
                .map(result -> result instanceof ReadResult.Read ok
                        ? DocumentParser.parse(ok.file())
                        : ParsedFile.unreadable(((ReadResult.Unreadable) result).path(),
                                ((ReadResult.Unreadable) result).problem()))
                .toList());
        parsed.forEach(file -> files.put(file.path(), file));
        int filesParsed = (int) reads.stream().filter(ReadResult.Read.class::isInstance).count();
        schema = joinSchema(schemaLoad);
        Optional<LoadedSchema> loaded = schema.schema();

        DefinitionGraph graph = clock.time("graph", () -> DefinitionGraph.build(files.values()));
        Composer composer = new Composer(loaded.map(LoadedSchema::schema));
        List<ComposedOperation> composed = clock.time("compose",
                () -> graph.operations().keySet().stream().map(id -> composer.compose(id, graph)).toList());

        Set<Diagnostic> validation = new LinkedHashSet<>();
        loaded.ifPresent(s -> clock.time("validate", () -> {
            OperationValidator validator = new OperationValidator(s.schema());
            composed.parallelStream().map(validator::validate).toList().forEach(validation::addAll);
            DeprecationCheck deprecations = new DeprecationCheck(s.schema());
            graph.definitions().entrySet().parallelStream()
                    .map(entry -> deprecations.check(entry.getKey().file(), entry.getValue()))
                    .toList().forEach(validation::addAll);
            return null;
        }));
        int checked = loaded.isPresent() ? graph.definitions().size() : 0;

        List<Diagnostic> diagnostics = new ArrayList<>(scanProblems);
        diagnostics.addAll(schema.diagnostics());
        files.values().forEach(file -> diagnostics.addAll(file.diagnostics()));
        diagnostics.addAll(graph.diagnostics());
        diagnostics.addAll(validation);
        diagnostics.sort(null);

        List<OutputFile> outputs = new ArrayList<>();
        if (loaded.isPresent() && diagnostics.stream().noneMatch(Diagnostic::isError)) {
            GeneratedSources sources = clock.time("codegen", () -> generate(loaded.get(), graph, composer, composed));
            diagnostics.addAll(sources.diagnostics());
            sources.files().forEach(file -> outputs.add(file.file()));
            diagnostics.sort(null);
        }

        int errors = (int) diagnostics.stream().filter(Diagnostic::isError).count();
        ArtifactCounts counts = new ArtifactCounts(files.size(), graph.operations().size(), graph.fragments().size(),
                errors, diagnostics.size() - errors);
        Artifact artifact = clock.time("artifact",
                () -> Artifact.of(loaded.map(LoadedSchema::contentHash), composed, graph, counts));
        outputs.add(new OutputFile(config.stateDirectory().resolve(ARTIFACT_FILE), ArtifactJson.render(artifact)));
        WriteReport written = clock.time("output", () -> writer.write(outputs));
        diagnostics.addAll(written.failures());

        BuildCounters counters = new BuildCounters(filesScanned, reads.size(), filesParsed, composed.size(),
                loaded.isPresent() ? composed.size() : 0, checked, written.written().size(), written.unchanged().size(), 0);
        BuildReport report = new BuildReport(counts, counters, clock.stageMillis(), clock.totalMillis());
        // report.json is a log of this run (it holds times), so it is not counted among the outputs.
        diagnostics.addAll(writer.write(List.of(new OutputFile(config.stateDirectory().resolve(REPORT_FILE),
                report.toJson()))).failures());
        SortedSet<ProjectPath> inputs = new TreeSet<>(files.keySet());
        inputs.addAll(loaded.map(LoadedSchema::sources).orElse(List.of()));
        return new BuildResult(diagnostics, Optional.of(artifact), report, List.copyOf(inputs));
    }
}
