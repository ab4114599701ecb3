package io.github.sodagql.benchmarks;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.session.BuildCounters;
import io.github.sodagql.core.session.BuildResult;
import io.github.sodagql.core.session.BuilderSession;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * The benchmark harness: builds a fixture under each scenario, measures every iteration, prints a Markdown
 * table of min / median / max and writes {@code target/perf/<timestamp>/<fixture>/metrics.json}. See the
 * module's README for the commands.
 */
public final class Harness {
    static final String RESULT_PREFIX = "@@soda-gql-bench ";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private Harness() {}

    public static void main(String[] args) throws Exception {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Exit status: 0 fine, 1 regression against the baseline, 2 bad arguments, 3 a build failed. */
    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println((e.getMessage().isEmpty() ? "" : "soda-gql-benchmarks: " + e.getMessage() + "\n") + Options.USAGE);
            return 2;
        }
        if (options.fixtures.isEmpty()) {
            Charts.writeBoth(options.chart, Charts.read(options.chartFrom));
            out.println("charts: " + options.chart + " and its -apollo.svg");
            return 0;
        }
        Path moduleDir = moduleDir();
        Path repoRoot = options.repoRoot != null ? options.repoRoot.toAbsolutePath().normalize()
                : Fixture.findRepoRoot(moduleDir).or(() -> Fixture.findRepoRoot(Path.of("")))
                        .orElseThrow(() -> new IllegalStateException("cannot find the repository root (it-fixtures/)"));
        Path work = options.work != null ? options.work : moduleDir.resolve("target/perf-work");
        if (options.childTask != null) {
            return child(options, repoRoot, work, out);
        }
        String timestamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path outDir = options.out != null ? options.out : moduleDir.resolve("target/perf").resolve(timestamp);
        Map<String, Object> machine = Machine.describe();
        out.println("soda-gql benchmarks: " + machine.get("summary"));
        List<String> mavenScenarios = options.scenarios.stream().filter(Options.MAVEN_SCENARIOS::contains).toList();
        if (!mavenScenarios.isEmpty()) {
            mavenLoop(options, mavenScenarios, repoRoot, moduleDir, work, outDir, out);
            options.scenarios.removeAll(mavenScenarios);
            if (options.scenarios.isEmpty()) {
                return 0;
            }
        }
        List<Report> reports = new ArrayList<>();
        boolean failed = false;
        for (String name : options.fixtures) {
            Fixture fixture;
            try {
                fixture = Fixture.resolve(name, repoRoot, work);
            } catch (Fixture.Absent e) {
                out.println(e.getMessage());
                continue;
            }
            Path file = outDir.resolve(fixture.name()).resolve("metrics.json");
            Files.createDirectories(file.getParent());
            // Written after every scenario too, so that a run stopped half-way keeps what it measured.
            Report report = new Runner(options, fixture, repoRoot, work, out, err).run(partial -> {
                partial.machine = machine;
                partial.timestamp = timestamp;
                Files.writeString(file, GSON.toJson(partial.toJson()) + "\n");
            });
            out.println();
            out.println(report.markdown());
            out.println("metrics: " + file);
            failed |= report.buildFailed;
            reports.add(report);
        }
        if (options.chart != null && !reports.isEmpty()) {
            Charts.write(options.chart, reports);
            out.println("chart: " + options.chart);
        }
        if (options.markdown != null && !reports.isEmpty()) {
            Files.createDirectories(options.markdown.toAbsolutePath().getParent());
            Files.writeString(options.markdown, reports.stream().map(Report::markdown).collect(Collectors.joining("\n")));
        }
        if (options.writeBaseline != null) {
            Baseline.write(options.writeBaseline, reports, options);
            out.println("baseline written: " + options.writeBaseline);
        }
        if (failed) {
            err.println("soda-gql-benchmarks: a measured build had errors (see above)");
            return 3;
        }
        if (options.baseline != null) {
            List<String> regressions = Baseline.compare(options.baseline, reports, options, out);
            if (!regressions.isEmpty()) {
                err.println("soda-gql-benchmarks: " + regressions.size() + " regression(s) against " + options.baseline + ":");
                regressions.forEach(r -> err.println("  " + r));
                return 1;
            }
            out.println("no regression against " + options.baseline);
        }
        return 0;
    }

    /** The mvn-* scenarios (MavenLoop): a table, metrics and a chart per fixture, under the output folder. */
    private static void mavenLoop(Options options, List<String> scenarios, Path repoRoot, Path moduleDir, Path work,
            Path outDir, PrintStream out) throws Exception {
        MavenLoop loop = new MavenLoop(repoRoot, moduleDir, out, options.compilerDefault);
        Path repo = loop.stage(!options.noStage);
        for (String name : options.fixtures) {
            Fixture fixture;
            try {
                fixture = Fixture.resolve(name, repoRoot, work);
            } catch (Fixture.Absent e) {
                out.println(e.getMessage());
                continue;
            }
            List<MavenLoop.Step> steps = loop.measure(fixture, work, repo, scenarios, options.repeats);
            Path mavenProject = work.resolve("mvn-loop").resolve(fixture.name());
            Fixture layout = new Fixture(fixture.name(), fixture.spec(), List.of(), null, "src/main/graphql", List.of());
            int documents = layout.documents(mavenProject).size();
            int generated = MavenLoop.generatedFiles(work, fixture.name());
            String suffix = options.compilerDefault ? "-compiler-default" : "";
            Path folder = outDir.resolve(fixture.name());
            Files.createDirectories(folder);
            String markdown = MavenLoop.markdown(fixture.name(), documents, generated, steps, options.compilerDefault);
            Files.writeString(folder.resolve("mvn-loop" + suffix + ".md"), markdown);
            Files.writeString(folder.resolve("mvn-loop" + suffix + ".json"),
                    MavenLoop.json(fixture.name(), documents, generated, steps, options.compilerDefault));
            Path chart = folder.resolve("mvn-loop" + suffix + ".svg");
            Files.writeString(chart, Charts.loop(fixture.name(), String.format(java.util.Locale.ROOT,
                    "%,d documents, %,d generated files; %s", documents, generated,
                    options.compilerDefault ? "maven-compiler-plugin defaults" : "README quick-start configuration")
                    + (options.repeats > 1 ? "; medians of " + options.repeats + " rounds" : ""), MavenLoop.medians(steps)));
            out.println();
            out.println(markdown);
            out.println("mvn-loop: " + folder);
        }
    }

    static Path moduleDir() {
        String property = System.getProperty("sodagql.benchmarks.moduleDir");
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        Path cwd = Path.of("").toAbsolutePath();
        if (Files.isDirectory(cwd.resolve("soda-gql-benchmarks"))) {
            return cwd.resolve("soda-gql-benchmarks");
        }
        return cwd;
    }

    // ---- one measured task in a child JVM --------------------------------------------------------------

    private static int child(Options options, Path repoRoot, Path work, PrintStream out) throws Exception {
        Fixture fixture = Fixture.resolve(options.fixtures.get(0), repoRoot, work);
        Path project = options.childProject;
        Iteration it = measureTask(options.childTask, fixture, project, null);
        out.println(RESULT_PREFIX + GSON.toJson(it.toJson()).replace("\n", ""));
        return 0;
    }

    /** Measures one task on a prepared project (the build's own preparation is done by the caller). */
    static Iteration measureTask(String task, Fixture fixture, Path project, BuilderSession session) throws Exception {
        SodaGqlConfig config = fixture.config(project);
        Callable<Object> callable = switch (task) {
            case "initial" -> () -> new BuilderSession(config).buildInitial();
            case "rebuild" -> session::rebuild;
            case "floor-parse" -> {
                List<Path> schemas = fixture.schemaFiles(project);
                List<Path> documents = fixture.documents(project);
                yield () -> Floors.parse(schemas, documents);
            }
            case "floor-stat" -> {
                List<Path> inputs = new ArrayList<>(fixture.schemaFiles(project));
                inputs.addAll(fixture.documents(project));
                yield () -> Floors.stat(inputs);
            }
            case "floor-write" -> {
                // The files the (unmeasured) cold build generated, taken into memory and deleted: the measure
                // writes them again, and nothing else.
                Path generated = config.outputDirectory().resolveAgainst(project);
                List<Map.Entry<Path, byte[]>> files = Floors.readTree(generated);
                Fixture.deleteTree(generated);
                yield () -> Floors.write(files);
            }
            case "apollo" -> {
                List<Path> schemas = fixture.schemaFiles(project);
                List<Path> documents = fixture.documents(project);
                Path output = project.resolve("target/apollo");
                yield () -> ApolloPeer.compile(schemas, documents, output);
            }
            default -> throw new IllegalArgumentException("unknown task " + task);
        };
        Probe.Measured<Object> measured = Probe.measure(callable);
        Iteration it = new Iteration();
        it.metrics.putAll(measured.metrics());
        if (measured.value() instanceof BuildResult result) {
            it.mode = result.report().mode();
            it.errors = result.errors().stream().limit(5).map(Diagnostic::formatWithHint).toList();
            it.errorCount = result.errors().size();
            BuildCounters c = result.report().counters();
            it.metrics.put("counter.filesScanned", (long) c.filesScanned());
            it.metrics.put("counter.statHits", (long) c.statHits());
            it.metrics.put("counter.hashesComputed", (long) c.hashesComputed());
            it.metrics.put("counter.filesParsed", (long) c.filesParsed());
            it.metrics.put("counter.filesReparsed", (long) c.filesReparsed());
            it.metrics.put("counter.schemaParsed", (long) c.schemaParsed());
            it.metrics.put("counter.operationsComposed", (long) c.operationsComposed());
            it.metrics.put("counter.operationsValidated", (long) c.operationsValidated());
            it.metrics.put("counter.definitionsChecked", (long) c.definitionsChecked());
            it.metrics.put("counter.filesGenerated", (long) c.filesGenerated());
            it.metrics.put("counter.filesWritten", (long) c.filesWritten());
            it.metrics.put("counter.filesUnchanged", (long) c.filesUnchanged());
            it.metrics.put("counter.filesDeleted", (long) c.filesDeleted());
            result.report().stageMillis().forEach((stage, millis) -> it.metrics.put("stageMillis." + stage, millis));
            it.metrics.put("documents", (long) result.report().counts().documents());
            it.metrics.put("operations", (long) result.report().counts().operations());
            it.metrics.put("fragments", (long) result.report().counts().fragments());
            Path state = config.stateDirectory().resolveAgainst(config.projectDirectory());
            if (Files.exists(state.resolve("snapshot.bin"))) {
                it.metrics.put("snapshotBytes", Files.size(state.resolve("snapshot.bin")));
            }
            // The saved parse of the schema: it grows with the schema, not with the documents.
            if (Files.exists(state.resolve("schema.bin"))) {
                it.metrics.put("schemaCacheBytes", Files.size(state.resolve("schema.bin")));
            }
        } else if (measured.value() instanceof Long count) {
            it.metrics.put("items", count);
        } else if (measured.value() instanceof ApolloPeer.Result result) {
            it.metrics.put("items", (long) result.files());
            it.errorCount = result.error() == null ? 0 : 1;
            it.errors = result.error() == null ? List.of() : List.of(result.error());
        }
        return it;
    }

    // ---- the runs of one fixture ------------------------------------------------------------------------

    /** One measured iteration: metrics (times in ns, sizes in bytes, counters), the build's mode, errors. */
    static final class Iteration {
        final Map<String, Long> metrics = new LinkedHashMap<>();
        String mode = "";
        int errorCount;
        List<String> errors = List.of();
        Map<String, Object> touched = Map.of();

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("mode", mode);
            json.put("errorCount", errorCount);
            json.put("errors", errors);
            json.put("touched", touched);
            json.put("metrics", metrics);
            return json;
        }

        static Iteration fromJson(String line) {
            JsonObject json = JsonParser.parseString(line).getAsJsonObject();
            Iteration it = new Iteration();
            it.mode = json.get("mode").getAsString();
            it.errorCount = json.get("errorCount").getAsInt();
            List<String> errors = new ArrayList<>();
            json.getAsJsonArray("errors").forEach(e -> errors.add(e.getAsString()));
            it.errors = errors;
            json.getAsJsonObject("metrics").entrySet().forEach(e -> it.metrics.put(e.getKey(), e.getValue().getAsLong()));
            return it;
        }
    }

    /** Saves a report (complete or not). */
    interface Checkpoint {
        void save(Report report) throws IOException;
    }

    private static final class Runner {
        private final Options options;
        private final Fixture fixture;
        private final Path repoRoot;
        private final Path work;
        private final PrintStream out;
        private final PrintStream err;
        private DocIndex index;
        private Path indexProject;

        Runner(Options options, Fixture fixture, Path repoRoot, Path work, PrintStream out, PrintStream err) {
            this.options = options;
            this.fixture = fixture;
            this.repoRoot = repoRoot;
            this.work = work;
            this.out = out;
            this.err = err;
        }

        Report run(Checkpoint checkpoint) throws Exception {
            Report report = new Report(fixture.name(), options);
            indexProject = work.resolve(fixture.name() + "-index");
            Fixture.deleteTree(indexProject);
            fixture.materialize(indexProject);
            index = DocIndex.of(fixture.documents(indexProject));
            report.documents = fixture.documents(indexProject).size();
            report.operations = index.operations.size();
            report.fragments = index.fragments.size();
            for (String scenario : options.scenarios) {
                if (scenario.equals("noop-rebuild") && options.freshJvm) {
                    out.println(fixture.name() + ": noop-rebuild is the same-JVM case; skipped with --fresh-jvm");
                    continue;
                }
                List<Iteration> iterations = new ArrayList<>();
                for (int i = 0; i < options.warmup + options.iterations; i++) {
                    Iteration it = iteration(scenario, i);
                    if (it.errorCount > 0) {
                        err.println(fixture.name() + " " + scenario + ": " + it.errorCount + " error(s):");
                        it.errors.forEach(e -> err.println("  " + e));
                        if (scenario.equals("apollo")) {
                            out.println(fixture.name() + ": apollo peer failed; left out of the report");
                            iterations.clear();
                            break;
                        }
                        report.buildFailed = true;
                    }
                    if (i >= options.warmup) {
                        iterations.add(it);
                    }
                }
                if (!iterations.isEmpty()) {
                    report.add(scenario, iterations);
                    checkpoint.save(report);
                    out.printf("%s %-20s median %8.1f ms  (%s)%n", fixture.name(), scenario,
                            Stats.median(iterations, "wallNanos") / 1e6, iterations.get(0).mode);
                }
            }
            Fixture.deleteTree(indexProject);
            checkpoint.save(report);
            return report;
        }

        private Iteration iteration(String scenario, int i) throws Exception {
            Path project = work.resolve(fixture.name() + "-" + scenario);
            Fixture.deleteTree(project);
            fixture.materialize(project);
            try {
                SodaGqlConfig config = fixture.config(project);
                BuilderSession first = null;
                Map<String, Object> touched = new LinkedHashMap<>();
                String task = "initial";
                switch (scenario) {
                    case "cold" -> { }
                    case "floor-parse", "floor-stat", "apollo" -> task = scenario;
                    case Options.CAPPED -> {
                        // A cold build must fit in the heap the target allows: -Xmx, not a sampled peak, decides.
                        int documents = fixture.documents(project).size();
                        int capMb = Math.max(32, (int) Math.ceil(options.heapCapPer1000 * documents / 1000.0));
                        Iteration it = inChild("initial", project, List.of("-Xmx" + capMb + "m"));
                        it.metrics.put("heapCapMB", (long) capMb);
                        it.touched = Map.of("heapCapMB", capMb, "documents", documents);
                        return it;
                    }
                    case "floor-write" -> {
                        BuildResult cold = new BuilderSession(config).buildInitial();
                        if (cold.hasErrors()) {
                            throw new IllegalStateException("floor-write: the cold build had errors");
                        }
                        task = scenario;
                    }
                    default -> {
                        first = new BuilderSession(config);
                        BuildResult cold = first.buildInitial();
                        if (cold.hasErrors()) {
                            Iteration failed = new Iteration();
                            failed.errorCount = cold.errors().size();
                            failed.errors = cold.errors().stream().limit(5).map(Diagnostic::formatWithHint).toList();
                            return failed;
                        }
                        touched = Edits.apply(scenario, project, indexProject, index, fixture);
                        if (scenario.equals("noop-rebuild") || (options.rebuild && !scenario.equals("noop"))) {
                            task = "rebuild";
                        }
                    }
                }
                Iteration it = options.freshJvm && !task.equals("rebuild")
                        ? inChild(task, project)
                        : measureTask(task, fixture, project, first);
                it.touched = touched;
                return it;
            } finally {
                Fixture.deleteTree(project);
            }
        }

        private Iteration inChild(String task, Path project) throws IOException, InterruptedException {
            return inChild(task, project, List.of());
        }

        private Iteration inChild(String task, Path project, List<String> jvmOptions) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(classpath());
            command.add("-Dsodagql.benchmarks.moduleDir=" + moduleDir());
            command.add(Harness.class.getName());
            command.addAll(List.of("--child", task, "--child-project", project.toString(), "--fixture", fixture.spec(),
                    "--repo-root", repoRoot.toString(), "--work", work.toString()));
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = process.waitFor();
            long processWall = System.nanoTime() - start;
            Optional<String> result = stdout.lines().filter(l -> l.startsWith(RESULT_PREFIX)).findFirst();
            if (result.isEmpty() && !jvmOptions.isEmpty()) {
                // Under a capped heap, running out is a result, not a harness failure.
                Iteration failed = new Iteration();
                failed.errorCount = 1;
                failed.errors = List.of("child JVM " + jvmOptions + " exited with " + status + " and no result");
                failed.metrics.put("wallNanos", System.nanoTime() - start);
                return failed;
            }
            String line = result.orElseThrow(
                    () -> new IllegalStateException("child JVM exited with " + status + " and no result:\n" + stdout));
            Iteration it = Iteration.fromJson(line.substring(RESULT_PREFIX.length()));
            it.metrics.put("processWallNanos", processWall);
            return it;
        }
    }

    /** The classpath of this harness: the class loader's URLs under exec:java, else java.class.path. */
    static String classpath() {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader loader = Harness.class.getClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        // not a file: skip
                    }
                }
            }
        }
        if (entries.isEmpty()) {
            return System.getProperty("java.class.path");
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    // ---- reports ------------------------------------------------------------------------------------------

    /** The results of one fixture. */
    static final class Report {
        final String fixture;
        final Options options;
        final Map<String, List<Iteration>> scenarios = new LinkedHashMap<>();
        int documents;
        int operations;
        int fragments;
        boolean buildFailed;
        Map<String, Object> machine = Map.of();
        String timestamp = "";

        Report(String fixture, Options options) {
            this.fixture = fixture;
            this.options = options;
        }

        void add(String scenario, List<Iteration> iterations) {
            scenarios.put(scenario, iterations);
        }

        double median(String scenario, String metric) {
            List<Iteration> its = scenarios.get(scenario);
            return its == null ? Double.NaN : Stats.median(its, metric);
        }

        Map<String, Double> ratios() {
            Map<String, Double> r = new LinkedHashMap<>();
            double cold = median("cold", "wallNanos");
            r.put("cold / floor-parse", cold / median("floor-parse", "wallNanos"));
            r.put("cold / (floor-parse + floor-write)", cold / (median("floor-parse", "wallNanos") + median("floor-write", "wallNanos")));
            r.put("noop / floor-stat", median("noop", "wallNanos") / median("floor-stat", "wallNanos"));
            r.put("noop / cold", median("noop", "wallNanos") / cold);
            r.put("noop-rebuild / cold", median("noop-rebuild", "wallNanos") / cold);
            r.put("noop-rebuild / floor-stat", median("noop-rebuild", "wallNanos") / median("floor-stat", "wallNanos"));
            r.put("edit-leaf-fragment / cold", median("edit-leaf-fragment", "wallNanos") / cold);
            r.put("edit-hub-fragment / cold", median("edit-hub-fragment", "wallNanos") / cold);
            r.put("apollo / cold", median("apollo", "wallNanos") / cold);
            r.put("peak heap MB per 1,000 documents (cold)", median("cold", "peakHeapBytes") / 1e6 / Math.max(1, documents) * 1000);
            r.put("snapshot bytes per document", median("cold", "snapshotBytes") / Math.max(1, documents));
            r.put("saved schema parse bytes", median("cold", "schemaCacheBytes"));
            r.values().removeIf(v -> v.isNaN() || v.isInfinite());
            return r;
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("fixture", fixture);
            json.put("timestamp", timestamp);
            json.put("documents", documents);
            json.put("operations", operations);
            json.put("fragments", fragments);
            json.put("machine", machine);
            Map<String, Object> opts = new LinkedHashMap<>();
            opts.put("iterations", options.iterations);
            opts.put("warmup", options.warmup);
            opts.put("freshJvm", options.freshJvm);
            opts.put("rebuild", options.rebuild);
            json.put("options", opts);
            Map<String, Object> all = new LinkedHashMap<>();
            scenarios.forEach((name, its) -> {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("mode", its.get(0).mode);
                s.put("touched", its.get(0).touched);
                s.put("min", Stats.summary(its, Stats::min));
                s.put("median", Stats.summary(its, Stats::median));
                s.put("max", Stats.summary(its, Stats::max));
                s.put("iterations", its.stream().map(Iteration::toJson).toList());
                all.put(name, s);
            });
            json.put("scenarios", all);
            json.put("ratios", ratios());
            return json;
        }

        String markdown() {
            StringBuilder md = new StringBuilder();
            md.append("### ").append(fixture).append(" (").append(documents).append(" documents: ").append(operations)
                    .append(" operations, ").append(fragments).append(" fragments; ").append(options.iterations)
                    .append(" iterations after ").append(options.warmup).append(" warm-up")
                    .append(options.freshJvm ? "; each in a fresh JVM" : "; one JVM").append(")\n\n");
            md.append("| scenario | wall ms min / median / max | CPU ms process / thread | alloc MB | peak heap MB | GC n / ms "
                    + "| parsed | reparsed | composed | validated | generated | written | mode / touched |\n");
            md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            scenarios.forEach((name, its) -> {
                md.append("| ").append(name).append(" | ")
                        .append(String.format("%s / **%s** / %s", ms(Stats.min(its, "wallNanos")),
                                ms(Stats.median(its, "wallNanos")), ms(Stats.max(its, "wallNanos"))))
                        .append(" | ").append(ms(Stats.median(its, "processCpuNanos"))).append(" / ")
                        .append(ms(Stats.median(its, "threadCpuNanos")))
                        .append(" | ").append(mb(Stats.median(its, "allocatedBytes")))
                        .append(" | ").append(mb(Stats.median(its, "peakHeapBytes")))
                        .append(" | ").append(num(Stats.median(its, "gcCount"))).append(" / ").append(num(Stats.median(its, "gcMillis")))
                        .append(" | ").append(num(Stats.median(its, "counter.filesParsed")))
                        .append(" | ").append(num(Stats.median(its, "counter.filesReparsed")))
                        .append(" | ").append(num(Stats.median(its, "counter.operationsComposed")))
                        .append(" | ").append(num(Stats.median(its, "counter.operationsValidated")))
                        .append(" | ").append(num(Stats.median(its, "counter.filesGenerated")))
                        .append(" | ").append(num(Stats.median(its, "counter.filesWritten")))
                        .append(" | ").append(describe(its.get(0))).append(" |\n");
            });
            md.append('\n');
            ratios().forEach((k, v) -> md.append("- ").append(k).append(": ").append(String.format("%.3f", v)).append('\n'));
            return md.toString();
        }

        private static String describe(Iteration it) {
            String touched = it.touched.isEmpty() ? "" : " " + it.touched.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
            return (it.mode.isEmpty() ? "-" : it.mode) + touched;
        }

        private static String ms(double nanos) {
            return Double.isNaN(nanos) ? "-" : nanos >= 100e6 ? String.format("%.0f", nanos / 1e6) : String.format("%.1f", nanos / 1e6);
        }

        private static String mb(double bytes) {
            return Double.isNaN(bytes) ? "-" : String.format("%.1f", bytes / 1e6);
        }

        private static String num(double value) {
            return Double.isNaN(value) ? "-" : value == Math.rint(value) ? String.valueOf((long) value) : String.format("%.1f", value);
        }
    }

    static String jvmName() {
        return ManagementFactory.getRuntimeMXBean().getVmName();
    }
}
