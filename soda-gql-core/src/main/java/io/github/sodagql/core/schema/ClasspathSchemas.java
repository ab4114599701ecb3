package io.github.sodagql.core.schema;

import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.discovery.FileStat;
import io.github.sodagql.core.source.ProjectPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Schema files on the compile classpath: {@code schemaPaths} entries {@code classpath:path/in/jar.graphqls}, or a
 * glob such as {@code classpath:schema/**}{@code /*.graphqls}, looked up in the configured classpath's jars and
 * folders (a reactor module's {@code target/classes}) in classpath order. A plain path takes the first element that
 * holds it, as a class loader would; a glob takes every match of every element, sorted.
 *
 * <p>A file in a jar is named {@code name.jar!/path/in/jar} (diagnostics point there, and nothing holds the jar's
 * absolute path); when two jars on the classpath share a file name, the second is {@code name.jar#2}. A file in a
 * folder is the file itself, relative to the project. A jar's entry is fingerprinted by the jar's size and mtime
 * ({@link #stat}) with the entry's content hash: an unchanged jar costs a stat, a new version is read.
 */
public final class ClasspathSchemas {
    /** How many classpath elements a "not found" message names before it counts the rest. */
    private static final int NAMED_IN_MESSAGES = 8;

    private ClasspathSchemas() {}

    /** A jar or folder of the classpath, with the name its entries are shown under. */
    private record Element(Path path, String name) {}

    /** An entry of a jar on the classpath. */
    private record JarEntryRef(Path jar, String entry) {}

    /**
     * The files the {@code classpath:} entries name, in the order found (a glob's sorted); a {@code SCHEMA_NOT_FOUND}
     * naming the elements searched for each entry that finds nothing. Jar listings come from, and go back to, the
     * memo in the state directory.
     */
    static List<ProjectPath> resolve(SodaGqlConfig config, List<String> entries, List<Diagnostic> problems) {
        Path state = config.stateDirectory().resolveAgainst(config.projectDirectory());
        JarListings listings = JarListings.read(state);
        List<ProjectPath> files = resolve(config, entries, problems, listings);
        listings.save(state);
        return files;
    }

    static List<ProjectPath> resolve(SodaGqlConfig config, List<String> entries, List<Diagnostic> problems,
            JarListings listings) {
        List<Element> elements = elements(config.classpath());
        List<ProjectPath> files = new ArrayList<>();
        for (String entry : entries) {
            String pattern = pattern(entry);
            List<String> unreadable = new ArrayList<>();
            SortedSet<ProjectPath> found = new TreeSet<>();
            for (Element element : elements) {
                List<ProjectPath> here = find(config.projectDirectory(), element, pattern, listings, unreadable);
                if (!isGlob(pattern) && !here.isEmpty()) {
                    found.add(here.get(0));
                    break;
                }
                found.addAll(here);
            }
            if (found.isEmpty()) {
                problems.add(notFound(config, entry, elements, unreadable));
            }
            files.addAll(found);
        }
        return files;
    }

    /**
     * Where a change can change what the {@code classpath:} entries resolve to: each jar that holds a match, and in
     * each folder of the classpath, the file or the folder a glob starts from.
     */
    static SortedSet<ProjectPath> locations(SodaGqlConfig config, List<String> entries) {
        Path project = config.projectDirectory();
        SortedSet<ProjectPath> locations = new TreeSet<>();
        for (ProjectPath file : resolve(config, entries, new ArrayList<>())) {
            inJar(config, file).ifPresent(ref -> locations.add(ProjectPath.of(project, ref.jar())));
        }
        for (Element element : elements(config.classpath())) {
            if (Files.isDirectory(element.path())) {
                for (String entry : entries) {
                    String pattern = pattern(entry);
                    String location = isGlob(pattern) ? globBase(pattern) : pattern;
                    locations.add(ProjectPath.of(project, element.path().resolve(location).normalize()));
                }
            }
        }
        return locations;
    }

    /** What stands for a schema file's version: its own size and mtime, or for an entry of a jar, the jar's. */
    static FileStat stat(SodaGqlConfig config, ProjectPath file) throws IOException {
        Path path = inJar(config, file).map(JarEntryRef::jar).orElse(file.resolveAgainst(config.projectDirectory()));
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        return new FileStat(file, attributes.size(), attributes.lastModifiedTime().toMillis());
    }

    /** A schema file's bytes: from its jar for a {@code name.jar!/path}, else from the file system. */
    static byte[] read(SodaGqlConfig config, ProjectPath file) throws IOException {
        Optional<JarEntryRef> ref = inJar(config, file);
        if (ref.isEmpty()) {
            return Files.readAllBytes(file.resolveAgainst(config.projectDirectory()));
        }
        try (ZipFile zip = new ZipFile(ref.get().jar().toFile())) {
            ZipEntry entry = zip.getEntry(ref.get().entry());
            if (entry == null || entry.isDirectory()) {
                // The memo named an entry this jar lacks: the next resolution lists the jars again.
                JarListings.discard(config.stateDirectory().resolveAgainst(config.projectDirectory()));
                throw new StaleListing(file, ref.get().jar());
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }
    }

    /** A jar lacks an entry the listings' memo named (the memo is discarded by then): the jars must be listed again. */
    static final class StaleListing extends NoSuchFileException {
        private static final long serialVersionUID = 1L;

        StaleListing(ProjectPath file, Path jar) {
            super(file.value(), null, "no such entry in " + jar.getFileName());
        }
    }

    private static List<ProjectPath> find(Path project, Element element, String pattern, JarListings listings,
            List<String> unreadable) {
        Path path = element.path();
        if (Files.isDirectory(path)) {
            if (!isGlob(pattern)) {
                Path file = path.resolve(pattern);
                return Files.isRegularFile(file) ? List.of(ProjectPath.of(project, file)) : List.of();
            }
            String base = globBase(pattern);
            return SchemaSources.glob(project, path.resolve(base), pattern.substring(base.isEmpty() ? 0 : base.length() + 1));
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return List.of();
            }
            List<ProjectPath> found = new ArrayList<>();
            for (String entry : listings.matches(path, attributes.size(), attributes.lastModifiedTime().toMillis(), pattern)) {
                found.add(new ProjectPath(element.name() + "!/" + entry));
            }
            return found;
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            unreadable.add(element.name());
            return List.of();
        }
    }

    private static Diagnostic notFound(SodaGqlConfig config, String entry, List<Element> elements, List<String> unreadable) {
        List<String> names = new ArrayList<>();
        for (Element element : elements) {
            names.add(Files.isDirectory(element.path())
                    ? ProjectPath.of(config.projectDirectory(), element.path()).value() : element.name());
        }
        String searched = names.isEmpty() ? "the classpath is empty"
                : "searched " + String.join(", ", names.subList(0, Math.min(NAMED_IN_MESSAGES, names.size())))
                        + (names.size() > NAMED_IN_MESSAGES ? " and " + (names.size() - NAMED_IN_MESSAGES) + " more" : "");
        String broken = unreadable.isEmpty() ? "" : "; could not read " + String.join(", ", unreadable);
        return Diagnostic.global(DiagnosticCode.SCHEMA_NOT_FOUND,
                "Schema '" + entry + "' is not on the compile classpath (" + searched + broken + ").",
                "Add the dependency that ships it (compile or provided scope), or fix the path inside the jar; "
                        + "the command line takes the jars and folders with --classpath.");
    }

    /** Names every element by its file name, numbering repeats ({@code api.jar}, {@code api.jar#2}); no stat. */
    private static List<Element> elements(List<Path> classpath) {
        Map<String, Integer> seen = new HashMap<>();
        List<Element> elements = new ArrayList<>();
        for (Path path : classpath) {
            String fileName = path.getFileName() == null ? path.toString() : path.getFileName().toString();
            int count = seen.merge(fileName, 1, Integer::sum);
            elements.add(new Element(path, count == 1 ? fileName : fileName + "#" + count));
        }
        return elements;
    }

    /** The jar and entry a {@code name.jar!/path} names, when a jar of that name is on the classpath. */
    private static Optional<JarEntryRef> inJar(SodaGqlConfig config, ProjectPath file) {
        int bang = file.value().indexOf("!/");
        if (bang < 0 || config.classpath().isEmpty()) {
            return Optional.empty();
        }
        String name = file.value().substring(0, bang);
        return elements(config.classpath()).stream()
                .filter(element -> element.name().equals(name))
                .findFirst()
                .map(element -> new JarEntryRef(element.path(), file.value().substring(bang + 2)));
    }

    /** The path inside jars a {@code classpath:} entry names, without the prefix or a leading {@code /}. */
    static String pattern(String schemaPath) {
        String path = schemaPath.substring(SodaGqlConfig.CLASSPATH_PREFIX.length()).replace('\\', '/');
        return path.startsWith("/") ? path.substring(1) : path;
    }

    static boolean isGlob(String pattern) {
        return SchemaSources.indexOfGlob(pattern) >= 0;
    }

    /** The folders before a glob's first wildcard ({@code schema} for {@code schema/**}{@code /*.graphqls}), or "". */
    static String globBase(String pattern) {
        int end = pattern.lastIndexOf('/', SchemaSources.indexOfGlob(pattern));
        return end < 0 ? "" : pattern.substring(0, end);
    }

    /** A pattern as {@link #pattern} returns it for a valid configuration: a relative name, wildcards allowed. */
    static boolean isValidPattern(String pattern) {
        return isPlainEntryName(pattern);
    }

    /** A jar entry name that can only mean one file: relative, {@code /}-separated, no {@code .}/{@code ..}, printable. */
    static boolean isPlainEntryName(String name) {
        if (name.isEmpty() || name.length() > JarListings.MAX_NAME_LENGTH || name.startsWith("/") || name.contains("\\")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return false;
            }
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
