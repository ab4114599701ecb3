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
 * F	com/example/	mtime ms	always(0|1)   (a package folder as the check last saw it)
 * S	com/example/Foo.java	mtime ms	size	ctime ns	constants(0|1)	declared ids	referenced ids	supertype ids
 * </pre>
 *
 * <p>Folders are remembered because a class file can appear without any source's stamp moving (an annotation
 * processor's output in a package of its own, what a deleted source left): a folder whose modification time
 * moved has gained or lost an entry and is listed again; one marked {@code always} holds classes no stamp
 * stands for (a source without a class of its own name) and is listed in every check.
 *
 * <p>Untrusted, as everything under {@code target/}: a file that does not read back cleanly, or is larger than
 * the project could need, is ignored (the check then reads the classes again), and nothing in it is ever used
 * as a path: sources are only looked up among the sources found on disk. What it cannot guard against is a
 * forged file with well-formed lines and stamps copied from the class files: it can hide a dependent, as
 * anyone who can write under {@code target/} can by writing the class files themselves.
 */
final class CompiledSourceIndex {
    static final String FILE = "compiled-classes.txt";
    private static final String HEADER = "# soda-gql: the compiled classes the stale-class check read, by source, v3";

    /**
     * What the index holds for one classes folder.
     *
     * @param sources       a summary per source (or per source a leftover class names)
     * @param folders       the modification time of every folder under the classes folder ("" is itself)
     * @param alwaysListed  folders to list in every check
     */
    record Section(Map<String, CompiledSource> sources, Map<String, Long> folders, Set<String> alwaysListed) {
        Section {
            sources = Map.copyOf(sources);
            folders = Map.copyOf(folders);
            alwaysListed = Set.copyOf(alwaysListed);
        }
    }
    /**
     * The most an index may hold: a fixed allowance plus so much per source on disk, far above real ones
     * (artsy's: 270 KB for 1,944 sources); a larger file is not ours, and reading it could exhaust the heap.
     */
    static long maxBytes(int sources) {
        return 1024L * 1024 + 4096L * sources;
    }

    private CompiledSourceIndex() {}

    /** The sections of the index file, by classes folder; empty if there is none or it does not read back. */
    static Map<String, Section> read(Path file, long maxBytes) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > maxBytes) {
                return Map.of();
            }
            return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            return Map.of();
        }
    }

    static Map<String, Section> parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || !lines[0].equals(HEADER)) {
            throw new IllegalArgumentException("not a soda-gql class index");
        }
        List<String> types = new ArrayList<>();
        Map<String, Map<String, CompiledSource>> sources = new HashMap<>();
        Map<String, Map<String, Long>> folders = new HashMap<>();
        Map<String, Set<String>> always = new HashMap<>();
        String section = null;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (!fields[0].equals("T") && !fields[0].equals("C") && section == null) {
                throw new IllegalArgumentException("an entry outside a classes folder");
            }
            switch (fields[0]) {
                case "T" -> {
                    expect(fields, 2);
                    types.add(fields[1]);
                }
                case "C" -> {
                    expect(fields, 2);
                    section = fields[1];
                    sources.put(section, new HashMap<>());
                    folders.put(section, new HashMap<>());
                    always.put(section, new TreeSet<>());
                }
                case "F" -> {
                    expect(fields, 4);
                    folders.get(section).put(fields[1], Long.parseLong(fields[2]));
                    if (fields[3].equals("1")) {
                        always.get(section).add(fields[1]);
                    }
                }
                case "S" -> {
                    expect(fields, 9);
                    ClassStamp stamp = new ClassStamp(Long.parseLong(fields[2]), Long.parseLong(fields[3]),
                            Long.parseLong(fields[4]));
                    sources.get(section).put(fields[1], new CompiledSource(fields[1], stamp, names(fields[6], types),
                            names(fields[7], types), names(fields[8], types), fields[5].equals("1")));
                }
                default -> throw new IllegalArgumentException("unknown line kind");
            }
        }
        Map<String, Section> sections = new HashMap<>();
        sources.forEach((folder, entries) -> sections.put(folder,
                new Section(entries, folders.get(folder), always.get(folder))));
        return sections;
    }

    static String format(Map<String, Section> sections) {
        Map<String, Map<String, CompiledSource>> kept = new TreeMap<>();
        sections.forEach((folder, section) -> {
            if (writable(folder)) {
                Map<String, CompiledSource> sources = new TreeMap<>();
                section.sources().forEach((name, source) -> {
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
            Section whole = sections.get(section.getKey());
            new TreeMap<>(whole.folders()).forEach((folder, millis) -> {
                if (writable(folder)) {
                    text.append("F\t").append(folder).append('\t').append(millis).append('\t')
                            .append(whole.alwaysListed().contains(folder) ? '1' : '0').append('\n');
                }
            });
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
    static void write(Path file, Map<String, Section> sections) throws IOException {
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
