package io.github.sodagql.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness's smoke mode, so that it cannot rot: small-app, one iteration, every scenario, in-process.
 * Benchmarks are not tests: this asserts that the metrics file is written and the counters are sane,
 * never a time.
 */
class HarnessSmokeTest {
    @TempDir
    Path temp;

    @Test
    void smallAppOneIterationEveryScenario() throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int status = Harness.run(new String[] {"--fixture", "small-app", "--scenario", "all", "--iterations", "1",
                "--warmup", "0", "--no-apollo", "--out", temp.resolve("perf").toString(), "--work",
                temp.resolve("work").toString()}, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        String out = stdout.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, out + stderr.toString(StandardCharsets.UTF_8));
        assertTrue(out.contains("| cold |"), out);

        Path metrics = temp.resolve("perf/small-app/metrics.json");
        assertTrue(Files.exists(metrics), "metrics.json is written");
        JsonObject scenarios = JsonParser.parseString(Files.readString(metrics)).getAsJsonObject().getAsJsonObject("scenarios");
        for (String scenario : Options.BUILD_SCENARIOS) {
            assertTrue(scenarios.has(scenario), scenario);
        }
        JsonObject cold = median(scenarios, "cold");
        assertEquals(2, cold.get("counter.filesParsed").getAsInt(), "a cold build parses every document");
        assertEquals(2, cold.get("counter.operationsValidated").getAsInt());
        assertTrue(cold.get("counter.filesWritten").getAsInt() > 0, "a cold build writes");
        assertTrue(cold.get("wallNanos").getAsLong() > 0 && cold.get("allocatedBytes").getAsLong() > 0);
        for (String noop : new String[] {"noop", "noop-rebuild"}) {
            JsonObject m = median(scenarios, noop);
            assertEquals(0, m.get("counter.filesParsed").getAsInt(), noop + " parses nothing");
            assertEquals(0, m.get("counter.filesWritten").getAsInt(), noop + " writes nothing");
            assertEquals(2, m.get("counter.statHits").getAsInt(), noop + " is a stat hit per document");
        }
        JsonObject edit = median(scenarios, "edit-operation");
        assertEquals(1, edit.get("counter.filesParsed").getAsInt(), "an edit parses the edited file only");
        assertTrue(scenarios.has("floor-parse") && scenarios.has("floor-stat"));
    }

    private static JsonObject median(JsonObject scenarios, String name) {
        return scenarios.getAsJsonObject(name).getAsJsonObject("median");
    }
}
