package io.github.sodagql.core.artifact;

import com.google.gson.stream.JsonWriter;
import io.github.sodagql.core.config.ManifestFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The persisted-query manifests that servers and gateways read, rendered from the artifact alone: same
 * artifact, same bytes (keys in a fixed order, two-space indent, {@code \n} line ends, a final newline). Every
 * id is the artifact's operation id, the SHA-256 of the compact document that the generated code sends, so a
 * client's {@code extensions.persistedQuery.sha256Hash} or {@code documentId} finds its document here.
 */
public final class OperationManifests {
    /** The prefix of a document id in the GraphQL-over-HTTP persisted documents convention. */
    public static final String SHA256_PREFIX = "sha256:";

    private OperationManifests() {}

    public static byte[] render(ManifestFormat format, Artifact artifact) {
        return switch (format) {
            case APOLLO -> apollo(artifact);
            case PERSISTED_DOCUMENTS -> persistedDocuments(artifact);
        };
    }

    /**
     * Apollo's persisted-query manifest: {@code {"format": "apollo-persisted-query-manifest", "version": 1,
     * "operations": [{"id", "body", "name", "type"}]}}, operations in the artifact's order (by name, then source).
     */
    public static byte[] apollo(Artifact artifact) {
        return json(json -> {
            json.beginObject();
            json.name("format").value("apollo-persisted-query-manifest");
            json.name("version").value(1);
            json.name("operations").beginArray();
            for (ArtifactOperation operation : artifact.operations()) {
                json.beginObject();
                json.name("id").value(operation.id().hex());
                json.name("body").value(operation.document());
                json.name("name").value(operation.name());
                json.name("type").value(operation.kind().keyword());
                json.endObject();
            }
            json.endArray();
            json.endObject();
        });
    }

    /** {@code {"sha256:<hex>": "<document>"}}, sorted by id; operations with the same document share one entry. */
    public static byte[] persistedDocuments(Artifact artifact) {
        Map<String, String> documents = new TreeMap<>();
        artifact.operations().forEach(operation -> documents.putIfAbsent(SHA256_PREFIX + operation.id().hex(),
                operation.document()));
        return json(json -> {
            json.beginObject();
            for (Map.Entry<String, String> entry : documents.entrySet()) {
                json.name(entry.getKey()).value(entry.getValue());
            }
            json.endObject();
        });
    }

    private interface JsonBody {
        void write(JsonWriter json) throws IOException;
    }

    private static byte[] json(JsonBody body) {
        StringWriter text = new StringWriter();
        try (JsonWriter json = new JsonWriter(text)) {
            json.setIndent("  ");
            json.setHtmlSafe(false);
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing JSON to memory cannot fail", e);
        }
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
