package io.github.sodagql.core.artifact;

import com.google.gson.stream.JsonWriter;
import io.github.sodagql.core.compose.VariableDeclaration;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The artifact's JSON form ({@code artifact.json}): keys in a fixed order, two-space indent, {@code \n}
 * line ends and a final newline, so the bytes depend on the artifact alone.
 */
public final class ArtifactJson {
    private ArtifactJson() {}

    public static byte[] render(Artifact artifact) {
        StringWriter text = new StringWriter();
        try (JsonWriter json = new JsonWriter(text)) {
            json.setIndent("  ");
            json.setHtmlSafe(false);
            json.beginObject();
            json.name("formatVersion").value(artifact.formatVersion());
            json.name("schemaHash");
            if (artifact.schemaHash().isPresent()) {
                json.value(artifact.schemaHash().get().hex());
            } else {
                json.nullValue();
            }
            json.name("operations").beginArray();
            for (ArtifactOperation operation : artifact.operations()) {
                json.beginObject();
                json.name("id").value(operation.id().hex());
                json.name("name").value(operation.name());
                json.name("kind").value(operation.kind().keyword());
                json.name("document").value(operation.document());
                json.name("source").value(operation.source().value());
                json.name("fragments").beginArray();
                for (String fragment : operation.fragments()) {
                    json.value(fragment);
                }
                json.endArray();
                json.name("variables").beginArray();
                for (VariableDeclaration variable : operation.variables()) {
                    json.beginObject();
                    json.name("name").value(variable.name());
                    json.name("type").value(variable.type());
                    json.name("defaultValue");
                    if (variable.defaultValue().isPresent()) {
                        json.value(variable.defaultValue().get());
                    } else {
                        json.nullValue();
                    }
                    json.endObject();
                }
                json.endArray();
                json.endObject();
            }
            json.endArray();
            json.name("fragments").beginArray();
            for (ArtifactFragment fragment : artifact.fragments()) {
                json.beginObject();
                json.name("name").value(fragment.name());
                json.name("typeCondition").value(fragment.typeCondition());
                json.name("source").value(fragment.source().value());
                json.name("spreads").beginArray();
                for (String spread : fragment.spreads()) {
                    json.value(spread);
                }
                json.endArray();
                json.endObject();
            }
            json.endArray();
            ArtifactCounts counts = artifact.counts();
            json.name("report").beginObject();
            json.name("documents").value(counts.documents());
            json.name("operations").value(counts.operations());
            json.name("fragments").value(counts.fragments());
            json.name("errors").value(counts.errors());
            json.name("warnings").value(counts.warnings());
            json.endObject();
            json.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing JSON to memory cannot fail", e);
        }
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
