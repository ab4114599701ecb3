package io.github.sodagql.core.discovery;

import io.github.sodagql.core.config.DocumentRoot;
import io.github.sodagql.core.config.PathGlob;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.source.ContentHash;
import io.github.sodagql.core.source.ProjectPath;
import io.github.sodagql.core.source.SourceLocation;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds documents and fingerprints them. {@link #scan} only stats (the whole cost of a no-op build);
 * {@link #read} reads a file once, hashing the very bytes that will be parsed.
 */
public final class InputScanner {
    private final Path projectDirectory;

    public InputScanner(Path projectDirectory) {
        this.projectDirectory = projectDirectory;
    }

    /** Walks the roots; the result is sorted by path, so the order never depends on the file system. */
    public ScanResult scan(List<DocumentRoot> roots) {
        List<FileStat> found = new ArrayList<>();
        List<ProjectPath> schemaFiles = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (DocumentRoot root : roots) {
            Path directory = root.directory().resolveAgainst(projectDirectory);
            if (!Files.isDirectory(directory)) {
                problems.add(Diagnostic.global(DiagnosticCode.DOCUMENTS_NOT_FOUND,
                        "Documents directory '" + root.directory() + "' does not exist.",
                        "Create it, or point the documents directory at the folder that holds your .graphql files."));
                continue;
            }
            List<PathGlob> includes = root.includes().stream().map(PathGlob::new).toList();
            List<PathGlob> excludes = root.excludes().stream().map(PathGlob::new).toList();
            // The walk gives normalized children of the root, so the root's own path is a prefix: no
            // per-file absolute-path arithmetic.
            ProjectPath rootPath = ProjectPath.of(projectDirectory, directory);
            String prefix = ".".equals(rootPath.value()) ? "" : rootPath.value() + "/";
            try {
                Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes linkOrFile) {
                        Path relative = directory.relativize(file);
                        boolean included = includes.stream().anyMatch(g -> g.matches(relative))
                                && excludes.stream().noneMatch(g -> g.matches(relative));
                        // A link to a file (a schema or a document shared with another module) is followed, as
                        // the schema search does; its stat is the target's, so an edit of the target is seen.
                        BasicFileAttributes attributes = linkOrFile;
                        if (linkOrFile.isSymbolicLink()) {
                            try {
                                attributes = Files.readAttributes(file, BasicFileAttributes.class);
                            } catch (IOException e) {
                                if (included) {
                                    problems.add(Diagnostic.at(DiagnosticCode.IO_ERROR,
                                            SourceLocation.startOf(new ProjectPath(prefix + relative.toString().replace('\\', '/'))),
                                            "The link points to nothing (" + e.getMessage() + ").",
                                            "Fix or delete the link, or exclude it."));
                                }
                                return FileVisitResult.CONTINUE;
                            }
                        }
                        if (!attributes.isRegularFile()) {
                            return FileVisitResult.CONTINUE;
                        }
                        if (PathGlob.nameEndsWith(relative.getFileName().toString(), DocumentRoot.SCHEMA_SUFFIX)) {
                            schemaFiles.add(new ProjectPath(prefix + relative.toString().replace('\\', '/')));
                        }
                        if (included) {
                            ProjectPath path = new ProjectPath(prefix + relative.toString().replace('\\', '/'));
                            found.add(new FileStat(path, attributes.size(), attributes.lastModifiedTime().toMillis()));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        problems.add(Diagnostic.at(DiagnosticCode.IO_ERROR,
                                SourceLocation.startOf(ProjectPath.of(projectDirectory, file)),
                                "Cannot read: " + e.getMessage() + ".", "Check the file's permissions."));
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                problems.add(Diagnostic.global(DiagnosticCode.IO_ERROR,
                        "Cannot walk documents directory '" + root.directory() + "': " + e.getMessage() + ".",
                        "Check the directory's permissions."));
            }
        }
        // Two roots may overlap: a file is listed once.
        found.sort(java.util.Comparator.comparing(FileStat::path));
        List<FileStat> unique = new ArrayList<>(found.size());
        for (FileStat stat : found) {
            if (unique.isEmpty() || !unique.get(unique.size() - 1).path().equals(stat.path())) {
                unique.add(stat);
            }
        }
        return new ScanResult(unique, schemaFiles.stream().distinct().sorted().toList(), problems);
    }

    /** Reads and fingerprints one file. A leading byte-order mark is dropped. */
    public ReadResult read(ProjectPath path) {
        Path file = path.resolveAgainst(projectDirectory);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            byte[] bytes = Files.readAllBytes(file);
            String text = TextDecoding.decode(bytes);
            Fingerprint fingerprint = new Fingerprint(bytes.length, attributes.lastModifiedTime().toMillis(),
                    ContentHash.of(bytes));
            return new ReadResult.Read(new SourceFile(path, fingerprint, text,
                    TextDecoding.invalidUtf8(path, bytes, text).stream().toList()));
        } catch (IOException e) {
            return new ReadResult.Unreadable(path, Diagnostic.at(DiagnosticCode.IO_ERROR, SourceLocation.startOf(path),
                    "Cannot read the file: " + e.getMessage() + ".", "Check that it exists and is readable."));
        }
    }
}
