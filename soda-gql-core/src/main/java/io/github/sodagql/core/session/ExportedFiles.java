package io.github.sodagql.core.session;

import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.output.OutputFile;
import io.github.sodagql.core.output.OutputFolder;
import io.github.sodagql.core.output.OutputRecord;
import io.github.sodagql.core.output.OutputWriter;
import io.github.sodagql.core.output.WritePolicy;
import io.github.sodagql.core.output.WriteReport;
import io.github.sodagql.core.source.ContentHash;
import io.github.sodagql.core.source.ProjectPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The files derived from the artifact (persisted-query manifests, Spring documents), kept in step with it
 * after every build, no-op builds included: each is written when its bytes differ, and a file an earlier
 * build derived but this one does not (an operation removed, an option turned off) is deleted, unless it
 * was changed since we wrote it, or lies outside the folders exports go to (links followed: the same
 * {@link OutputFolder} check as for generated sources). What was written is recorded in {@value #LIST_FILE} in the state directory
 * (hash, size, mtime and path per line), so an untouched file costs a stat. That list is untrusted: if it
 * does not read back, nothing is deleted and every file is compared by its bytes.
 */
final class ExportedFiles {
    static final String LIST_FILE = "exported-files";

    private ExportedFiles() {}

    /** @param roots the folders exported files go to: nothing outside them is ever written or deleted */
    static List<Diagnostic> update(OutputWriter writer, Path stateDirectory, Collection<OutputFile> files,
            Collection<OutputFolder> roots) {
        Path list = stateDirectory.resolve(LIST_FILE);
        Map<ProjectPath, OutputRecord> previous = read(list);
        if (files.isEmpty() && previous.isEmpty()) {
            return List.of();
        }
        // Temporary files of atomic writes a killed build left behind (only our own naming, only in these folders).
        // The state folder's are removed at the start of every build.
        roots.stream().filter(root -> !root.absolute().equals(stateDirectory))
                .forEach(root -> OutputWriter.deleteTemporaryFiles(root.absolute(), Integer.MAX_VALUE));
        WritePolicy insideRoots = new WritePolicy() {
            @Override
            public boolean mayWrite(ProjectPath path) {
                return isUnder(path, roots);
            }

            @Override
            public boolean mayReplace(ProjectPath path) {
                // Export folders are ours alone (state and generated resources), so a file there is ours to replace.
                return isUnder(path, roots);
            }
        };
        WriteReport report = writer.write(files, previous, insideRoots, path -> Optional.empty());
        Set<ProjectPath> produced = new TreeSet<>();
        files.forEach(file -> produced.add(file.path()));
        List<ProjectPath> stale = previous.values().stream()
                .filter(record -> !produced.contains(record.path()))
                .filter(record -> isUnder(record.path(), roots))
                .filter(record -> writer.hash(record.path()).equals(Optional.of(record.hash())))
                .map(OutputRecord::path)
                .toList();
        writer.delete(stale, insideRoots);
        List<Diagnostic> problems = new ArrayList<>(report.failures());
        try {
            if (report.records().isEmpty()) {
                Files.deleteIfExists(list);
            } else {
                OutputWriter.writeAtomically(list, render(report.records()));
            }
        } catch (IOException e) {
            problems.add(Diagnostic.global(DiagnosticCode.WRITE_FAILED, "Cannot record the exported files in "
                    + list.getFileName() + ": " + e.getMessage() + ".", "Check that the state directory is writable."));
        }
        return problems;
    }

    private static boolean isUnder(ProjectPath path, Collection<OutputFolder> roots) {
        return roots.stream().anyMatch(root -> root.contains(path));
    }

    private static byte[] render(List<OutputRecord> records) {
        StringBuilder text = new StringBuilder();
        for (OutputRecord record : records) {
            text.append(record.hash().hex()).append(' ').append(record.size()).append(' ')
                    .append(record.modifiedMillis()).append(' ').append(record.path().value()).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Map<ProjectPath, OutputRecord> read(Path list) {
        Map<ProjectPath, OutputRecord> records = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                String[] parts = line.split(" ", 4);
                OutputRecord record = new OutputRecord(new ProjectPath(parts[3]), new ContentHash(parts[0]),
                        Long.parseLong(parts[1]), Long.parseLong(parts[2]));
                records.put(record.path(), record);
            }
            return records;
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException | RuntimeException e) {
            // Damaged: delete nothing on its word.
            return Map.of();
        }
    }
}
