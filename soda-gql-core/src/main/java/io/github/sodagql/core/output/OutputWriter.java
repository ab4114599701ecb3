package io.github.sodagql.core.output;

import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.source.ProjectPath;
import io.github.sodagql.core.source.SourceLocation;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The only place that writes generated files. It writes a file only when its bytes differ (an unchanged
 * file keeps its mtime, so javac and IDEs see no change), and never leaves a half-written file: bytes go to
 * a temporary file beside the target, which is then moved over it atomically.
 */
public final class OutputWriter {
    private final Path projectDirectory;

    public OutputWriter(Path projectDirectory) {
        this.projectDirectory = projectDirectory;
    }

    public WriteReport write(Collection<OutputFile> files) {
        List<ProjectPath> written = new ArrayList<>();
        List<ProjectPath> unchanged = new ArrayList<>();
        List<Diagnostic> failures = new ArrayList<>();
        for (OutputFile file : files) {
            Path target = file.path().resolveAgainst(projectDirectory);
            try {
                if (hasBytes(target, file.bytes())) {
                    unchanged.add(file.path());
                } else {
                    writeAtomically(target, file.bytes());
                    written.add(file.path());
                }
            } catch (IOException e) {
                failures.add(Diagnostic.at(DiagnosticCode.WRITE_FAILED, SourceLocation.startOf(file.path()),
                        "Cannot write the file: " + e + ".",
                        "Check that the output directory is writable and the disk is not full; the previous file was kept."));
            }
        }
        return new WriteReport(written, unchanged, failures);
    }

    private static boolean hasBytes(Path target, byte[] bytes) throws IOException {
        return Files.isRegularFile(target) && Files.size(target) == bytes.length
                && Arrays.equals(Files.readAllBytes(target), bytes);
    }

    /** Writes {@code bytes} to {@code target} through a temporary sibling and an atomic move. */
    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
        try {
            Files.write(temporary, bytes);
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
