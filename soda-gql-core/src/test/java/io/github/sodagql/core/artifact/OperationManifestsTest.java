package io.github.sodagql.core.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import io.github.sodagql.core.TestProject;
import io.github.sodagql.core.config.ManifestFormat;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperationManifestsTest {
    @TempDir
    java.nio.file.Path temporary;

    private Artifact built() {
        return TestProject.copyOf("artifact/exports", temporary).build().artifact().orElseThrow();
    }

    /** The SHA-256 a server computes, by the JDK alone (not the ContentHash the artifact uses). */
    private static String sha256(String document) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(document.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<?, ?> parse(byte[] json) {
        return new Gson().fromJson(new String(json, StandardCharsets.UTF_8), Map.class);
    }

    @Test
    void apolloManifestHasTheFormatVersionAndEachOperationWithTheSha256OfItsBody() {
        Artifact artifact = built();

        Map<?, ?> manifest = parse(OperationManifests.apollo(artifact));

        assertEquals("apollo-persisted-query-manifest", manifest.get("format"));
        assertEquals(1.0, manifest.get("version"));
        List<?> operations = (List<?>) manifest.get("operations");
        assertEquals(2, operations.size());
        Map<String, String> typeByName = new TreeMap<>();
        for (Object entry : operations) {
            Map<?, ?> operation = (Map<?, ?>) entry;
            assertEquals(sha256((String) operation.get("body")), operation.get("id"));
            typeByName.put((String) operation.get("name"), (String) operation.get("type"));
        }
        assertEquals(Map.of("AddToCart", "mutation", "ProductList", "query"), typeByName);
        Map<?, ?> productList = (Map<?, ?>) operations.get(1);
        assertEquals(artifact.operations().get(1).document(), productList.get("body"));
        assertTrue(((String) productList.get("body")).contains("fragment ProductCard on Product"),
                "the body is the composed document, fragments included");
    }

    @Test
    void persistedDocumentsMapSha256IdsToTheirDocuments() {
        Artifact artifact = built();

        Map<?, ?> documents = parse(OperationManifests.persistedDocuments(artifact));

        assertEquals(2, documents.size());
        documents.forEach((id, document) -> assertEquals("sha256:" + sha256((String) document), id));
        assertEquals(artifact.operations().stream().map(ArtifactOperation::document).sorted().toList(),
                documents.values().stream().map(String.class::cast).sorted().toList());
    }

    @Test
    void escapedCharactersSurviveTheRoundTripSoTheIdsStillMatch() {
        Artifact artifact = built();

        Map<?, ?> documents = parse(OperationManifests.persistedDocuments(artifact));

        String productList = documents.values().stream().map(String.class::cast)
                .filter(document -> document.startsWith("query ProductList")).findFirst().orElseThrow();
        assertTrue(productList.contains("\"say \\\"héllo\\\" \\\\ <b>\""), productList);
        String text = new String(OperationManifests.persistedDocuments(artifact), StandardCharsets.UTF_8);
        assertTrue(text.contains("<b>"), "not HTML-escaped: " + text);
    }

    @Test
    void theSameProjectInAnotherFolderGivesTheSameBytes() {
        Artifact here = built();
        Artifact there = TestProject.copyOf("artifact/exports", temporary.resolve("elsewhere")).build().artifact()
                .orElseThrow();

        for (ManifestFormat format : ManifestFormat.values()) {
            assertArrayEquals(OperationManifests.render(format, here), OperationManifests.render(format, there),
                    format.configName());
        }
    }

    @Test
    void springDocumentsAreTheCompactDocumentsByOperationName() {
        Artifact artifact = built();

        Map<String, byte[]> files = SpringDocuments.render(artifact);

        assertEquals(List.of("graphql-documents/AddToCart.graphql", "graphql-documents/ProductList.graphql"),
                List.copyOf(files.keySet()));
        for (ArtifactOperation operation : artifact.operations()) {
            byte[] bytes = files.get("graphql-documents/" + operation.name() + ".graphql");
            assertEquals(operation.document(), new String(bytes, StandardCharsets.UTF_8));
            assertEquals(operation.id().hex(), HexFormat.of().formatHex(sha256Bytes(bytes)));
        }
    }

    private static byte[] sha256Bytes(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
