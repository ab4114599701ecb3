package io.github.sodagql.benchmarks;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The committed medians, and the regression gate. Times (wall and thread CPU: medians) may grow by
 * {@code --threshold}; counters (medians) must not grow at all. Allocated bytes are compared by their
 * maximum over the iterations ({@code allocatedBytesMax}): the probe can only miss allocations (of a
 * short-lived thread after its last sample), so the maximum is the best estimate; they may grow by
 * {@code --alloc-threshold}, 1% by default because parallel streams split work differently from run to run
 * (a few KB), and never less than 16 KB; {@code --alloc-threshold 0%} is the closest to the "must not
 * grow at all". Process CPU (10 ms granularity), peak heap and GC counts
 * depend on when the collector happens to run, so they are recorded but not gated.
 */
final class Baseline {
    private Baseline() {}

    /** Process CPU is not gated: its 10 ms granularity on Linux is noise at these durations. */
    static final List<String> TIMES = List.of("wallNanos", "threadCpuNanos");
    /** Allocation noise below this many bytes is never a regression (tiny floors allocate a few KB). */
    static final long ALLOCATION_SLACK = 16 * 1024;
    static final List<String> ALLOCATIONS = List.of("allocatedBytesMax");

    static void write(Path file, List<Harness.Report> reports, Options options) throws IOException {
        JsonObject root = Files.exists(file) ? JsonParser.parseString(Files.readString(file)).getAsJsonObject() : new JsonObject();
        root.addProperty("about", "Medians per fixture and scenario, written by the harness (--write-baseline). "
                + "Compared with --baseline: times may grow by --threshold, allocated bytes by --alloc-threshold; counters must not grow.");
        JsonObject fixtures = root.has("fixtures") ? root.getAsJsonObject("fixtures") : new JsonObject();
        for (Harness.Report report : reports) {
            JsonObject fixture = new JsonObject();
            fixture.addProperty("iterations", options.iterations);
            fixture.addProperty("freshJvm", options.freshJvm);
            fixture.add("machine", new GsonBuilder().create().toJsonTree(report.machine));
            JsonObject scenarios = new JsonObject();
            report.scenarios.forEach((name, its) -> {
                JsonObject medians = new JsonObject();
                Stats.summary(its, Stats::median).forEach((k, v) -> {
                    if (TIMES.contains(k) || k.startsWith("counter.")) {
                        medians.addProperty(k, Math.round(v));
                    }
                });
                medians.addProperty("allocatedBytesMax", Math.round(Stats.max(its, "allocatedBytes")));
                scenarios.add(name, medians);
            });
            fixture.add("scenarios", scenarios);
            fixtures.add(report.fixture + (options.freshJvm ? "@fresh-jvm" : ""), fixture);
        }
        root.add("fixtures", fixtures);
        Files.writeString(file, new GsonBuilder().setPrettyPrinting().create().toJson(root) + "\n");
    }

    static List<String> compare(Path file, List<Harness.Report> reports, Options options, PrintStream out)
            throws IOException {
        JsonObject fixtures = JsonParser.parseString(Files.readString(file)).getAsJsonObject().getAsJsonObject("fixtures");
        List<String> regressions = new ArrayList<>();
        for (Harness.Report report : reports) {
            String key = report.fixture + (options.freshJvm ? "@fresh-jvm" : "");
            if (!fixtures.has(key)) {
                out.println("baseline: no entry for " + key + "; not compared");
                continue;
            }
            JsonObject scenarios = fixtures.getAsJsonObject(key).getAsJsonObject("scenarios");
            report.scenarios.forEach((name, its) -> {
                if (!scenarios.has(name)) {
                    return;
                }
                for (Map.Entry<String, JsonElement> e : scenarios.getAsJsonObject(name).entrySet()) {
                    String metric = e.getKey();
                    if (!TIMES.contains(metric) && !ALLOCATIONS.contains(metric) && !metric.startsWith("counter.")) {
                        continue;
                    }
                    double base = e.getValue().getAsDouble();
                    double now = metric.equals("allocatedBytesMax") ? Stats.max(its, "allocatedBytes")
                            : Stats.median(its, metric);
                    if (Double.isNaN(now)) {
                        continue;
                    }
                    double allowed = TIMES.contains(metric) ? base * (1 + options.threshold)
                            : ALLOCATIONS.contains(metric) ? base + Math.max(base * options.allocThreshold, ALLOCATION_SLACK)
                            : base;
                    String line = String.format("%s %s %s: %.0f -> %.0f (%+.1f%%, allowed %.0f)", report.fixture, name,
                            metric, base, now, base == 0 ? 0 : (now - base) * 100 / base, allowed);
                    if (now > allowed + 1e-9) {
                        regressions.add(line);
                    }
                }
            });
        }
        return regressions;
    }
}
