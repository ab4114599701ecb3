package io.github.sodagql.core.source;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.commons.codec.digest.DigestUtils;

/** A lowercase hex SHA-256. The one hash of the project: file contents, schema, config and operation ids. */
public record ContentHash(String hex) {

    public ContentHash {
        Objects.requireNonNull(hex, "hex");
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Not a SHA-256 hex digest: '" + hex + "'");
        }
    }

    public static ContentHash of(byte[] bytes) {
        return new ContentHash(DigestUtils.sha256Hex(bytes));
    }

    public static ContentHash of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return hex;
    }
}
