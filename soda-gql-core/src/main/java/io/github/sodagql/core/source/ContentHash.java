package io.github.sodagql.core.source;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.commons.codec.digest.DigestUtils;

/** A lowercase hex SHA-256. The one hash of the project: file contents, schema, config and operation ids. */
public record ContentHash(String hex) {

    public ContentHash {
        Objects.requireNonNull(hex, "hex");
        if (!isLowercaseSha256Hex(hex)) {
            throw new IllegalArgumentException("Not a SHA-256 hex digest: '" + hex + "'");
        }
    }

    // A loop, not String.matches: a snapshot load builds one hash per input and per output, and compiling
    // the pattern each time was a tenth of a no-op build.
    private static boolean isLowercaseSha256Hex(String hex) {
        if (hex.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = hex.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
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
