package io.github.sodagql.core.session;

import com.google.gson.stream.JsonWriter;
import io.github.sodagql.core.artifact.ArtifactCounts;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How a build went: its mode ({@code incremental}, or {@code full: <reason>}), counts, counters and time per
 * stage. Written as {@code report.json} beside the artifact.
 *
 * @param debugNotes what went wrong in a cache (a saved schema that could not be read or written, a pending list
 *     that could not be read): never a problem of the project, since the build then does the work itself, but a
 *     bug behind a cache shows here, in {@code report.json}'s {@code notices} and in Maven's {@code -X} log
 */
public record BuildReport(BuildMode buildMode, ArtifactCounts counts, BuildCounters counters, Map<String, Long> stageMillis,
        long totalMillis, BuildExplanation explanation, List<String> debugNotes) {

    public BuildReport {
        java.util.Objects.requireNonNull(buildMode, "buildMode");
        stageMillis = Map.copyOf(stageMillis);
        java.util.Objects.requireNonNull(explanation, "explanation");
        debugNotes = List.copyOf(debugNotes);
    }

    /** A report without an explanation: a build that did nothing, or could not start. */
    public BuildReport(BuildMode buildMode, ArtifactCounts counts, BuildCounters counters, Map<String, Long> stageMillis,
            long totalMillis) {
        this(buildMode, counts, counters, stageMillis, totalMillis, BuildExplanation.none(), List.of());
    }

    /** The mode in the report's words ({@link BuildMode#label()}). */
    public String mode() {
        return buildMode.label();
    }

    /** One line for the build log. */
    public String summaryLine() {
        return String.format("soda-gql: %s, %s, %s, %s, %s -> %s (%d written, %d unchanged, %d deleted) in %d ms [%s]",
                count(counts.documents(), "document"), count(counts.operations(), "operation"),
                count(counts.fragments(), "fragment"), count(counts.errors(), "error"), count(counts.warnings(), "warning"),
                count(counters.outputs(), "file"), counters.filesWritten(),
                counters.filesUnchanged(), counters.filesDeleted(), totalMillis, mode());
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The per-stage breakdown and counters, for verbose logs: what the build did, in words. */
    public List<String> detailLines() {
        String stages = stageMillis.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue() + " ms").collect(Collectors.joining(", "));
        BuildCounters c = counters;
        List<String> lines = new java.util.ArrayList<>(List.of("soda-gql stages: " + (stages.isEmpty() ? "none" : stages),
                "soda-gql counters: inputs: " + c.filesScanned() + " documents stat'ed, " + c.statHits()
                        + " unchanged by stat, " + c.hashesComputed() + " read and hashed",
                "soda-gql counters: work: " + c.filesParsed() + " documents parsed, " + c.filesReparsed()
                        + " parsed again from the snapshot, schema " + (c.schemaParsed() == 1 ? "parsed" : "not parsed")
                        + ", " + c.operationsComposed() + " operations composed, "
                        + c.operationsValidated() + " validated, " + c.definitionsChecked() + " definitions checked",
                "soda-gql counters: outputs: " + c.filesGenerated() + " generated, " + c.filesWritten() + " written, "
                        + c.filesUnchanged() + " unchanged, " + c.filesDeleted() + " deleted, " + c.outputs() + " in all"));
        debugNotes.forEach(note -> lines.add("soda-gql cache: " + note));
        return List.copyOf(lines);
    }

    public byte[] toJson() {
        StringWriter text = new StringWriter();
        try (JsonWriter json = new JsonWriter(text)) {
            json.setIndent("  ");
            json.beginObject();
            json.name("mode").value(mode());
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
            json.name("schemaParsed").value(counters.schemaParsed());
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
            json.name("notices").beginArray();
            for (String note : debugNotes) {
                json.value(note);
            }
            json.endArray();
            json.name("explain");
            explanation.writeJson(json);
            json.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing JSON to memory cannot fail", e);
        }
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
