package io.github.sodagql.core.schema;

import io.github.sodagql.core.config.DocumentRoot;
import io.github.sodagql.core.config.PathGlob;
import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.discovery.ChangeDetector;
import io.github.sodagql.core.discovery.FileStat;
import io.github.sodagql.core.source.ProjectPath;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The schema's files for one build, resolved once from the configuration, and the one way to stat and read them:
 * the session fingerprints them and keeps them out of the documents, the loader reads them, and nothing else looks
 * for them. Configured files and globs are resolved here, {@code classpath:} entries by {@link ClasspathSchemas} (a
 * jar's entry is {@code name.jar!/path}, stat'ed as its jar and read from it); without {@code schemaPaths}, the
 * schema is every {@code *.graphqls} file under the document roots. {@link #locations} says where a change can
 * change which files these are, for a watcher or an IDE's delta.
 */
public final class SchemaSources implements ChangeDetector.FileAccess {
    private final SodaGqlConfig config;
    private final SortedSet<ProjectPath> files;
    private final List<Diagnostic> problems;

    private SchemaSources(SodaGqlConfig config, SortedSet<ProjectPath> files, List<Diagnostic> problems) {
        this.config = config;
        this.files = Collections.unmodifiableSortedSet(new TreeSet<>(files));
        this.problems = List.copyOf(problems);
    }

    /** The schema's files as the configuration names them, found now. */
    public static SchemaSources resolve(SodaGqlConfig config) {
        return resolve(config, Optional.empty());
    }

    /**
     * As {@link #resolve(SodaGqlConfig)}, with what a walk of the document roots found.
     *
     * @param scanned every {@code *.graphqls} file under the document roots ({@code ScanResult.defaultSchemaFiles}),
     *     when the documents were just walked: without {@code schemaPaths} they are the schema, and the roots are
     *     not walked again; with them, they are ignored
     */
    public static SchemaSources resolve(SodaGqlConfig config, Optional<List<ProjectPath>> scanned) {
        List<Diagnostic> problems = new ArrayList<>();
        SortedSet<ProjectPath> files = new TreeSet<>();
        if (config.schemaPaths().isEmpty()) {
            files.addAll(scanned.orElseGet(() -> underDocumentRoots(config)));
            if (files.isEmpty()) {
                problems.add(Diagnostic.global(DiagnosticCode.SCHEMA_NOT_FOUND,
                        "No schema found: looked for " + String.join(", ", config.documentRoots().stream()
                                .map(root -> root.directory() + "/**/*" + DocumentRoot.SCHEMA_SUFFIX).toList()) + ".",
                        "Put the schema (*.graphqls) in the documents directory, or set 'schemaPaths' to SDL files or one introspection .json file."));
            }
        } else {
            files.addAll(configured(config, problems));
        }
        return new SchemaSources(config, files, problems);
    }

    /** The schema's files, sorted; empty when none was found (then {@link #problems} says where it looked). */
    public SortedSet<ProjectPath> files() {
        return files;
    }

    /** A {@code SCHEMA_NOT_FOUND} for each configured entry that found nothing, or for no schema at all. */
    public List<Diagnostic> problems() {
        return problems;
    }

    /**
     * What stands for the version of one of {@link #files}: its size and mtime, or for an entry of a jar on the
     * classpath, the jar's. Equal stats mean an unchanged file.
     */
    @Override
    public FileStat stat(ProjectPath file) throws IOException {
        return ClasspathSchemas.stat(config, file);
    }

    /** The bytes of one of {@link #files}, from its jar when it is in one. */
    @Override
    public byte[] read(ProjectPath file) throws IOException {
        return ClasspathSchemas.read(config, file);
    }

    /** The same configuration resolved again: after the jar listings' memo named an entry its jar lacks. */
    SchemaSources relisted() {
        return resolve(config);
    }

    /**
     * Where a change can change the schema: each configured file, the folder each glob starts from (a new match
     * appears there), each jar that holds a {@code classpath:} match, or the document roots when no schema path is
     * set. Sorted. Cheaper than {@link #resolve} (no folder is walked), for a watcher's every pass and an IDE's
     * delta check before every build.
     */
    public static SortedSet<ProjectPath> locations(SodaGqlConfig config) {
        Path project = config.projectDirectory();
        SortedSet<ProjectPath> locations = new TreeSet<>();
        if (config.schemaPaths().isEmpty()) {
            config.documentRoots().forEach(root -> locations.add(root.directory()));
            return locations;
        }
        List<String> onClasspath = config.schemaPaths().stream().filter(SodaGqlConfig::isClasspathEntry).toList();
        if (!onClasspath.isEmpty()) {
            locations.addAll(ClasspathSchemas.locations(config, onClasspath));
        }
        for (String entry : config.schemaPaths()) {
            if (SodaGqlConfig.isClasspathEntry(entry)) {
                continue;
            }
            String normalized = entry.replace('\\', '/');
            int firstGlob = indexOfGlob(normalized);
            int baseEnd = firstGlob < 0 ? normalized.length() : normalized.lastIndexOf('/', firstGlob);
            String location = baseEnd < 0 ? "" : normalized.substring(0, baseEnd);
            locations.add(ProjectPath.of(project, project.resolve(location).normalize()));
        }
        return locations;
    }

    private static List<ProjectPath> underDocumentRoots(SodaGqlConfig config) {
        List<ProjectPath> files = new ArrayList<>();
        for (DocumentRoot root : config.documentRoots()) {
            files.addAll(glob(config.projectDirectory(), root.directory().resolveAgainst(config.projectDirectory()),
                    "**/*" + DocumentRoot.SCHEMA_SUFFIX));
        }
        return files;
    }

    /** The files {@code schemaPaths} names; a {@code SCHEMA_NOT_FOUND} is added for each entry that found nothing. */
    private static SortedSet<ProjectPath> configured(SodaGqlConfig config, List<Diagnostic> problems) {
        Path project = config.projectDirectory();
        SortedSet<ProjectPath> files = new TreeSet<>();
        List<String> onClasspath = config.schemaPaths().stream().filter(SodaGqlConfig::isClasspathEntry).toList();
        if (!onClasspath.isEmpty()) {
            files.addAll(ClasspathSchemas.resolve(config, onClasspath, problems));
        }
        for (String entry : config.schemaPaths()) {
            if (SodaGqlConfig.isClasspathEntry(entry)) {
                continue;
            }
            String normalized = entry.replace('\\', '/');
            int firstGlob = indexOfGlob(normalized);
            if (firstGlob < 0) {
                Path file = project.resolve(normalized).normalize();
                if (Files.isRegularFile(file)) {
                    files.add(ProjectPath.of(project, file));
                } else {
                    problems.add(Diagnostic.global(DiagnosticCode.SCHEMA_NOT_FOUND,
                            "Schema file '" + entry + "' not found (looked at " + file + ").",
                            "Fix the path in 'schemaPaths'; relative paths are resolved against the project directory."));
                }
                continue;
            }
            int baseEnd = normalized.lastIndexOf('/', firstGlob);
            String base = baseEnd < 0 ? "" : normalized.substring(0, baseEnd);
            String pattern = normalized.substring(baseEnd + 1);
            Path baseDirectory = project.resolve(base).normalize();
            List<ProjectPath> matched = glob(project, baseDirectory, pattern);
            if (matched.isEmpty()) {
                problems.add(Diagnostic.global(DiagnosticCode.SCHEMA_NOT_FOUND,
                        "Schema glob '" + entry + "' matches no file (looked under " + baseDirectory + ").",
                        "Fix the glob in 'schemaPaths', or add the schema file."));
            }
            files.addAll(matched);
        }
        return files;
    }

    static int indexOfGlob(String path) {
        for (int i = 0; i < path.length(); i++) {
            if ("*?[{".indexOf(path.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    static List<ProjectPath> glob(Path project, Path baseDirectory, String pattern) {
        if (!Files.isDirectory(baseDirectory)) {
            return List.of();
        }
        PathGlob glob = new PathGlob(pattern);
        List<ProjectPath> matched = new ArrayList<>();
        try {
            // walkFileTree hands over each file's attributes: no second stat per file, as Files.walk needs
            // (links, which a schema may be, are the exception).
            Files.walkFileTree(baseDirectory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    boolean regular = attributes.isRegularFile() || (attributes.isSymbolicLink() && Files.isRegularFile(file));
                    if (regular && glob.matches(baseDirectory.relativize(file))) {
                        matched.add(ProjectPath.of(project, file));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return List.of();
        }
        matched.sort(null);
        return List.copyOf(matched);
    }
}
