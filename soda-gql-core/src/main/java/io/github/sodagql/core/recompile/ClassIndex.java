package io.github.sodagql.core.recompile;

import io.github.sodagql.core.output.OutputWriter;
import io.github.sodagql.core.output.SealedBytes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@link ClassFile#parse} found in each class file of one classes folder, keyed by the file's path
 * relative to the folder with the size and modification time it had when it was read: a check parses only
 * the class files whose stat differs (the few javac wrote since), and reuses the rest.
 *
 * <p>Kept in the state folder, one file per classes folder ({@code class-index-<hash of its path>.bin}, the
 * folder's path inside too, so two folders never share one). The file is untrusted, as everything under
 * {@code target/} is: a magic and version header, a string table, every count and index bounded by the
 * file's size, a CRC32C at the end; anything inconsistent discards the whole index (the check then reads
 * every class, as without one). Its paths are only ever compared with the paths a walk of the folder found,
 * never resolved, so a forged index can at most lie about what a class refers to, as a forged class can.
 */
final class ClassIndex {
    static final String FILE_PREFIX = "class-index-";
    static final int FORMAT_VERSION = 1;
    private static final int MAGIC = 0x53474349; // "SGCI"
    /** Far above a real project's (artsy: about 2 MB for 10,585 classes); a bigger file is not read. */
    static final long MAX_BYTES = 64L << 20;

    /** One class file as it was when read: its stat and what it says. */
    record Entry(long size, long modifiedNanos, ClassFile type) {}

    /** An index loaded from the state folder; {@code problem} says why a present file was not used. */
    record Loaded(ClassIndex index, Optional<String> problem, Optional<byte[]> bytes, long writtenNanos) {}

    private final SortedMap<String, Entry> entries;

    ClassIndex(Map<String, Entry> entries) {
        this.entries = new TreeMap<>(entries);
    }

    static ClassIndex empty() {
        return new ClassIndex(Map.of());
    }

    /**
     * The entry of a class file whose stat is still the one it was read with. Never for a modification time
     * of 0 (the check's own "stale" mark: the file is about to be rewritten, and any tool may set 0), nor for
     * one not older than the index file itself: a file rewritten in the same clock tick as it was read would
     * keep its stat (the "racy clean" case git knows).
     */
    Optional<ClassFile> unchanged(String relativePath, long size, long modifiedNanos, long indexWrittenNanos) {
        Entry entry = entries.get(relativePath);
        if (entry == null || entry.size() != size || entry.modifiedNanos() != modifiedNanos || modifiedNanos == 0
                || modifiedNanos >= indexWrittenNanos) {
            return Optional.empty();
        }
        return Optional.of(entry.type());
    }

    int size() {
        return entries.size();
    }

    /** The index file of {@code classes} in {@code stateDirectory}. */
    static Path fileFor(Path stateDirectory, Path classes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key(classes).getBytes(StandardCharsets.UTF_8));
            return stateDirectory.resolve(FILE_PREFIX + HexFormat.of().formatHex(hash, 0, 8) + ".bin");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String key(Path classes) {
        return classes.toAbsolutePath().normalize().toString();
    }

