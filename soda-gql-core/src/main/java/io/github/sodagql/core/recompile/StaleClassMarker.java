package io.github.sodagql.core.recompile;

import io.github.sodagql.core.output.OutputWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
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
 * last check cannot be told from a user's classes and are not cleaned up. What is stale is read from the file
 * system each time, so a build stopped half-way leaves nothing the next one misses.
 *
 * <p>Reading every class file is most of the check's cost (artsy: 10,585 classes, 36 MB, about a second in a
 * fresh JVM), so what it read is kept in an index ({@value CompiledSourceIndex#FILE}): one entry per source
 * stamped with its class file's {@link ClassStamp} (javac rewrites that file whenever it compiles the source,
 * and the check stats it anyway to find the stale sources, so an unchanged stamp costs nothing to trust),
 * and the modification time of every folder, so that class files no stamp covers are found when their folder
 * changes. Only the classes of sources compiled since, and the unknown classes of changed folders, are read
 * again. Building the index reads every class once: the first check that finds compiled classes and no index
 * (the build after a clean one) does it.
 */
public final class StaleClassMarker {
    public static final String LEDGER_FILE = "generated-sources.txt";
    private static final String LEDGER_HEADER = "# soda-gql: the generated sources as the last stale-class check saw them, v1";
    private static final FileTime STALE = FileTime.fromMillis(0);

    private final Path generatedRoot;
    private final Path ledger;
    private final Path index;

    /**
     * @param generatedRoot  the folder soda-gql generates sources into (one of the main compilation's roots)
     * @param stateDirectory soda-gql's state folder, where the ledger lives
     */
    public StaleClassMarker(Path generatedRoot, Path stateDirectory) {
        this.generatedRoot = generatedRoot.toAbsolutePath().normalize();
        this.ledger = stateDirectory.resolve(LEDGER_FILE);
        this.index = stateDirectory.resolve(CompiledSourceIndex.FILE);
    }

    /** @param compilations in build order: the main sources first, then the tests (which see the main classes) */
    public StaleClassReport mark(List<Compilation> compilations) {
        List<String> warnings = new ArrayList<>();
        int stale = 0;
        int read = 0;
        List<String> marked = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        try {
            Map<String, Path> generatedFiles = javaFiles(generatedRoot);
            SortedSet<String> generated = new TreeSet<>(generatedFiles.keySet());
            Set<String> previous = readLedger(generated.size(), warnings);
            List<Map<String, Path>> sourcesOf = new ArrayList<>();
            Set<Integer> holdingGenerated = new HashSet<>();
            int sourceCount = 0;
            for (Compilation compilation : compilations) {
                Map<String, Path> sources = new LinkedHashMap<>();
                for (Path root : compilation.sourceRoots()) {
                    Path normalized = root.toAbsolutePath().normalize();
                    if (normalized.equals(generatedRoot)) {
                        holdingGenerated.add(sourcesOf.size());
                    }
                    (normalized.equals(generatedRoot) ? generatedFiles : javaFiles(normalized)).forEach(sources::putIfAbsent);
                }
                sourcesOf.add(sources);
                sourceCount += sources.size();
            }
            Map<String, CompiledSourceIndex.Section> known =
                    CompiledSourceIndex.read(index, CompiledSourceIndex.maxBytes(sourceCount));
            Map<String, CompiledSourceIndex.Section> remembered = new TreeMap<>();
            Set<String> incoming = Set.of();
            for (int c = 0; c < compilations.size(); c++) {
                Compilation compilation = compilations.get(c);
                Map<String, Path> sources = sourcesOf.get(c);
                Path classes = compilation.classesDirectory();
                Set<String> staleSources = new TreeSet<>();
                Map<String, ClassStamp> stamps = new HashMap<>();
                boolean changedWithClasses = false;
                for (Map.Entry<String, Path> source : sources.entrySet()) {
                    Path classFile = classes.resolve(classFileOf(source.getKey()));
                    ClassStamp stamp = ClassStamp.of(classFile);
                    if (stamp == null) {
                        if (Files.isSymbolicLink(classFile)) {
                            warnings.add(classFile + " is a symbolic link: the stale-class check neither reads nor touches "
                                    + "files through links, so its source is not made stale when what it uses changes; "
                                    + "if a change does not show, run `mvn clean compile`");
                        }
                        staleSources.add(source.getKey());
                        continue;
                    }
                    stamps.put(source.getKey(), stamp);
                    if (Files.getLastModifiedTime(source.getValue()).toMillis() > stamp.modifiedMillis()) {
                        staleSources.add(source.getKey());
                        changedWithClasses = true;
                    }
                }
                stale += staleSources.size();
                Set<String> removed = new TreeSet<>();
                if (holdingGenerated.contains(c)) {
                    for (String source : previous) {
                        if (!generated.contains(source) && !sources.containsKey(source)) {
                            removed.add(source);
                        }
                    }
                }
                String folder = classes.toAbsolutePath().normalize().toString();
                Map<String, CompiledSource> summaries;
                Map<String, ClassFile> classFiles = null;
                Map<String, Long> folders = new HashMap<>();
                if (stamps.isEmpty()) {
                    // Nothing compiled yet: javac compiles every source, nothing can be stale.
                    summaries = Map.of();
                    classFiles = Map.of();
                } else if (!removed.isEmpty() || !known.containsKey(folder)
                        // More entries than sources and leftovers could explain: not an index this check wrote.
                        || known.get(folder).sources().size() > 2 * sources.size() + 1000) {
                    // Deleting needs every class file by name; without an index every class is read anyway.
                    classFiles = readClasses(classes, folders, warnings);
                    read += classFiles.size();
                    summaries = summarize(classes, classFiles.values(), stamps);
                } else {
                    Refresh refresh = refresh(classes, known.get(folder), sources.keySet(), stamps, folders, warnings);
                    read += refresh.read();
                    summaries = refresh.summaries();
                }
                // A source javac compiles in every build because it has no class of its own name (Shapes.java
                // declaring only Circle) still changes the classes it has.
                for (String source : staleSources) {
                    changedWithClasses |= !stamps.containsKey(source) && summaries.containsKey(source);
                }
                // An annotation processor writes its sources again in any compile, and nothing in its classes says
                // from what: when javac compiles anything here, every class of a processor's last output changed.
                Set<String> changedSources = new TreeSet<>(staleSources);
                Set<String> processed = processorSources(compilation, sources.keySet());
                if (!staleSources.isEmpty()) {
                    changedSources.addAll(processed);
                    changedWithClasses |= !processed.isEmpty();
                }
                // Only what javac will not compile now is worth remembering: the rest is rewritten, or (a class
                // left behind by a rename) would keep a stamp that no longer says anything about the source.
                Map<String, CompiledSource> remember = new HashMap<>(summaries);
                remember.keySet().removeAll(staleSources);
                Set<String> alwaysListed = new TreeSet<>();
                summaries.values().stream().filter(summary -> summary.stamp().equals(ClassStamp.NONE))
                        .forEach(summary -> alwaysListed.add(folderOf(summary.source())));
                if (!stamps.isEmpty()) {
                    remembered.put(folder, new CompiledSourceIndex.Section(remember, folders, alwaysListed));
                }
                if (!changedWithClasses && removed.isEmpty() && incoming.isEmpty() || !Files.isDirectory(classes)) {
                    // Nothing changed that has classes here, or nothing compiled here yet (tests never compiled,
                    // -Dmaven.test.skip): no class can be stale.
                    continue;
                }
                if (classFiles == null) {
                    classFiles = new HashMap<>();
                    for (CompiledSource source : summaries.values()) {
                        for (ClassFile type : source.asClasses()) {
                            // Keyed by source too: My.java and My$Type.java both declare what cuts to app/My.
                            classFiles.put(source.source() + ":" + type.name(), type);
                        }
                    }
                }
                // Each source's text is read once, however many rounds of the plan search it.
                Map<String, byte[]> texts = new HashMap<>();
                RecompilePlan.SourceText text = (source, names) -> {
                    Path file = sources.get(source);
                    if (file == null || names.isEmpty()) {
                        return false;
                    }
                    byte[] bytes = texts.get(source);
                    if (bytes == null) {
                        try {
                            bytes = Files.readAllBytes(file);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        texts.put(source, bytes);
                    }
                    return mentions(bytes, names);
                };
                RecompilePlan plan = RecompilePlan.of(classFiles, sources.keySet(), changedSources, removed, incoming, text);
                if (staleSources.isEmpty() && !plan.marked().isEmpty() && !processed.isEmpty()) {
                    // Only what this plan made stale gets compiled here, and the processors run on it too.
                    changedSources.addAll(processed);
                    plan = RecompilePlan.of(classFiles, sources.keySet(), changedSources, removed, incoming, text);
                }
                Path realClasses = classes.toRealPath();
                for (String file : plan.deleted()) {
                    if (insideWithoutLinks(realClasses, classes.resolve(file))) {
                        Files.deleteIfExists(classes.resolve(file));
                        deleted.add(file);
                    }
                }
                for (String source : plan.marked()) {
                    Path type = classes.resolve(classFileOf(source));
                    if (insideWithoutLinks(realClasses, type)) {
                        Files.setLastModifiedTime(type, STALE);
                    } else if (Files.exists(type)) {
                        warnings.add(type + " is reached through a symbolic link: the stale-class check does not touch "
                                + "files through links; if a change does not show, run `mvn clean compile`");
                    }
                    marked.add(source);
                }
                incoming = plan.changedTypes();
            }
            writeLedger(generated);
            // A build in which nothing moved (every no-op) leaves the index as it read it: no formatting, no write.
            if (!remembered.equals(known)) {
                CompiledSourceIndex.write(index, remembered);
            }
        } catch (IOException | UncheckedIOException | java.nio.file.InvalidPathException e) {
            warnings.add("cannot check the compiled classes for stale ones (" + e.getMessage()
                    + "); if code using a changed generated type still compiles, run `mvn clean compile`");
        }
        return new StaleClassReport(stale, read, marked, deleted, warnings);
    }

    /** The sources annotation processors wrote in the compilation's last compile (none if it has no such folder). */
    private static Set<String> processorSources(Compilation compilation, Set<String> sources) throws IOException {
        Set<String> written = new TreeSet<>();
        for (Path output : compilation.processorOutputs()) {
            javaFiles(output.toAbsolutePath().normalize()).keySet().stream()
                    .filter(source -> !sources.contains(source)).forEach(written::add);
        }
        return written;
    }

    /**
     * One {@link CompiledSource} per source that has classes, stamped with its class file's stamp, or
     * {@link ClassStamp#NONE} for a source without a class of its own name (never trusted later). Classes
     * whose source is gone (a user's deleted source leaves them) are summed up too, by the source they name:
     * code compiled against them still uses them, through what they inherit as well.
     */
    private static Map<String, CompiledSource> summarize(Path classes, Collection<ClassFile> classFiles,
            Map<String, ClassStamp> stamps) throws IOException {
        Map<String, List<ClassFile>> bySource = new HashMap<>();
        for (ClassFile type : classFiles) {
            bySource.computeIfAbsent(type.sourcePath(), s -> new ArrayList<>()).add(type);
        }
        Map<String, CompiledSource> summaries = new HashMap<>();
        for (Map.Entry<String, List<ClassFile>> source : bySource.entrySet()) {
            ClassStamp stamp = stamps.containsKey(source.getKey()) ? stamps.get(source.getKey()) : stampOf(classes, source.getKey());
            summaries.put(source.getKey(), CompiledSource.of(source.getKey(), stamp == null ? ClassStamp.NONE : stamp,
                    source.getValue()));
        }
        return summaries;
    }

    private record Refresh(Map<String, CompiledSource> summaries, int read) {}

    /**
     * The index's summaries, brought up to date: a source whose class file still has the stamp it had keeps
     * its summary; the classes of the others (compiled again since, new, or without a class of their own
     * name) are read from their package folders, and so are the unknown classes of every folder that gained or
     * lost an entry since (a processor's output, what a deleted source left), skipping the classes the kept
     * summaries declare. After an edit that is a few dozen classes. Fills {@code folders} with what it saw.
     */
    private static Refresh refresh(Path classes, CompiledSourceIndex.Section known, Set<String> sources,
            Map<String, ClassStamp> stamps, Map<String, Long> folders, List<String> warnings) throws IOException {
        Map<String, CompiledSource> summaries = new HashMap<>();
        Set<String> claimed = new HashSet<>();
        Set<String> wanted = new HashSet<>();
        Set<String> listed = new TreeSet<>(known.alwaysListed());
        Set<String> checked = new TreeSet<>(sources);
        // The classes of a deleted source, remembered by the source they name: kept while their class is.
        for (Map.Entry<String, CompiledSource> entry : known.sources().entrySet()) {
            if (!sources.contains(entry.getKey()) && isPlainSourcePath(entry.getKey())) {
                checked.add(entry.getKey());
            }
        }
        for (String source : checked) {
            CompiledSource summary = known.sources().get(source);
            ClassStamp now = sources.contains(source) ? stamps.get(source) : stampOf(classes, source);
            if (summary != null && summary.holdsFor(now)) {
                summaries.put(source, summary);
                claimed.addAll(summary.declaredTypes());
            } else if (sources.contains(source) || now != null) {
                wanted.add(ClassFile.topLevel(source.substring(0, source.length() - ".java".length())));
                listed.add(folderOf(source));
            }
        }
        for (Map.Entry<String, Long> folder : known.folders().entrySet()) {
            Long now = folderMillis(classes, folder.getKey());
            if (now != null && !now.equals(folder.getValue())) {
                listed.add(folder.getKey());
            }
        }
        // Every folder the index knew, as it is now; listed ones may show new subfolders, read whole.
        for (String folder : known.folders().keySet()) {
            Long now = folderMillis(classes, folder);
            if (now != null) {
                folders.put(folder, now);
            }
        }
        List<ClassFile> parsed = new ArrayList<>();
        java.util.Deque<String> pending = new java.util.ArrayDeque<>(listed);
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            String folder = pending.poll();
            if (!seen.add(folder) || !isPlainFolder(folder)) {
                continue;
            }
            Path directory = folder.isEmpty() ? classes : classes.resolve(folder);
            if (!folder.isEmpty() && Files.isSymbolicLink(directory)) {
                warnings.add(linkedFolder(directory));
                continue;
            }
            if (!Files.isDirectory(directory, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            folders.put(folder, folderMillis(classes, folder));
            try (Stream<Path> list = Files.list(directory)) {
                for (Path file : (Iterable<Path>) list.sorted()::iterator) {
                    String name = file.getFileName().toString();
                    if (Files.isDirectory(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        if (!known.folders().containsKey(folder + name + "/")) {
                            pending.add(folder + name + "/");
                        }
                        continue;
                    }
                    if (!name.endsWith(".class")) {
                        continue;
                    }
                    String top = ClassFile.topLevel(folder + name.substring(0, name.length() - ".class".length()));
                    if (claimed.contains(top) && !wanted.contains(top)) {
                        continue;
                    }
                    ClassFile type = parse(file, folder + name, warnings);
                    if (type != null) {
                        parsed.add(type);
                    }
                }
            }
        }
        // A class read again that belongs to a kept summary (a type the summary did not know) widens it.
        summarize(classes, parsed, stamps).forEach((source, fresh) -> summaries.merge(source, fresh,
                (kept, more) -> kept.stamp().equals(more.stamp()) ? CompiledSource.union(kept, more) : more));
        return new Refresh(summaries, parsed.size());
    }

    private static String linkedFolder(Path folder) {
        return folder + " is a symbolic link: the stale-class check neither reads nor touches classes through links, "
                + "so classes under it are not made stale when what they use changes; if a change does not show, run "
                + "`mvn clean compile`";
    }

    /** The package folder of a source or class path, with a trailing slash ("" for the unnamed package). */
    private static String folderOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }

    /** A folder's modification time, not through a link, or null if it is not a folder (or cannot be named). */
    private static Long folderMillis(Path classes, String folder) {
        try {
            if (!isPlainFolder(folder)) {
                return null;
            }
            BasicFileAttributes attributes = Files.readAttributes(folder.isEmpty() ? classes : classes.resolve(folder),
                    BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            return attributes.isDirectory() ? attributes.lastModifiedTime().toMillis() : null;
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /** The stamp of the class file named after a source read from the index, or null (also if it cannot be named). */
    private static ClassStamp stampOf(Path classes, String source) {
        try {
            return isPlainSourcePath(source) ? ClassStamp.of(classes.resolve(classFileOf(source))) : null;
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    private static boolean isPlainFolder(String folder) {
        return folder.isEmpty() || (folder.endsWith("/") && isPlainSourcePath(folder + "x.java"));
    }

    /**
     * Whether a file is a regular file in the classes folder itself, reached through no link (neither it nor a
     * folder on the way): the file it would point to is not a class javac wrote here.
     */
    private static boolean insideWithoutLinks(Path realClasses, Path file) throws IOException {
        if (ClassStamp.of(file) == null) {
            return false;
        }
        Path real = file.toRealPath();
        return real.startsWith(realClasses) && real.getFileName().equals(file.getFileName());
    }

    /**
     * Whether a source path read from the index may be resolved under a classes folder: relative, inside it,
     * a .java file. Only those of deleted sources are ever resolved, to stat their class file.
     */
    private static boolean isPlainSourcePath(String source) {
        return source.endsWith(".java") && !source.startsWith("/") && !source.contains("\\") && !source.contains(":")
                && source.chars().noneMatch(c -> c < 0x20)
                && java.util.Arrays.stream(source.split("/")).noneMatch(part -> part.isEmpty() || part.equals("..")
                        || part.equals(".") || part.length() > 255);
    }

    /** The compiler's mapping from a source to the class it compares it with. */
    static String classFileOf(String source) {
        return source.substring(0, source.length() - ".java".length()) + ".class";
    }

    /** The .java files under a root, following links as javac and the compiler plugin do (a loop is skipped). */
    private static Map<String, Path> javaFiles(Path root) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        Files.walkFileTree(root, java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new java.nio.file.SimpleFileVisitor<>() {
                    @Override
                    public java.nio.file.FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        if (attributes.isRegularFile() && file.getFileName().toString().endsWith(".java")) {
                            files.put(root.relativize(file).toString().replace('\\', '/'), file);
                        }
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }

                    @Override
                    public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                        if (e instanceof java.nio.file.FileSystemLoopException) {
                            return java.nio.file.FileVisitResult.CONTINUE;
                        }
                        throw e;
                    }
                });
        return new LinkedHashMap<>(files);
    }

    private static Map<String, ClassFile> readClasses(Path classes, Map<String, Long> folders, List<String> warnings)
            throws IOException {
        Map<String, ClassFile> found = new HashMap<>();
        if (!Files.isDirectory(classes)) {
            return found;
        }
        // The folder itself may be a link (target/ on another disk); links inside it are not followed.
        Path real = classes.toRealPath();
        try (Stream<Path> walk = Files.walk(real)) {
            for (Path file : (Iterable<Path>) walk::iterator) {
                String relative = real.relativize(file).toString().replace('\\', '/');
                if (Files.isSymbolicLink(file) && Files.isDirectory(file)) {
                    warnings.add(linkedFolder(file));
                } else if (Files.isDirectory(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    String folder = relative.isEmpty() ? "" : relative + "/";
                    Long millis = folderMillis(classes, folder);
                    if (millis != null) {
                        folders.put(folder, millis);
                    }
                } else if (relative.endsWith(".class")) {
                    ClassFile parsed = parse(file, relative, warnings);
                    if (parsed != null) {
                        found.put(relative, parsed);
                    }
                }
            }
        }
        return found;
    }

    /** Far above any class javac writes; a larger file is not one, and reading it could exhaust the heap. */
    private static final long MAX_CLASS_BYTES = 64L * 1024 * 1024;

    /** The class in a file, or null if it is not a class file javac wrote at that place. */
    private static ClassFile parse(Path file, String relative, List<String> warnings) throws IOException {
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try (java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            if (size > MAX_CLASS_BYTES) {
                warnings.add("ignoring " + file + ": " + size + " bytes is not a class file javac wrote");
                return null;
            }
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate((int) size);
            while (bytes.hasRemaining()) {
                if (channel.read(bytes) < 0) {
                    break;
                }
            }
            ClassFile parsed = ClassFile.parse(java.util.Arrays.copyOf(bytes.array(), bytes.position()));
            // A class in a folder its name does not match is not one javac wrote for this layout.
            return (parsed.name() + ".class").equals(relative) ? parsed : null;
        } catch (IllegalArgumentException e) {
            warnings.add("ignoring " + file + ": " + e.getMessage());
            return null;
        }
    }

    /**
     * Whether a source's text (its UTF-8 bytes) has any of the names as a Java identifier, comments and strings
     * included. For a few names, each is searched for and the bytes around a hit
     * checked, which is cheaper than splitting the text; for many (a schema change rewrites every generated
     * file), the text is split once into ASCII identifiers looked up in the set, so the cost stays one pass per
     * source. A non-ASCII neighbour counts as a boundary either way: at worst one more class is compiled.
     */
    static boolean mentions(byte[] text, Set<String> names) {
        List<String> searched = new ArrayList<>();
        Set<String> ascii = new HashSet<>();
        for (String name : names) {
            if (name.chars().allMatch(c -> c < 0x80) && names.size() > FEW_NAMES) {
                ascii.add(name);
            } else {
                searched.add(name);
            }
        }
        return (!ascii.isEmpty() && hasIdentifier(text, ascii)) || searched.stream().anyMatch(name -> hasName(text, name));
    }

    /** Up to this many names, searching the bytes for each beats splitting the text. */
    private static final int FEW_NAMES = 8;

    private static boolean hasIdentifier(byte[] text, Set<String> names) {
        int i = 0;
        while (i < text.length) {
            if (isAsciiIdentifierPart(text[i])) {
                int start = i;
                while (i < text.length && isAsciiIdentifierPart(text[i])) {
                    i++;
                }
                if (names.contains(new String(text, start, i - start, StandardCharsets.ISO_8859_1))) {
                    return true;
                }
            } else {
                i++;
            }
        }
        return false;
    }

    private static boolean hasName(byte[] text, String name) {
        byte[] needle = name.getBytes(StandardCharsets.UTF_8);
        if (needle.length == 0) {
            return false;
        }
        byte first = needle[0];
        int last = text.length - needle.length;
        for (int i = 0; i <= last; i++) {
            if (text[i] != first || !matchesAt(text, i, needle)) {
                continue;
            }
            if ((i == 0 || !isAsciiIdentifierPart(text[i - 1]))
                    && (i + needle.length == text.length || !isAsciiIdentifierPart(text[i + needle.length]))) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAt(byte[] text, int at, byte[] needle) {
        for (int k = 1; k < needle.length; k++) {
            if (text[at + k] != needle[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiIdentifierPart(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '_' || b == '$';
    }

    /**
     * The generated sources the last check saw. Untrusted: only plain relative .java paths are kept, bytes that
     * are not UTF-8 only spoil their own line, and a file larger than the project could need is ignored.
     */
    private Set<String> readLedger(int generatedSources, List<String> warnings) throws IOException {
        Set<String> sources = new TreeSet<>();
        if (!Files.isRegularFile(ledger)) {
            return sources;
        }
        if (Files.size(ledger) > 1024L * 1024 + 1024L * generatedSources) {
            warnings.add("ignoring " + ledger + ": larger than the list of generated sources can be; classes of "
                    + "generated sources removed since the last build are not deleted");
            return sources;
        }
        List<String> lines = new String(Files.readAllBytes(ledger), StandardCharsets.UTF_8).lines().toList();
        if (lines.isEmpty() || !lines.get(0).equals(LEDGER_HEADER)) {
            return sources;
        }
        for (String line : lines.subList(1, lines.size())) {
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
        OutputWriter.writeAtomically(ledger, bytes);
    }
}
