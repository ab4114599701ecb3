package io.github.sodagql.core.session;

import com.google.gson.stream.JsonWriter;
import io.github.sodagql.core.artifact.ArtifactCounts;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How a build went: its mode ({@code incremental}, or {@code full: <reason>}), counts, counters and time per
 * stage. Written as {@code report.json} beside the artifact.
 */
public record BuildReport(String mode, ArtifactCounts counts, BuildCounters counters, Map<String, Long> stageMillis,
        long totalMillis) {

    public BuildReport {
        java.util.Objects.requireNonNull(mode, "mode");
        stageMillis = Map.copyOf(stageMillis);
    }

    /** One line for the build log. */
    public String summaryLine() {
        return String.format("soda-gql: %s, %s, %s, %s, %s -> %s (%d written, %d unchanged, %d deleted) in %d ms [%s]",
                count(counts.documents(), "document"), count(counts.operations(), "operation"),
                count(counts.fragments(), "fragment"), count(counts.errors(), "error"), count(counts.warnings(), "warning"),
                count(counters.outputs(), "file"), counters.filesWritten(),
                counters.filesUnchanged(), counters.filesDeleted(), totalMillis, mode);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The per-stage breakdown and counters, for verbose logs. */
    public String detailLines() {
        String stages = stageMillis.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue() + "ms").collect(Collectors.joining(", "));
        return "soda-gql stages: " + stages + System.lineSeparator() + "soda-gql counters: " + counters;
    }

    public byte[] toJson() {
        StringWriter text = new StringWriter();
        try (JsonWriter json = new JsonWriter(text)) {
            json.setIndent("  ");
            json.beginObject();
            json.name("mode").value(mode);
            json.name("counts").beginObject();
            json.name("documents").value(counts.documents());
            json.name("operations").value(counts.operations());
            json.name("fragments").value(counts.fragments());
            json.name("errors").value(counts.errors());
            json.name("warnings").value(counts.warnings());
            json.endObject();
            json.name("counters").beginObject();
            json.name("filesScanned").value(counters.filesScanned());
            json.name("statHits").value(counters.statHits());
            json.name("hashesComputed").value(counters.hashesComputed());
            json.name("filesParsed").value(counters.filesParsed());
            json.name("filesReparsed").value(counters.filesReparsed());
            json.name("operationsComposed").value(counters.operationsComposed());
            json.name("operationsValidated").value(counters.operationsValidated());
            json.name("definitionsChecked").value(counters.definitionsChecked());
            json.name("filesGenerated").value(counters.filesGenerated());
            json.name("filesWritten").value(counters.filesWritten());
            json.name("filesUnchanged").value(counters.filesUnchanged());
            json.name("filesDeleted").value(counters.filesDeleted());
            json.name("outputs").value(counters.outputs());
            json.endObject();
            json.name("stageMillis").beginObject();
            for (Map.Entry<String, Long> stage : new java.util.TreeMap<>(stageMillis).entrySet()) {
                json.name(stage.getKey()).value(stage.getValue());
            }
            json.endObject();
            json.name("totalMillis").value(totalMillis);
            json.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing JSON to memory cannot fail", e);
        }
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
