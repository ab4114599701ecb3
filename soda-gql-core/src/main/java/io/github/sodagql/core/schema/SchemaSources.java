package io.github.sodagql.core.schema;

import io.github.sodagql.core.config.DocumentRoot;
import io.github.sodagql.core.config.PathGlob;
import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.source.ProjectPath;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** Turns the configured schema paths and globs into a sorted list of files, or says where it looked. */
final class SchemaSources {
    private SchemaSources() {}

    /** The schema files, sorted; a {@code SCHEMA_NOT_FOUND} diagnostic is added for each entry that found nothing. */
    static SortedSet<ProjectPath> resolve(SodaGqlConfig config, List<Diagnostic> problems) {
        Path project = config.projectDirectory();
        SortedSet<ProjectPath> files = new TreeSet<>();
        if (config.schemaPaths().isEmpty()) {
            List<String> looked = new ArrayList<>();
            for (DocumentRoot root : config.documentRoots()) {
                looked.add(root.directory() + "/**/*" + DocumentRoot.SCHEMA_SUFFIX);
                files.addAll(glob(project, root.directory().resolveAgainst(project), "**/*" + DocumentRoot.SCHEMA_SUFFIX));
            }
            if (files.isEmpty()) {
                problems.add(Diagnostic.global(DiagnosticCode.SCHEMA_NOT_FOUND,
                        "No schema found: looked for " + String.join(", ", looked) + ".",
                        "Put the schema (*.graphqls) in the documents directory, or set 'schemaPaths' to SDL files or one introspection .json file."));
            }
            return files;
        }
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

    /**
     * Where a change can change the schema: each configured file, the folder a glob starts from (a new match
     * appears there), or the document roots when no schema path is configured. Sorted.
     */
    static SortedSet<ProjectPath> locations(SodaGqlConfig config) {
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
