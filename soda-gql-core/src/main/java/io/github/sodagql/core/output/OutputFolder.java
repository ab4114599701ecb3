package io.github.sodagql.core.output;

import io.github.sodagql.core.source.ProjectPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A folder that a kind of file must stay in: the output directory for generated sources, the state directory
 * for state files. Every path read back from state (the snapshot, the ledger, the pending list) is untrusted,
 * so it is used only if it lies inside, as text ({@code ../} and odd spellings refused) and on disk (no
 * directory on its way may be a link that leads out).
 */
public final class OutputFolder {
    private final Path projectDirectory;
    private final ProjectPath folder;
    private final String prefix;
    /** Whether each parent directory checked so far really lies inside; most outputs share a few parents. */
    private final Map<Path, Boolean> parents = new ConcurrentHashMap<>();

    public OutputFolder(Path projectDirectory, ProjectPath folder) {
        this.projectDirectory = projectDirectory;
        this.folder = folder;
        this.prefix = ".".equals(folder.value()) ? "" : folder.value() + "/";
    }

    public ProjectPath path() {
        return folder;
    }

    public Path absolute() {
        return folder.resolveAgainst(projectDirectory);
    }

    /** Whether {@code path} names a file inside this folder, following every link on its way. */
    public boolean contains(ProjectPath path) {
        String value = path.value();
        if (!value.startsWith(prefix) || value.length() == prefix.length()
                || !ProjectPath.parse(value).value().equals(value)) {
            return false;
        }
        // The folder itself may lie outside the project ("../build/gen"); what follows it may not climb.
        String inside = value.substring(prefix.length());
        if (inside.equals("..") || inside.startsWith("../")) {
            return false;
        }
        Path parent = path.resolveAgainst(projectDirectory).getParent();
        return parents.computeIfAbsent(parent, this::reallyInside);
    }

    private boolean reallyInside(Path directory) {
        try {
            return real(directory).startsWith(real(absolute()));
        } catch (IOException e) {
            return false;
        }
    }

    /** The real path of {@code path}: that of its nearest existing ancestor, with the missing rest appended. */
    private static Path real(Path path) throws IOException {
        Path existing = path;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        return existing.toRealPath().resolve(existing.relativize(path)).normalize();
    }
}
