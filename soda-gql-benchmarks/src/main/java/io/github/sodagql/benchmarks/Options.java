package io.github.sodagql.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of the harness. */
final class Options {
    static final List<String> BUILD_SCENARIOS = List.of("cold", "noop", "noop-rebuild", "edit-operation",
            "edit-leaf-fragment", "edit-hub-fragment", "add-file", "remove-file", "schema-edit");
    static final List<String> EXTRA_SCENARIOS = List.of("floor-parse", "floor-stat", "floor-write", "apollo");
    /** Not in {@code all}: a cold build in a child JVM whose heap is capped ({@code --heap-cap}). */
    static final String CAPPED = "cold-capped";
    /** Real `mvn` processes on a copy of the fixture (MavenLoop); not in {@code all}. */
    static final List<String> MAVEN_SCENARIOS = MavenLoop.SCENARIOS;

    List<String> fixtures = new ArrayList<>();
    List<String> scenarios = new ArrayList<>();
    int iterations = 5;
    int warmup = 2;
    boolean freshJvm;
    boolean rebuild;
    boolean floors = true;
    boolean apollo = true;
    /** mvn-*: the compiler plugin's defaults instead of the README's quick-start properties (the "before"). */
    boolean compilerDefault;
    /** mvn-*: use the plugin already in the private repository instead of installing this tree's. */
    boolean noStage;
    /** mvn-*: rounds of cold, no-op and edit in one run; the table gives each step's median. */
    int repeats = 1;
    Path baseline;
    Path writeBaseline;
    double threshold = 0.05;
    double allocThreshold = 0.01;
    /** MB of heap per 1,000 documents that {@code cold-capped} gives its child JVM (at least 32 MB). */
    int heapCapPer1000 = 40;
    Path out;
    Path repoRoot;
    Path work;
    Path chart;
    List<Path> chartFrom = new ArrayList<>();
    Path markdown;
    String label;
    // Child-JVM mode: one measured task, its result as one line on stdout.
    String childTask;
    Path childProject;

    static final String USAGE = """
            usage: Harness --fixture small-app|medium-app|large-app|artsy|synthetic-N[,...]
                           [--scenario cold|noop|noop-rebuild|edit-operation|edit-leaf-fragment|edit-hub-fragment|
                                       add-file|remove-file|schema-edit|floor-parse|floor-stat|floor-write|apollo|all|cold-capped|
                                       mvn-validate|mvn-compile-cold|mvn-compile-noop|mvn-compile-edit-leaf-fragment|
                                       javac-generated|mvn-loop[,...]] [--compiler-default] [--no-stage] [--repeats N]
                           [--iterations K] [--warmup W] [--fresh-jvm] [--rebuild] [--heap-cap 40]
                           [--baseline FILE] [--threshold 5%] [--alloc-threshold 1%] [--write-baseline FILE]
                           [--no-floors] [--no-apollo] [--out DIR] [--chart FILE.svg] [--markdown FILE.md]
                   or: Harness --chart FILE.svg --chart-from DIR[,DIR...]   (charts from earlier runs' metrics.json)
            """;

    static Options parse(String[] args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--fresh-jvm" -> o.freshJvm = true;
                case "--rebuild" -> o.rebuild = true;
                case "--no-floors" -> o.floors = false;
                case "--no-apollo" -> o.apollo = false;
                case "--compiler-default" -> o.compilerDefault = true;
                case "--no-stage" -> o.noStage = true;
                case "--help", "-h" -> throw new IllegalArgumentException("");
                default -> {
                    if (!arg.startsWith("--") || i + 1 >= args.length) {
                        throw new IllegalArgumentException("bad argument " + arg);
                    }
                    String value = args[++i];
                    switch (arg) {
                        case "--fixture" -> o.fixtures.addAll(List.of(value.split(",")));
                        case "--scenario" -> o.scenarios.addAll(List.of(value.split(",")));
                        case "--iterations" -> o.iterations = Integer.parseInt(value);
                        case "--repeats" -> o.repeats = Math.max(1, Integer.parseInt(value));
                        case "--warmup" -> o.warmup = Integer.parseInt(value);
                        case "--heap-cap" -> o.heapCapPer1000 = Integer.parseInt(value);
                        case "--baseline" -> o.baseline = Path.of(value);
                        case "--write-baseline" -> o.writeBaseline = Path.of(value);
                        case "--threshold" -> o.threshold = percent(value);
                        case "--alloc-threshold" -> o.allocThreshold = percent(value);
                        case "--out" -> o.out = Path.of(value);
                        case "--repo-root" -> o.repoRoot = Path.of(value);
                        case "--work" -> o.work = Path.of(value);
                        case "--chart" -> o.chart = Path.of(value);
                        case "--chart-from" -> List.of(value.split(",")).forEach(v -> o.chartFrom.add(Path.of(v)));
                        case "--markdown" -> o.markdown = Path.of(value);
                        case "--label" -> o.label = value;
                        case "--child" -> o.childTask = value;
                        case "--child-project" -> o.childProject = Path.of(value);
                        default -> throw new IllegalArgumentException("unknown option " + arg);
                    }
                }
            }
        }
        if (o.fixtures.isEmpty() && !o.chartFrom.isEmpty()) {
            if (o.chart == null) {
                throw new IllegalArgumentException("--chart-from needs --chart FILE.svg");
            }
            return o;
        }
        if (o.fixtures.isEmpty()) {
            throw new IllegalArgumentException("--fixture is required");
        }
        if (o.scenarios.isEmpty() || o.scenarios.contains("all")) {
            o.scenarios = new ArrayList<>(BUILD_SCENARIOS);
            o.scenarios.addAll(EXTRA_SCENARIOS);
        }
        if (o.scenarios.remove("mvn-loop")) {
            MAVEN_SCENARIOS.stream().filter(s -> !o.scenarios.contains(s)).forEach(o.scenarios::add);
        }
        for (String s : o.scenarios) {
            if (!BUILD_SCENARIOS.contains(s) && !EXTRA_SCENARIOS.contains(s) && !CAPPED.equals(s)
                    && !MAVEN_SCENARIOS.contains(s)) {
                throw new IllegalArgumentException("unknown scenario " + s);
            }
        }
        if (o.floors) {
            if (o.scenarios.contains("cold") && !o.scenarios.contains("floor-parse")) {
                o.scenarios.add("floor-parse");
            }
            if (o.scenarios.contains("cold") && !o.scenarios.contains("floor-write")) {
                o.scenarios.add("floor-write");
            }
            if (o.scenarios.contains("noop") && !o.scenarios.contains("floor-stat")) {
                o.scenarios.add("floor-stat");
            }
        } else {
            o.scenarios.removeAll(List.of("floor-parse", "floor-stat", "floor-write"));
        }
        if (!o.apollo) {
            o.scenarios.remove("apollo");
        }
        if (o.iterations < 1 || o.warmup < 0) {
            throw new IllegalArgumentException("--iterations must be >= 1 and --warmup >= 0");
        }
        return o;
    }

    private static double percent(String value) {
        String v = value.trim();
        return v.endsWith("%") ? Double.parseDouble(v.substring(0, v.length() - 1)) / 100 : Double.parseDouble(v);
    }
}
