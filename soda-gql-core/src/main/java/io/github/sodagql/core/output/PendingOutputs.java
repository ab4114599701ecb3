package io.github.sodagql.core.output;

import io.github.sodagql.core.source.ProjectPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The outputs a build is about to write ({@value #FILE} in the state directory), saved before it writes and
 * deleted when the build has recorded them: present at the start of a build only if one was interrupted, whose
 * files nothing else may know as soda-gql's. Only a cache of intent: failing to read or write it never fails
 * a build, but the failure is kept as a debug note.
 */
public final class PendingOutputs {
    public static final String FILE = "pending-outputs";

    private final Path stateDirectory;
    private final OutputFolder folder;

    public PendingOutputs(Path stateDirectory, OutputFolder folder) {
        this.stateDirectory = stateDirectory;
        this.folder = folder;
    }

    /**
     * The list an interrupted build left: only files inside the output folder; each other line is ignored with a
     * notice in {@code notices}. A list that cannot be read counts as empty, with a note in {@code debugNotes}.
     */
    public Set<ProjectPath> read(List<String> notices, List<String> debugNotes) {
        try {
            Set<ProjectPath> paths = new TreeSet<>();
            for (String line : Files.readAllLines(stateDirectory.resolve(FILE))) {
                if (line.isBlank()) {
                    continue;
                }
                Optional<ProjectPath> path = projectPath(line.strip());
                if (path.isPresent() && folder.contains(path.get())) {
                    paths.add(path.get());
                } else {
                    notices.add("soda-gql: ignoring '" + line.strip().replaceAll("\\p{Cntrl}", "?") + "' in "
                            + FILE + ": it is not a file inside " + folder.path() + ".");
                }
            }
            return paths;
        } catch (NoSuchFileException e) {
            return Set.of();
        } catch (IOException | RuntimeException e) {
            debugNotes.add("cannot read " + FILE + " (" + e + "); taken as empty");
            return Set.of();
        }
    }

    /** Before writing: the outputs about to be written, so that a crash cannot leave untracked files. */
    public void write(List<ProjectPath> outputs, List<String> debugNotes) {
        StringBuilder paths = new StringBuilder();
        outputs.forEach(output -> paths.append(output.value()).append('\n'));
        try {
            OutputWriter.writeAtomically(stateDirectory.resolve(FILE), paths.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // Without the list a crash could leave untracked files; the build itself is still right.
            debugNotes.add("cannot write " + FILE + " (" + e + ")");
        }
    }

    /** After the build recorded its outputs: nothing is pending. */
    public void clear() throws IOException {
        Files.deleteIfExists(stateDirectory.resolve(FILE));
    }

    private static Optional<ProjectPath> projectPath(String value) {
        try {
            return Optional.of(new ProjectPath(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
