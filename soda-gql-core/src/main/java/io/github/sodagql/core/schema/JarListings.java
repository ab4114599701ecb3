package io.github.sodagql.core.schema;

import io.github.sodagql.core.config.PathGlob;
import io.github.sodagql.core.output.OutputWriter;
import io.github.sodagql.core.source.ContentHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Which entries of each jar match each {@code classpath:} schema path, remembered by the jar's size and mtime, so
 * that a build whose jars did not change opens none of them (opening one reads its whole central directory; a
 * compile classpath has dozens). Kept beside the snapshot as {@value #FILE} for the next process.
 *
 * <p>The memo is a cache and untrusted: it holds no absolute path (a jar is named by the hash of its path), its
 * size and every count are bounded, and every remembered entry must be a plain relative name that matches the
 * pattern it is remembered for. Anything else makes the whole memo a miss: the jars are listed again. An entry the
 * memo names but the jar lacks is found when it is read, and the memo is discarded ({@link #discard}).
 */
final class JarListings {
    static final String FILE = "classpath-listings";
    private static final String MAGIC = "soda-gql classpath listings 1";
    /** Far above any real memo (a record per jar and pattern, a few names each); a larger file is not read. */
    static final long MAX_BYTES = 4L << 20;
    static final int MAX_RECORDS = 20_000;
    static final int MAX_MATCHES = 10_000;
    static final int MAX_NAME_LENGTH = 1_024;

    /** One jar, as stat saw it, and one pattern: an entry path, or a folder and a glob below it. */
    record Key(ContentHash jar, long size, long modifiedMillis, String pattern) {
        Key {
            Objects.requireNonNull(jar, "jar");
            Objects.requireNonNull(pattern, "pattern");
        }
    }

    private final Map<Key, List<String>> remembered;
    private final Map<Key, List<String>> used = new LinkedHashMap<>();
    private int jarsOpened;

    private JarListings(Map<Key, List<String>> remembered) {
        this.remembered = remembered;
    }

    static JarListings empty() {
        return new JarListings(Map.of());
    }

    /** The memo in {@code stateDirectory}, or an empty one when it is missing or anything in it is wrong. */
    static JarListings read(Path stateDirectory) {
        Path file = stateDirectory.resolve(FILE);
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                return empty();
            }
            return new JarListings(parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            return empty();
        }
    }

    private static Map<Key, List<String>> parse(String text) {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).equals(MAGIC)) {
            throw new IllegalArgumentException("not a listings memo");
        }
        Map<Key, List<String>> records = new LinkedHashMap<>();
        int at = 1;
        while (at < lines.size()) {
            // jar <path hash> <size> <mtime> <count> <pattern>
            String[] head = lines.get(at++).split(" ", 6);
            if (head.length != 6 || !head[0].equals("jar") || records.size() >= MAX_RECORDS) {
                throw new IllegalArgumentException("bad record");
            }
            Key key = new Key(new ContentHash(head[1]), Long.parseLong(head[2]), Long.parseLong(head[3]), head[5]);
            int count = Integer.parseInt(head[4]);
            if (count < 0 || count > MAX_MATCHES || at + count > lines.size() || !ClasspathSchemas.isValidPattern(key.pattern())) {
                throw new IllegalArgumentException("bad count or pattern");
            }
            List<String> matches = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String name = lines.get(at++);
                if (!ClasspathSchemas.isPlainEntryName(name) || name.length() > MAX_NAME_LENGTH
                        || !matches(key.pattern(), name)) {
                    throw new IllegalArgumentException("bad entry");
                }
                matches.add(name);
            }
            records.put(key, List.copyOf(matches));
        }
        return records;
    }

    /** The entries of {@code jar} that {@code pattern} selects, sorted: remembered, or listed now. */
    List<String> matches(Path jar, long size, long modifiedMillis, String pattern) throws IOException {
        Key key = new Key(ContentHash.of(jar.toAbsolutePath().normalize().toString()), size, modifiedMillis, pattern);
        List<String> known = used.get(key);
        if (known == null) {
            known = remembered.get(key);
        }
        if (known == null) {
            known = list(jar, pattern);
        }
        used.put(key, known);
        return known;
    }

    private List<String> list(Path jar, String pattern) throws IOException {
        jarsOpened++;
        List<String> found = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (!ClasspathSchemas.isGlob(pattern)) {
                ZipEntry entry = zip.getEntry(pattern);
                return entry == null || entry.isDirectory() ? List.of() : List.of(pattern);
            }
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!entry.isDirectory() && ClasspathSchemas.isPlainEntryName(name) && matches(pattern, name)) {
                    found.add(name);
                }
            }
        }
        found.sort(null);
        return List.copyOf(found);
    }

    /** Whether an entry name is selected by a pattern: the name itself, or a glob below the folder it starts with. */
    static boolean matches(String pattern, String name) {
        if (!ClasspathSchemas.isGlob(pattern)) {
            return pattern.equals(name);
        }
        String base = ClasspathSchemas.globBase(pattern);
        if (!base.isEmpty() && !name.startsWith(base + "/")) {
            return false;
        }
        String below = base.isEmpty() ? name : name.substring(base.length() + 1);
        return new PathGlob(pattern.substring(base.isEmpty() ? 0 : base.length() + 1)).matches(Path.of(below));
    }

    /** Deletes the memo: it named an entry a jar lacks, so every jar is listed again. */
    static void discard(Path stateDirectory) {
        try {
            Files.deleteIfExists(stateDirectory.resolve(FILE));
        } catch (IOException e) {
            // The read that found the entry missing reports the problem.
        }
    }

    /** How many jars this memo had to open. */
    int jarsOpened() {
        return jarsOpened;
    }

    /**
     * Saves what this build used, when it differs from what was read: jars no longer on the classpath drop out.
     * Only a cache, so a failure is ignored (the next build lists the jars again).
     */
    void save(Path stateDirectory) {
        if (used.equals(remembered) || used.size() > MAX_RECORDS) {
            return;
        }
        StringBuilder text = new StringBuilder(MAGIC).append('\n');
        for (Map.Entry<Key, List<String>> record : used.entrySet()) {
            Key key = record.getKey();
            if (record.getValue().size() > MAX_MATCHES) {
                return;
            }
            text.append("jar ").append(key.jar().hex()).append(' ').append(key.size()).append(' ')
                    .append(key.modifiedMillis()).append(' ').append(record.getValue().size()).append(' ')
                    .append(key.pattern()).append('\n');
            record.getValue().forEach(name -> text.append(name).append('\n'));
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            return;
        }
        try {
            OutputWriter.writeAtomically(stateDirectory.resolve(FILE), bytes);
        } catch (IOException | RuntimeException e) {
            // Only a cache.
        }
    }
}
