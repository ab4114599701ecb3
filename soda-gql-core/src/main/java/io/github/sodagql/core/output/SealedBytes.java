package io.github.sodagql.core.output;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * A state file's bytes followed by their CRC32C: a damaged state file that still parses must not be trusted.
 * Every binary state file ends so ({@code session.SnapshotStore} has its own copy of this rule, to be moved
 * here; {@code recompile.ClassIndex} uses this one).
 */
public final class SealedBytes {
    private SealedBytes() {}

    /** {@code body} followed by its checksum. */
    public static byte[] seal(byte[] body) {
        CRC32C checksum = new CRC32C();
        checksum.update(body);
        byte[] whole = Arrays.copyOf(body, body.length + Long.BYTES);
        ByteBuffer.wrap(whole, body.length, Long.BYTES).putLong(checksum.getValue());
        return whole;
    }

    /** Whether {@code whole} ends with the checksum of what precedes it, as {@link #seal} wrote it. */
    public static boolean intact(byte[] whole) {
        if (whole.length < Long.BYTES) {
            return false;
        }
        CRC32C checksum = new CRC32C();
        checksum.update(whole, 0, whole.length - Long.BYTES);
        return ByteBuffer.wrap(whole, whole.length - Long.BYTES, Long.BYTES).getLong() == checksum.getValue();
    }

    /** The length of the body of an {@link #intact} array. */
    public static int bodyLength(byte[] whole) {
        return whole.length - Long.BYTES;
    }
}
