package io.github.sodagql.core.recompile;

import io.github.sodagql.core.output.OutputWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The stale-class check's memory of the classes folders it read: per classes folder, a {@link CompiledSource}
 * for every source. A text file in the state folder: a table of type names, then one section per classes
 * folder with one line per source.
 *
 * <pre>
 * # soda-gql: ..., v2
 * T	com/example/Foo            (type 0)
 * C	/abs/target/classes        (a classes folder)
 * S	com/example/Foo.java	mtime ms	size	ctime ns	constants(0|1)	declared ids	referenced ids	supertype ids
 * </pre>
 *
 * <p>Untrusted, as everything under {@code target/}: a file that does not read back cleanly, or is larger than
 * the project could need, is ignored (the check then reads the classes again), and nothing in it is ever used
 * as a path: sources are only looked up among the sources found on disk. What it cannot guard against is a
 * forged file with well-formed lines and stamps copied from the class files: it can hide a dependent, as
 * anyone who can write under {@code target/} can by writing the class files themselves.
 */
final class CompiledSourceIndex {
    static final String FILE = "compiled-classes.txt";
    private static final String HEADER = "# soda-gql: the compiled classes the stale-class check read, by source, v2";
    /**
     * The most an index may hold: a fixed allowance plus so much per source on disk, far above real ones
     * (artsy's: 270 KB for 1,944 sources); a larger file is not ours, and reading it could exhaust the heap.
     */
    static long maxBytes(int sources) {
        return 1024L * 1024 + 4096L * sources;
    }

    private CompiledSourceIndex() {}

    /** The sections of the index file, by classes folder; empty if there is none or it does not read back. */
    static Map<String, Map<String, CompiledSource>> read(Path file, long maxBytes) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > maxBytes) {
                return Map.of();
            }
            return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            return Map.of();
        }
    }

    static Map<String, Map<String, CompiledSource>> parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || !lines[0].equals(HEADER)) {
            throw new IllegalArgumentException("not a soda-gql class index");
        }
        List<String> types = new ArrayList<>();
        Map<String, Map<String, CompiledSource>> sections = new HashMap<>();
        Map<String, CompiledSource> section = null;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            switch (fields[0]) {
                case "T" -> {
                    expect(fields, 2);
                    types.add(fields[1]);
                }
                case "C" -> {
                    expect(fields, 2);
                    section = new HashMap<>();
                    sections.put(fields[1], section);
                }
                case "S" -> {
                    expect(fields, 9);
                    if (section == null) {
                        throw new IllegalArgumentException("a source outside a classes folder");
                    }
                    ClassStamp stamp = new ClassStamp(Long.parseLong(fields[2]), Long.parseLong(fields[3]),
                            Long.parseLong(fields[4]));
                    section.put(fields[1], new CompiledSource(fields[1], stamp, names(fields[6], types),
                            names(fields[7], types), names(fields[8], types), fields[5].equals("1")));
                }
                default -> throw new IllegalArgumentException("unknown line kind");
            }
        }
        return sections;
    }

    static String format(Map<String, Map<String, CompiledSource>> sections) {
        Map<String, Map<String, CompiledSource>> kept = new TreeMap<>();
        sections.forEach((folder, section) -> {
            if (writable(folder)) {
                Map<String, CompiledSource> sources = new TreeMap<>();
                section.forEach((name, source) -> {
                    if (writable(source)) {
                        sources.put(name, source);
                    }
                });
                kept.put(folder, sources);
            }
        });
        Map<String, Integer> ids = new TreeMap<>();
        kept.values().forEach(section -> section.values().forEach(source -> {
            source.declaredTypes().forEach(name -> ids.put(name, 0));
            source.referencedTypes().forEach(name -> ids.put(name, 0));
            source.supertypes().forEach(name -> ids.put(name, 0));
        }));
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        int next = 0;
        for (Map.Entry<String, Integer> id : ids.entrySet()) {
            id.setValue(next++);
            text.append("T\t").append(id.getKey()).append('\n');
        }
        for (Map.Entry<String, Map<String, CompiledSource>> section : kept.entrySet()) {
            text.append("C\t").append(section.getKey()).append('\n');
            for (CompiledSource source : section.getValue().values()) {
                ClassStamp stamp = source.stamp();
                text.append("S\t").append(source.source()).append('\t').append(stamp.modifiedMillis()).append('\t')
                        .append(stamp.size()).append('\t').append(stamp.changedNanos()).append('\t')
                        .append(source.declaresConstants() ? '1' : '0')
                        .append('\t').append(ids(source.declaredTypes(), ids))
                        .append('\t').append(ids(source.referencedTypes(), ids))
                        .append('\t').append(ids(source.supertypes(), ids)).append('\n');
            }
        }
        return text.toString();
    }

    /** Writes the index if it differs from the file's bytes (a build that read no class leaves it as it was). */
    static void write(Path file, Map<String, Map<String, CompiledSource>> sections) throws IOException {
        byte[] bytes = format(sections).getBytes(StandardCharsets.UTF_8);
        if (Files.isRegularFile(file) && Files.size(file) == bytes.length
                && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
            return;
        }
        OutputWriter.writeAtomically(file, bytes);
    }

    /**
     * Whether an entry can be written and read back: a name with a tab or a line break would break the
     * format, and a summary without a stamp would never be trusted. Left out, such a source's classes are
     * simply read again next time.
     */
    private static boolean writable(CompiledSource source) {
        return !source.stamp().equals(ClassStamp.NONE) && writable(source.source())
                && source.declaredTypes().stream().allMatch(CompiledSourceIndex::writable)
                && source.referencedTypes().stream().allMatch(CompiledSourceIndex::writable)
                && source.supertypes().stream().allMatch(CompiledSourceIndex::writable);
    }

    private static boolean writable(String text) {
        return text.indexOf('\t') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0;
    }

    private static void expect(String[] fields, int count) {
        if (fields.length != count) {
            throw new IllegalArgumentException("expected " + count + " fields");
        }
    }

    private static Set<String> names(String ids, List<String> types) {
        Set<String> names = new TreeSet<>();
        if (ids.isEmpty()) {
            return names;
        }
        for (String id : ids.split(" ")) {
            int index = Integer.parseInt(id);
            if (index < 0 || index >= types.size()) {
                throw new IllegalArgumentException("unknown type " + id);
            }
            names.add(types.get(index));
        }
        return names;
    }

    private static String ids(Set<String> names, Map<String, Integer> ids) {
        StringBuilder text = new StringBuilder();
        for (String name : new TreeSet<>(names)) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(ids.get(name));
        }
        return text.toString();
    }
}
