package io.github.sodagql.core.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this compiler, with graphql-java's: a snapshot written by another version is not trusted,
 * because parsing, printing (ids) or generation may differ.
 */
final class CompilerVersion {
    static final String CURRENT = read();

    private CompilerVersion() {}

    private static String read() {
        try (InputStream in = CompilerVersion.class.getResourceAsStream("/io/github/sodagql/core/version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown") + "/graphql-java-" + properties.getProperty("graphql-java", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
