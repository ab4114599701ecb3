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
 * # soda-gql: ..., v1
 * T	com/example/Foo            (type 0)
 * C	/abs/target/classes        (a classes folder)
 * S	com/example/Foo.java	millis	size	constants(0|1)	declared type ids	referenced type ids
 * </pre>
 *
 * <p>Untrusted, as everything under {@code target/}: a file that does not read back cleanly is ignored (the
 * check then reads the classes again), and nothing in it is ever used as a path: sources are only looked up
 * among the sources found on disk.
 */
final class CompiledSourceIndex {
    static final String FILE = "compiled-classes.txt";
    private static final String HEADER = "# soda-gql: the compiled classes the stale-class check read, by source, v1";
    /** Far above any real project's index (artsy's: about 200 KB): a larger file is not ours. */
    private static final long MAX_BYTES = 64L * 1024 * 1024;

    private CompiledSourceIndex() {}

    /** The sections of the index file, by classes folder; empty if there is none or it does not read back. */
    static Map<String, Map<String, CompiledSource>> read(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
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
                    expect(fields, 7);
                    if (section == null) {
                        throw new IllegalArgumentException("a source outside a classes folder");
                    }
                    section.put(fields[1], new CompiledSource(fields[1], Long.parseLong(fields[2]),
                            Long.parseLong(fields[3]), names(fields[5], types), names(fields[6], types),
                            fields[4].equals("1")));
                }
                default -> throw new IllegalArgumentException("unknown line kind");
            }
        }
        return sections;
    }

    static String format(Map<String, Map<String, CompiledSource>> sections) {
        Map<String, Integer> ids = new TreeMap<>();
        sections.values().forEach(section -> section.values().forEach(source -> {
            source.declaredTypes().forEach(name -> ids.put(name, 0));
            source.referencedTypes().forEach(name -> ids.put(name, 0));
        }));
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        int next = 0;
        for (Map.Entry<String, Integer> id : ids.entrySet()) {
            id.setValue(next++);
            text.append("T\t").append(id.getKey()).append('\n');
        }
        for (Map.Entry<String, Map<String, CompiledSource>> section : new TreeMap<>(sections).entrySet()) {
            text.append("C\t").append(section.getKey()).append('\n');
            for (CompiledSource source : new TreeMap<>(section.getValue()).values()) {
                text.append("S\t").append(source.source()).append('\t').append(source.classMillis()).append('\t')
                        .append(source.classSize()).append('\t').append(source.declaresConstants() ? '1' : '0')
                        .append('\t').append(ids(source.declaredTypes(), ids))
                        .append('\t').append(ids(source.referencedTypes(), ids)).append('\n');
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
