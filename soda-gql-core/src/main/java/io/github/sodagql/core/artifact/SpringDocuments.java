package io.github.sodagql.core.artifact;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Spring for GraphQL's document convention: its default {@code DocumentSource} reads
 * {@code graphql-documents/<name>.graphql} from the classpath, so {@code client.documentName("ProductList")}
 * sends the composed document of operation {@code ProductList}. Each file holds exactly the compact document
 * the artifact lists, with no final newline: Spring sends the file's text as it is, so the request carries the
 * same bytes as the generated {@code DOCUMENT}, and its SHA-256 is the operation's id.
 */
public final class SpringDocuments {
    public static final String FOLDER = "graphql-documents";

    private SpringDocuments() {}

    /** Each operation's resource path ({@code graphql-documents/<Name>.graphql}) to its bytes; the first of a duplicate name wins. */
    public static SortedMap<String, byte[]> render(Artifact artifact) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (ArtifactOperation operation : artifact.operations()) {
            files.putIfAbsent(FOLDER + "/" + operation.name() + ".graphql",
                    operation.document().getBytes(StandardCharsets.UTF_8));
        }
        return Collections.unmodifiableSortedMap(files);
    }
}
