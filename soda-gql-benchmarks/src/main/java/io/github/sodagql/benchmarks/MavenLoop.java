package io.github.sodagql.benchmarks;

import com.google.gson.GsonBuilder;
import io.github.sodagql.core.session.BuilderSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * The loop a user waits for, with real {@code mvn} processes: a fixture as a plain Maven project built with
 * the README's quick-start configuration (its {@code quick-start-pom} and {@code quick-start-properties}
 * blocks, as the quickstart integration test builds them), measured in one run on one copy:
 * {@code mvn-validate} (Maven's own floor), {@code mvn-compile-cold}, {@code mvn-compile-noop},
 * {@code mvn-compile-edit-leaf-fragment} (the harness's leaf-fragment edit, then {@code mvn compile}) and
 * {@code javac-generated} (javac alone, in-process, on the generated tree). Each Maven run's log gives the
 * plugin's own time (its summary line) and the compiler's counts ({@code Compiling N source files}).
 *
 * <p>The plugin under test is installed into a private local repository under {@code target/} (the
 * developer's repository serves every other artifact as a {@code file:} remote, as for the invoker tests);
 * {@code ~/.m2} is never written.
 */
final class MavenLoop {
    static final List<String> SCENARIOS = List.of("mvn-validate", "mvn-compile-cold", "mvn-compile-noop",
            "mvn-compile-edit-leaf-fragment", "javac-generated");
    static final String PACKAGE = "bench.generated";
    private static final Pattern SUMMARY = Pattern.compile("soda-gql: .* in (\\d+) ms \\[");
    private static final Pattern COMPILING = Pattern.compile("Compiling (\\d+) source files?");

    /** One measured step. */
    record Step(String scenario, long wallMillis, long pluginMillis, int compiled, int status, Path log) {}

    private final Path repoRoot;
    private final Path moduleDir;
    private final PrintStream out;
    private final boolean compilerDefault;

    MavenLoop(Path repoRoot, Path moduleDir, PrintStream out, boolean compilerDefault) {
        this.repoRoot = repoRoot;
        this.moduleDir = moduleDir;
        this.out = out;
        this.compilerDefault = compilerDefault;
    }

    /** Installs the core and the plugin (this working tree's) into the private repository. */
    Path stage(boolean install) throws IOException, InterruptedException {
        Path repo = moduleDir.resolve("target/mvn-loop-repo");
        Path settings = settings();
        if (install) {
            out.println("mvn-loop: installing soda-gql into " + repo);
            Step step = mvn("stage", repoRoot, repo, settings, moduleDir.resolve("target/mvn-loop-stage.log"),
                    "-q", "-pl", "soda-gql-core,soda-gql-maven-plugin", "-am", "install", "-DskipTests", "-DskipITs");
            if (step.status() != 0) {
                throw new IllegalStateException("installing soda-gql failed; see " + step.log());
            }
        }
        return repo;
    }

    /**
     * Every measured step on one fresh copy of the fixture, in order: Maven's floor once, then {@code repeats} rounds
     * of a cold build (from an empty {@code target/}), a no-op and an edit, then javac alone on the generated tree.
     */
    List<Step> measure(Fixture fixture, Path work, Path repo, List<String> scenarios, int repeats) throws Exception {
        Path project = work.resolve("mvn-loop").resolve(fixture.name());
        Fixture.deleteTree(project);
        Path graphql = project.resolve("src/main/graphql");
        for (Fixture.Copy copy : fixture.copies()) {
            boolean schema = copy.to().equals(fixture.schemaPath());
            Fixture.copyTree(copy.from(), schema ? graphql.resolve("schema.graphqls") : graphql);
        }
        writePom(project);
        writeApp(fixture, project, work);
        Path settings = settings();
        Path logs = project.resolveSibling(fixture.name() + "-logs");
        Fixture.deleteTree(logs);
        Files.createDirectories(logs);
        List<Step> steps = new ArrayList<>();
        if (scenarios.contains("mvn-validate")) {
            steps.add(report(mvn("mvn-validate", project, repo, settings, logs.resolve("mvn-validate.log"), "validate")));
        }
        for (int round = 1; round <= repeats; round++) {
            String suffix = repeats == 1 ? "" : "-" + round;
            Fixture.deleteTree(project.resolve("target"));
            // The cold build is needed by all that follow; the others are measured only when asked for.
            steps.add(report(mvn("mvn-compile-cold", project, repo, settings, logs.resolve("mvn-compile-cold" + suffix + ".log"),
                    "compile")));
            if (scenarios.contains("mvn-compile-noop")) {
                steps.add(report(mvn("mvn-compile-noop", project, repo, settings,
                        logs.resolve("mvn-compile-noop" + suffix + ".log"), "compile")));
            }
            if (scenarios.contains("mvn-compile-edit-leaf-fragment")) {
                Fixture mavenLayout = new Fixture(fixture.name(), fixture.spec(), List.of(), null, "src/main/graphql", List.of());
                DocIndex index = DocIndex.of(mavenLayout.documents(project));
                Map<String, Object> touched = Edits.apply("edit-leaf-fragment", project, project, index, mavenLayout);
                out.println("mvn-loop: edited " + touched);
                steps.add(report(mvn("mvn-compile-edit-leaf-fragment", project, repo, settings,
                        logs.resolve("mvn-compile-edit-leaf-fragment" + suffix + ".log"), "compile")));
            }
        }
        if (scenarios.contains("javac-generated")) {
            steps.add(report(javac(project.resolve("target/generated-sources/soda-gql"), work.resolve("mvn-loop/javac-out"))));
        }
        return steps;
    }

    /**
     * Each scenario's median step (by wall time, the lower middle for an even count; in the order the scenarios
     * first ran): what the table and the chart show when a run repeats the loop.
     */
    static List<Step> medians(List<Step> steps) {
        Map<String, List<Step>> byScenario = new LinkedHashMap<>();
        steps.forEach(step -> byScenario.computeIfAbsent(step.scenario(), k -> new ArrayList<>()).add(step));
        List<Step> medians = new ArrayList<>();
        byScenario.values().forEach(runs -> {
            List<Step> sorted = runs.stream().sorted(Comparator.comparingLong(Step::wallMillis)).toList();
            medians.add(sorted.get((sorted.size() - 1) / 2));
        });
        return medians;
    }

    /** Each round's edit over the same round's cold build, in round order. */
    static List<Double> editRatios(List<Step> steps) {
        List<Double> ratios = new ArrayList<>();
        long cold = 0;
        for (Step step : steps) {
            if (step.scenario().equals("mvn-compile-cold")) {
                cold = step.wallMillis();
            } else if (step.scenario().equals("mvn-compile-edit-leaf-fragment") && cold > 0) {
                ratios.add((double) step.wallMillis() / cold);
            }
        }
        return ratios;
    }

    private Step report(Step step) {
        out.printf(Locale.ROOT, "mvn-loop: %-32s %8d ms  soda-gql %6d ms  compiled %5d  exit %d%n", step.scenario(),
                step.wallMillis(), step.pluginMillis(), step.compiled(), step.status());
        if (step.status() != 0) {
            throw new IllegalStateException(step.scenario() + " failed; see " + step.log());
        }
        return step;
    }

    /**
     * The table for docs/performance.md, with each step's ratio to the cold build: one row per scenario, the median
     * of its rounds (with the range when there are several), and each round's own edit / cold below.
     */
    static String markdown(String fixture, int documents, int generatedFiles, List<Step> steps, boolean compilerDefault) {
        List<Step> medians = medians(steps);
        long cold = medians.stream().filter(s -> s.scenario().equals("mvn-compile-cold")).mapToLong(Step::wallMillis)
                .findFirst().orElse(0);
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "### %s (%,d documents, %,d generated files)%s%n%n", fixture, documents,
                generatedFiles, compilerDefault ? ", compiler plugin defaults" : ", README quick start"));
        md.append("| step | wall ms | soda-gql ms | files javac compiled | / cold |\n|---|---:|---:|---:|---:|\n");
        for (Step s : medians) {
            List<Long> walls = steps.stream().filter(t -> t.scenario().equals(s.scenario())).map(Step::wallMillis).sorted().toList();
            String range = walls.size() < 2 ? "" : String.format(Locale.ROOT, " (%,d to %,d; %d runs)", walls.get(0),
                    walls.get(walls.size() - 1), walls.size());
            md.append(String.format(Locale.ROOT, "| %s | %,d%s | %s | %s | %s |%n", s.scenario(), s.wallMillis(), range,
                    s.pluginMillis() < 0 ? "" : String.format(Locale.ROOT, "%,d", s.pluginMillis()),
                    s.compiled() < 0 ? "" : String.format(Locale.ROOT, "%,d", s.compiled()),
                    cold == 0 ? "" : String.format(Locale.ROOT, "%.1f%%", 100.0 * s.wallMillis() / cold)));
        }
        List<Double> ratios = editRatios(steps);
        if (ratios.size() > 1) {
            md.append("\nEach round's edit / cold: ").append(String.join(", ", ratios.stream()
                    .map(r -> String.format(Locale.ROOT, "%.1f%%", 100 * r)).toList())).append(".\n");
        }
        return md.toString();
    }

    static String json(String fixture, int documents, int generatedFiles, List<Step> steps, boolean compilerDefault) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("fixture", fixture);
        root.put("documents", documents);
        root.put("generatedFiles", generatedFiles);
        root.put("compiler", compilerDefault ? "defaults" : "readme");
        List<Map<String, Object>> list = new ArrayList<>();
        for (Step s : steps) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scenario", s.scenario());
            m.put("wallMillis", s.wallMillis());
            m.put("pluginMillis", s.pluginMillis());
            m.put("compiled", s.compiled());
            list.add(m);
        }
        root.put("steps", list);
        return new GsonBuilder().setPrettyPrinting().create().toJson(root) + "\n";
    }

    // ---- the project -------------------------------------------------------------------------------------

    private void writePom(Path project) throws IOException {
        String readme = Files.readString(repoRoot.resolve("README.md")).replace("\r\n", "\n");
        String plugin = block(readme, "pom").orElseThrow(() -> new IllegalStateException("README has no quick-start-pom block"));
        String properties = compilerDefault ? "" : block(readme, "properties").map(MavenLoop::inner).orElse("");
        String pom = """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <!-- Written by the soda-gql harness (MavenLoop): the README's quick start around a fixture. -->
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>io.github.sodagql.bench</groupId>
                  <artifactId>mvn-loop</artifactId>
                  <version>1</version>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                %s
                  </properties>
                  <build>
                    <plugins>
                %s
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-resources-plugin</artifactId>
                        <version>3.3.1</version>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <version>3.14.1</version>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(properties, plugin.replace("com.example.graphql", PACKAGE));
        Files.writeString(project.resolve("pom.xml"), pom);
    }

    private static Optional<String> block(String readme, String name) {
        Matcher m = Pattern.compile("(?s)<!-- quick-start-" + name + "(?::[^>]*)?\\s*-->\\s*\\n```[A-Za-z]*\\n(.*?)\\n```")
                .matcher(readme);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The lines inside a {@code <properties>} element. */
    private static String inner(String properties) {
        return properties.replaceAll("(?s)^\\s*<properties>\\s*\\n?", "").replaceAll("(?s)\\s*</properties>\\s*$", "");
    }

    /**
     * A user class that reads one generated accessor, as the issue's measurement had: the first operation
     * whose generated {@code Data} record starts with a plain component. Found with an in-process build of a
     * scratch copy (not measured).
     */
    private void writeApp(Fixture fixture, Path project, Path work) throws IOException {
        Path scratch = work.resolve("mvn-loop/scratch-" + fixture.name());
        Fixture.deleteTree(scratch);
        Fixture.copyTree(project.resolve("src"), scratch.resolve("src"));
        Fixture layout = new Fixture(fixture.name(), fixture.spec(), List.of(), null, "src/main/graphql", List.of());
        new BuilderSession(layout.config(scratch)).buildInitial();
        String use = "Object value = null;";
        String imports = "";
        Pattern data = Pattern.compile("record Data\\(\\s*(?:@[\\w.]+\\s+)*([\\w.]+(?:<[^()]*?>)?)\\s+(\\w+)\\s*[,)]");
        try (Stream<Path> files = Files.walk(scratch.resolve("target/generated-sources/soda-gql"))) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith("Query.java")).sorted()::iterator) {
                Matcher m = data.matcher(Files.readString(file));
                if (m.find()) {
                    String type = file.getFileName().toString().replace(".java", "");
                    imports = "import " + PACKAGE + "." + type + ";\n";
                    use = "Object value = " + type + ".Data.fromMap(java.util.Map.of())." + m.group(2) + "();";
                    break;
                }
            }
        }
        Fixture.deleteTree(scratch);
        Path app = project.resolve("src/main/java/bench/app/App.java");
        Files.createDirectories(app.getParent());
        Files.writeString(app, """
                package bench.app;

                %s
                /** Reads one generated accessor, as a user's code does. */
                public final class App {
                    private App() {}

                    public static void main(String[] args) {
                        %s
                        System.out.println(value);
                    }
                }
                """.formatted(imports, use));
    }

    // ---- running -----------------------------------------------------------------------------------------

    private Path settings() throws IOException {
        Path local = Path.of(System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository"));
        String template = Files.readString(repoRoot.resolve("soda-gql-maven-plugin/src/it/settings.xml"));
        Path settings = moduleDir.resolve("target/mvn-loop-settings.xml");
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, template.replace("@localRepositoryUrl@", local.toUri().toString()));
        return settings;
    }

    private Step mvn(String scenario, Path directory, Path repo, Path settings, Path log, String... goals)
            throws IOException, InterruptedException {
        String maven = Optional.ofNullable(System.getProperty("maven.home")).map(h -> Path.of(h, "bin/mvn"))
                .filter(Files::isExecutable).map(Path::toString).orElse("mvn");
        List<String> command = new ArrayList<>(List.of(maven, "-o", "-B", "-Dstyle.color=never", "-s", settings.toString(),
                "-Dmaven.repo.local=" + repo, "-Daether.offline.protocols=file"));
        command.addAll(List.of(goals));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(scenario + " timed out; see " + log);
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        String text = Files.readString(log);
        long plugin = -1;
        Matcher summary = SUMMARY.matcher(text);
        if (summary.find()) {
            plugin = Long.parseLong(summary.group(1));
        }
        int compiled = 0;
        Matcher compiling = COMPILING.matcher(text);
        while (compiling.find()) {
            compiled += Integer.parseInt(compiling.group(1));
        }
        return new Step(scenario, wall, plugin, compiled, process.exitValue(), log);
    }

    /** javac alone on the generated tree: what the sources cost the compiler, without Maven. */
    private static Step javac(Path generated, Path into) throws IOException {
        Fixture.deleteTree(into);
        Files.createDirectories(into);
        List<String> arguments = new ArrayList<>(List.of("-d", into.toString(), "--release", "17", "-encoding", "UTF-8",
                "-proc:none", "-nowarn"));
        try (Stream<Path> files = Files.walk(generated)) {
            files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> arguments.add(p.toString()));
        }
        int count = arguments.size() - 8;
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        long start = System.nanoTime();
        int status = ToolProvider.getSystemJavaCompiler().run(null, diagnostics, diagnostics, arguments.toArray(String[]::new));
        long wall = (System.nanoTime() - start) / 1_000_000;
        Path log = into.resolveSibling("javac-generated.log");
        Files.writeString(log, diagnostics.toString(StandardCharsets.UTF_8));
        Fixture.deleteTree(into);
        return new Step("javac-generated", wall, -1, count, status, log);
    }

    static int generatedFiles(Path work, String fixture) throws IOException {
        Path generated = work.resolve("mvn-loop").resolve(fixture).resolve("target/generated-sources/soda-gql");
        if (!Files.isDirectory(generated)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(generated)) {
            return (int) files.filter(p -> p.toString().endsWith(".java")).count();
        }
    }
}
