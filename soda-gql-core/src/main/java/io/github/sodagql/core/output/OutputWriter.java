package io.github.sodagql.core.output;

import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.source.ContentHash;
import io.github.sodagql.core.source.ProjectPath;
import io.github.sodagql.core.source.SourceLocation;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The only place that writes and deletes generated files. It writes a file only when its bytes differ
 * (an unchanged file keeps its mtime, so javac and IDEs see no change), and never leaves a half-written
 * file: bytes go to a temporary file beside the target, which is then moved over it atomically. When the
 * previous build's record of a file still matches its stat and hash, the file is not even read.
 */
public final class OutputWriter {
    private final Path projectDirectory;

    public OutputWriter(Path projectDirectory) {
        this.projectDirectory = projectDirectory;
    }

    public WriteReport write(Collection<OutputFile> files) {
        return write(files, Map.of(), WritePolicy.ANYWHERE, path -> Optional.empty());
    }

    /**
     * @param previous the records the last build left, by path
     * @param policy where files may go, and which existing ones are soda-gql's to replace: a file that is not,
     *     and whose bytes differ, is left as it is and reported
     * @param origin the definition each file is generated from, where a failure is reported
     */
    public WriteReport write(Collection<OutputFile> files, Map<ProjectPath, OutputRecord> previous,
            WritePolicy policy, Function<ProjectPath, Optional<SourceLocation>> origin) {
        List<ProjectPath> written = new ArrayList<>();
        List<ProjectPath> unchanged = new ArrayList<>();
        List<Diagnostic> failures = new ArrayList<>();
        List<OutputRecord> records = new ArrayList<>();
        List<OutputRecord> failed = new ArrayList<>();
        for (OutputFile file : files) {
            Path target = file.path().resolveAgainst(projectDirectory);
            byte[] bytes = file.bytes();
            ContentHash hash = ContentHash.of(bytes);
            try {
                OutputRecord known = previous.get(file.path());
                if (!policy.mayWrite(file.path())) {
                    throw new IOException("its folder leads outside the output directory (a link?)");
                } else if (known != null && known.hash().equals(hash) && matches(known)) {
                    unchanged.add(file.path());
                    records.add(known);
                } else if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS) && writeNew(target, bytes)) {
                    written.add(file.path());
                    records.add(record(file.path(), hash));
                } else if (hasBytes(target, bytes)) {
                    unchanged.add(file.path());
                    records.add(record(file.path(), hash));
                } else if (!policy.mayReplace(file.path())) {
                    throw new IOException("a file soda-gql did not write (or changed since it wrote it) is in its place, and was left as it is");
                } else {
                    writeAtomically(target, bytes);
                    written.add(file.path());
                    records.add(record(file.path(), hash));
                }
            } catch (IOException e) {
                failed.add(OutputRecord.failed(file.path(), hash));
                String message = "Cannot write " + file.path().value() + ": " + reason(e) + ".";
                String hint = "Remove what is in the way (or free disk space, or fix permissions), or rename the definition; the next build writes it.";
                failures.add(origin.apply(file.path())
                        .map(location -> Diagnostic.at(DiagnosticCode.WRITE_FAILED, location, message, hint))
                        .orElseGet(() -> Diagnostic.global(DiagnosticCode.WRITE_FAILED, message, hint)));
            }
        }
        return new WriteReport(written, unchanged, failures, records, failed);
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        if (e instanceof java.nio.file.FileSystemException) {
            return e.getClass().getSimpleName();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * Deletes files nobody produces any more, among those {@code policy} lets it delete (a link is never deleted:
     * soda-gql writes none); returns those that existed.
     */
    public List<ProjectPath> delete(Collection<ProjectPath> paths, WritePolicy policy) {
        List<ProjectPath> deleted = new ArrayList<>();
        for (ProjectPath path : paths) {
            Path file = path.resolveAgainst(projectDirectory);
            if (Files.isSymbolicLink(file) || !policy.mayDelete(path)) {
                continue;
            }
            try {
                if (Files.deleteIfExists(file)) {
                    deleted.add(path);
                }
            } catch (IOException e) {
                // A file that cannot be deleted stays; the next build tries again, as it is still recorded nowhere.
            }
        }
        return deleted;
    }

    /** True when the file on disk has the size and mtime the record saw: it was not touched since. */
    public boolean matches(OutputRecord record) {
        return stat(record.path()).map(s -> s.size() == record.size() && s.lastModifiedTime().toMillis() == record.modifiedMillis())
                .orElse(false);
    }

    /** The file's content hash, if it exists. */
    public Optional<ContentHash> hash(ProjectPath path) {
        try {
            return Optional.of(ContentHash.of(Files.readAllBytes(path.resolveAgainst(projectDirectory))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A fresh record of a file whose content hash is known. */
    public OutputRecord record(ProjectPath path, ContentHash hash) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path.resolveAgainst(projectDirectory), BasicFileAttributes.class);
        return new OutputRecord(path, hash, attributes.size(), attributes.lastModifiedTime().toMillis());
    }

    private Optional<BasicFileAttributes> stat(ProjectPath path) {
        try {
            return Optional.of(Files.readAttributes(path.resolveAgainst(projectDirectory), BasicFileAttributes.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean hasBytes(Path target, byte[] bytes) throws IOException {
        return Files.isRegularFile(target) && Files.size(target) == bytes.length
                && Arrays.equals(Files.readAllBytes(target), bytes);
    }

    /**
     * Writes a file that does not exist yet: through a temporary sibling, published with a hard link, which fails
     * rather than replace a file that appeared meanwhile. A killed build never leaves a half-written file at a
     * generated path (only a temporary file, which the next build removes), so every file there holds bytes soda-gql
     * recorded. False when the file appeared meanwhile: the caller compares and replaces it as any existing file.
     */
    private static boolean writeNew(Path target, byte[] bytes) throws IOException {
        Path temporary = temporarySibling(target);
        try {
            try {
                Files.write(temporary, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (NoSuchFileException e) {
                Files.createDirectories(target.toAbsolutePath().getParent());
                Files.write(temporary, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
            try {
                Files.createLink(target, temporary);
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
                // No hard links here (FAT, some network file systems): a move that refuses an existing target.
                try {
                    Files.move(temporary, target);
                } catch (FileAlreadyExistsException exists) {
                    return false;
                }
            }
            return true;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * The temporary sibling of an atomic write: {@code .NAME.soda-gql-HEX.tmp}, hidden, and named so that
     * {@link #isTemporary} tells it from any file of the user's.
     */
    private static Path temporarySibling(Path target) {
        // Not Files.createTempFile: its owner-only permissions would stay on the target after the move.
        return target.toAbsolutePath().getParent().resolve("." + target.getFileName() + TEMPORARY_MARK
                + Long.toHexString(System.nanoTime()) + Long.toHexString(Thread.currentThread().getId()) + ".tmp");
    }

    private static final String TEMPORARY_MARK = ".soda-gql-";
    private static final java.util.regex.Pattern TEMPORARY = java.util.regex.Pattern.compile(
            "\\..+\\.soda-gql-[0-9a-f]+\\.tmp");

    /** Whether {@code fileName} is that of a temporary file of {@link #writeAtomically} (a killed build's leftover). */
    public static boolean isTemporary(String fileName) {
        return TEMPORARY.matcher(fileName).matches();
    }

    /**
     * Deletes the temporary files killed builds left in {@code folder}, at most {@code depth} levels down (links not
     * followed, nothing but regular files named as {@link #isTemporary} says); returns how many.
     */
    public static int deleteTemporaryFiles(Path folder, int depth) {
        int deleted = 0;
        Path root;
        try {
            root = folder.toRealPath();
        } catch (IOException e) {
            return 0;
        }
        List<Path> leftovers;
        try (java.util.stream.Stream<Path> found = Files.find(root, depth,
                (path, attributes) -> attributes.isRegularFile() && isTemporary(path.getFileName().toString()))) {
            leftovers = found.toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
        for (Path leftover : leftovers) {
            try {
                if (Files.deleteIfExists(leftover)) {
                    deleted++;
                }
            } catch (IOException e) {
                // Still there: the next build tries again.
            }
        }
        return deleted;
    }

    /** Writes {@code bytes} to {@code target} through a temporary sibling and an atomic move. */
    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path temporary = temporarySibling(target);
        try {
            Files.write(temporary, bytes, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
