package io.github.sodagql.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Jars built by a test, as a dependency would ship them: entries by path, text in UTF-8. */
public final class TestJar {
    private TestJar() {}

    /** Writes a jar holding {@code entries} (path inside the jar to text), sorted; returns it. */
    public static Path write(Path jar, Map<String, String> entries) {
        try {
            Files.createDirectories(jar.toAbsolutePath().getParent());
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
                for (Map.Entry<String, String> entry : new TreeMap<>(entries).entrySet()) {
                    out.putNextEntry(new JarEntry(entry.getKey()));
                    out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets a file's mtime, so that a rewritten jar is seen as new even within the file system's mtime resolution. */
    public static void setModified(Path file, long millis) {
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(millis));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
