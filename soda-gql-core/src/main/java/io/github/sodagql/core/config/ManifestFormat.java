package io.github.sodagql.core.config;

import java.util.Arrays;
import java.util.Optional;

/** A persisted-query manifest format that servers and gateways read, by the name users configure it with. */
public enum ManifestFormat {
    /** Apollo's persisted-query manifest ({@code "format": "apollo-persisted-query-manifest", "version": 1}). */
    APOLLO("apollo", "persisted-query-manifest.json"),
    /** The GraphQL-over-HTTP persisted documents map, {@code {"sha256:<hex>": "<document>"}}. */
    PERSISTED_DOCUMENTS("persisted-documents", "persisted-documents.json");

    private final String configName;
    private final String fileName;

    ManifestFormat(String configName, String fileName) {
        this.configName = configName;
        this.fileName = fileName;
    }

    /** The name in the {@code operationManifests} parameter. */
    public String configName() {
        return configName;
    }

    /** The manifest's file name, in the state directory and on the classpath. */
    public String fileName() {
        return fileName;
    }

    public static Optional<ManifestFormat> named(String configName) {
        return Arrays.stream(values()).filter(format -> format.configName.equals(configName.strip())).findFirst();
    }
}
