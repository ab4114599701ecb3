package io.github.sodagql.core.recompile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Makes maven-compiler-plugin's "compile only stale sources" mode ({@code useIncrementalCompilation=false})
 * safe: before javac runs, it makes stale the class of every source that depends on a source javac is about
 * to compile (it is newer than its class) or on a generated source soda-gql removed, so that code using a
 * removed or changed member fails to compile in the same build instead of at run time.
 *
 * <p>What it touches under the classes folders, and why it may:
 * <ul>
 *   <li>a dependent's class gets the modification time 0 (1970): its bytes stay as javac wrote them; the
 *       compiler's own rule (source newer than class) then compiles the source again, which rewrites it;</li>
 *   <li>a class compiled from a generated source that soda-gql wrote and then removed is deleted: it is the
 *       compiled form of our own output, named in our ledger of generated sources, in that source's package
 *       folder, with a {@code SourceFile} attribute naming it, and no source root holds that file any more.
 *       Left in place, it would keep code that uses the removed type compiling.</li>
 * </ul>
 * Nothing else is changed. The ledger ({@value #LEDGER_FILE} in the state folder) is the list of generated
 * sources as this check last saw them; without it (a first build, a deleted state folder) removals since the
 * last check cannot be told from a user's classes and are not cleaned up. Stateless otherwise: what is stale
 * is read from the file system each time, so a build stopped half-way leaves nothing the next one misses.
 */
public final class StaleClassMarker {
    public static final String LEDGER_FILE = "generated-sources.txt";
    private static final String LEDGER_HEADER = "# soda-gql: the generated sources as the last stale-class check saw them, v1";
    private static final FileTime STALE = FileTime.fromMillis(0);

    private final Path generatedRoot;
    private final Path ledger;

    /**
     * @param generatedRoot  the folder soda-gql generates sources into (one of the main compilation's roots)
     * @param stateDirectory soda-gql's state folder, where the ledger lives
     */
    public StaleClassMarker(Path generatedRoot, Path stateDirectory) {
        this.generatedRoot = generatedRoot.toAbsolutePath().normalize();
        this.ledger = stateDirectory.resolve(LEDGER_FILE);
    }

    /** @param compilations in build order: the main sources first, then the tests (which see the main classes) */
    public StaleClassReport mark(List<Compilation> compilations) {
        List<String> warnings = new ArrayList<>();
        int stale = 0;
        int read = 0;
        List<String> marked = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        try {
            SortedSet<String> generated = javaFiles(generatedRoot).keySet().stream()
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
            Set<String> previous = readLedger();
            Set<String> incoming = Set.of();
            for (Compilation compilation : compilations) {
                Map<String, Path> sources = new LinkedHashMap<>();
                boolean holdsGenerated = false;
                for (Path root : compilation.sourceRoots()) {
                    Path normalized = root.toAbsolutePath().normalize();
                    holdsGenerated |= normalized.equals(generatedRoot);
                    javaFiles(normalized).forEach(sources::putIfAbsent);
                }
                Path classes = compilation.classesDirectory();
                Set<String> staleSources = new TreeSet<>();
                boolean changedWithClasses = false;
                for (Map.Entry<String, Path> source : sources.entrySet()) {
                    Path type = classes.resolve(classFileOf(source.getKey()));
                    if (!Files.isRegularFile(type)) {
                        staleSources.add(source.getKey());
                    } else if (Files.getLastModifiedTime(source.getValue()).toMillis()
                            > Files.getLastModifiedTime(type).toMillis()) {
                        staleSources.add(source.getKey());
                        changedWithClasses = true;
                    }
                }
                stale += staleSources.size();
                Set<String> removed = new TreeSet<>();
                if (holdsGenerated) {
                    for (String source : previous) {
                        if (!generated.contains(source) && !sources.containsKey(source)) {
                            removed.add(source);
                        }
                    }
                }
                if (!changedWithClasses && removed.isEmpty() && incoming.isEmpty()) {
                    continue;
                }
                Map<String, ClassFile> classFiles = readClasses(classes, warnings);
                read += classFiles.size();
                RecompilePlan plan = RecompilePlan.of(classFiles, sources.keySet(), staleSources, removed, incoming,
                        (source, names) -> mentions(sources.get(source), names));
                for (String file : plan.deleted()) {
                    Files.deleteIfExists(classes.resolve(file));
                    deleted.add(file);
                }
                for (String source : plan.marked()) {
                    Path type = classes.resolve(classFileOf(source));
                    if (Files.isRegularFile(type)) {
                        Files.setLastModifiedTime(type, STALE);
                    }
                    marked.add(source);
                }
                incoming = plan.changedTypes();
            }
            writeLedger(generated);
        } catch (IOException | UncheckedIOException e) {
            warnings.add("cannot check the compiled classes for stale ones (" + e.getMessage()
                    + "); if code using a changed generated type still compiles, run `mvn clean compile`");
        }
        return new StaleClassReport(stale, read, marked, deleted, warnings);
    }

    /** The compiler's mapping from a source to the class it compares it with. */
    static String classFileOf(String source) {
        return source.substring(0, source.length() - ".java".length()) + ".class";
    }

    private static Map<String, Path> javaFiles(Path root) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> p.getFileName().toString().endsWith(".java") && Files.isRegularFile(p)).sorted()
                    .forEach(p -> files.put(root.relativize(p).toString().replace('\\', '/'), p));
        }
        return files;
    }

    private static Map<String, ClassFile> readClasses(Path classes, List<String> warnings) throws IOException {
        Map<String, ClassFile> found = new HashMap<>();
        if (!Files.isDirectory(classes)) {
            return found;
        }
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) walk.filter(p -> p.getFileName().toString().endsWith(".class"))::iterator) {
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                String relative = classes.relativize(file).toString().replace('\\', '/');
                try {
                    ClassFile parsed = ClassFile.parse(Files.readAllBytes(file));
                    // A class in a folder its name does not match is not one javac wrote for this layout.
                    if ((parsed.name() + ".class").equals(relative)) {
                        found.put(relative, parsed);
                    }
                } catch (IllegalArgumentException e) {
                    warnings.add("ignoring " + file + ": " + e.getMessage());
                }
            }
        }
        return found;
    }

    /** Whether the source's text has any of the names as a Java identifier (comments and strings included). */
    static boolean mentions(Path source, Set<String> names) {
        if (source == null || names.isEmpty()) {
            return false;
        }
        String text;
        try {
            text = new String(Files.readAllBytes(source), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return mentions(text, names);
    }

    static boolean mentions(String text, Set<String> names) {
        int i = 0;
        int length = text.length();
        while (i < length) {
            if (Character.isJavaIdentifierStart(text.charAt(i))) {
                int start = i++;
                while (i < length && Character.isJavaIdentifierPart(text.charAt(i))) {
                    i++;
                }
                if (names.contains(text.substring(start, i))) {
                    return true;
                }
            } else {
                i++;
            }
        }
        return false;
    }

    private Set<String> readLedger() throws IOException {
        Set<String> sources = new TreeSet<>();
        if (!Files.isRegularFile(ledger)) {
            return sources;
        }
        List<String> lines = Files.readAllLines(ledger, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(LEDGER_HEADER)) {
            return sources;
        }
        for (String line : lines.subList(1, lines.size())) {
            // Untrusted: only plain relative .java paths inside the generated folder.
            if (line.endsWith(".java") && !line.startsWith("/") && !line.contains("..") && !line.contains("\\")) {
                sources.add(line);
            }
        }
        return sources;
    }

    private void writeLedger(SortedSet<String> generated) throws IOException {
        StringBuilder text = new StringBuilder(LEDGER_HEADER).append('\n');
        generated.forEach(source -> text.append(source).append('\n'));
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        if (Files.isRegularFile(ledger) && java.util.Arrays.equals(Files.readAllBytes(ledger), bytes)) {
            return;
        }
        Files.createDirectories(ledger.getParent());
        Path temporary = Files.createTempFile(ledger.getParent(), LEDGER_FILE, ".tmp");
        try {
            Files.write(temporary, bytes);
            try {
                Files.move(temporary, ledger, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, ledger, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
