package io.github.sodagql.core.discovery;

import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.source.ProjectPath;
import io.github.sodagql.core.source.SourceLocation;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Input files are UTF-8. Bytes that are not are read as U+FFFD (so a comment or a string with a stray Latin-1
 * byte still parses), with an {@code INVALID_ENCODING} warning at the first of them: the text we send or generate
 * is then not the text the user wrote.
 */
public final class TextDecoding {
    private TextDecoding() {}

    /** The text of {@code bytes}, a leading byte-order mark dropped. */
    public static String decode(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** A warning at the first byte of {@code bytes} that is not UTF-8, if any; {@code text} is its {@link #decode}. */
    public static Optional<Diagnostic> invalidUtf8(ProjectPath file, byte[] bytes, String text) {
        if (text.indexOf('\uFFFD') < 0) {
            // Every malformed byte decodes to U+FFFD: without one, there is nothing to find.
            return Optional.empty();
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            return Optional.empty();
        }
        out.flip();
        String before = out.toString();
        if (before.startsWith("\uFEFF")) {
            before = before.substring(1);
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < before.length(); i++) {
            char c = before.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == before.length() || before.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        int column = before.codePointCount(lineStart, before.length()) + 1;
        return Optional.of(Diagnostic.at(DiagnosticCode.INVALID_ENCODING, new SourceLocation(file, line, column),
                String.format("Byte 0x%02X is not valid UTF-8; it was read as U+FFFD.", bytes[in.position()] & 0xFF),
                "Save the file as UTF-8 (it may be in Latin-1 or Windows-1252)."));
    }
}