    /** The index of {@code classes}: empty when absent (silently) or unusable (with the reason). */
    static Loaded load(Path stateDirectory, Path classes) {
        Path file = fileFor(stateDirectory, classes);
        byte[] whole;
        long written;
        try {
            written = Files.getLastModifiedTime(file).to(java.util.concurrent.TimeUnit.NANOSECONDS);
            if (Files.size(file) > MAX_BYTES) {
                return unusable(file, "it is larger than " + (MAX_BYTES >> 20) + " MB");
            }
            whole = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Loaded(empty(), Optional.empty(), Optional.empty(), 0);
        } catch (IOException | UncheckedIOException e) {
            return unusable(file, "it cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (whole.length > MAX_BYTES) {
            return unusable(file, "it is larger than " + (MAX_BYTES >> 20) + " MB");
        }
        if (!SealedBytes.intact(whole)) {
            return unusable(file, "its checksum does not match its content");
        }
        try {
            Optional<ClassIndex> index = decode(whole, classes);
            return index.map(i -> new Loaded(i, Optional.<String>empty(), Optional.of(whole), written))
                    .orElseGet(() -> new Loaded(empty(), Optional.empty(), Optional.empty(), 0));
        } catch (IOException | IllegalArgumentException e) {
            return unusable(file, "it is damaged (" + e.getMessage() + ")");
        }
    }

    private static Loaded unusable(Path file, String why) {
        return new Loaded(empty(), Optional.of("ignoring the class index " + file + ": " + why
                + "; reading every class file instead"), Optional.empty(), 0);
    }

    /** Saves the index of {@code classes}, atomically, unless the file already holds exactly these bytes. */
    void save(Path stateDirectory, Path classes, Optional<byte[]> current) throws IOException {
        byte[] bytes = encode(classes);
        if (current.isPresent() && java.util.Arrays.equals(current.get(), bytes)) {
            return;
        }
        OutputWriter.writeAtomically(fileFor(stateDirectory, classes), bytes);
    }

    byte[] encode(Path classes) {
        Map<String, Integer> table = new LinkedHashMap<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream(64 + entries.size() * 64);
        try (DataOutputStream out = new DataOutputStream(body)) {
            // The string table first in use order: index every string before writing anything.
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                intern(table, e.getKey());
                ClassFile type = e.getValue().type();
                intern(table, type.name());
                type.sourceFile().ifPresent(s -> intern(table, s));
                type.referencedTypes().stream().sorted().forEach(r -> intern(table, r));
            }
            out.writeInt(MAGIC);
            out.writeInt(FORMAT_VERSION);
            out.writeUTF(key(classes));
            out.writeInt(table.size());
            for (String string : table.keySet()) {
                out.writeUTF(string);
            }
            out.writeInt(entries.size());
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                ClassFile type = e.getValue().type();
                out.writeInt(table.get(e.getKey()));
                out.writeLong(e.getValue().size());
                out.writeLong(e.getValue().modifiedNanos());
                out.writeInt(table.get(type.name()));
                out.writeInt(type.sourceFile().map(table::get).orElse(-1));
                out.writeBoolean(type.declaresConstants());
                List<String> references = type.referencedTypes().stream().sorted().toList();
                out.writeInt(references.size());
                for (String reference : references) {
                    out.writeInt(table.get(reference));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SealedBytes.seal(body.toByteArray());
    }

    private static void intern(Map<String, Integer> table, String string) {
        table.putIfAbsent(string, table.size());
    }

    /**
     * The index in {@code whole} (already checked against its checksum); empty for another format version or
     * another folder's index (not damage: an upgrade, a moved project); an exception for anything inconsistent.
     */
    static Optional<ClassIndex> decode(byte[] whole, Path classes) throws IOException {
        int length = SealedBytes.bodyLength(whole);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(whole, 0, length));
        if (in.readInt() != MAGIC) {
            throw new IllegalArgumentException("not a soda-gql class index");
        }
        if (in.readInt() != FORMAT_VERSION) {
            return Optional.empty();
        }
        if (!in.readUTF().equals(key(classes))) {
            return Optional.empty();
        }
        // Each string takes at least 2 bytes, each entry at least 33, each reference 4: no count may exceed that.
        String[] strings = new String[bounded(in.readInt(), in.available() / 2, "string count")];
        for (int i = 0; i < strings.length; i++) {
            strings[i] = in.readUTF();
        }
        int count = bounded(in.readInt(), in.available() / 33, "entry count");
        Map<String, Entry> entries = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String path = string(strings, in.readInt());
            if (!isPlainClassPath(path)) {
                throw new IllegalArgumentException("not a relative class file path: " + path);
            }
            long size = in.readLong();
            long modified = in.readLong();
            String name = string(strings, in.readInt());
            int source = in.readInt();
            Optional<String> sourceFile = source == -1 ? Optional.empty() : Optional.of(string(strings, source));
            boolean constants = in.readBoolean();
            int references = bounded(in.readInt(), in.available() / 4, "reference count");
            Set<String> referenced = new HashSet<>();
            for (int r = 0; r < references; r++) {
                referenced.add(string(strings, in.readInt()));
            }
            if (size < 0 || entries.put(path, new Entry(size, modified,
                    new ClassFile(name, sourceFile, referenced, constants))) != null) {
                throw new IllegalArgumentException("an inconsistent entry for " + path);
            }
        }
        if (in.available() != 0) {
            throw new IllegalArgumentException("bytes after the last entry");
        }
        return Optional.of(new ClassIndex(entries));
    }

    private static int bounded(int count, int limit, String what) {
        if (count < 0 || count > limit) {
            throw new IllegalArgumentException(what + " " + count + " does not fit the file");
        }
        return count;
    }

    private static String string(String[] strings, int index) {
        if (index < 0 || index >= strings.length) {
            throw new IllegalArgumentException("string index " + index + " out of range");
        }
        return strings[index];
    }

    /** A key a walk could have produced: relative, {@code /}-separated, no {@code ..}, a {@code .class} file. */
    static boolean isPlainClassPath(String path) {
        if (!path.endsWith(".class") || path.startsWith("/") || path.contains("\\") || path.contains(":")) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** The entries, for building the next index from this one. */
    Map<String, Entry> entries() {
        return entries;
    }
}
