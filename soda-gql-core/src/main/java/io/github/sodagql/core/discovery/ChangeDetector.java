package io.github.sodagql.core.discovery;

import io.github.sodagql.core.source.ContentHash;
import io.github.sodagql.core.source.ProjectPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Finds what changed since the last build: stat first, hash only what moved. A document is read at most once
 * (the read is handed on to be parsed); a file whose stat moved but whose hash did not is only
 * {@link FileChange.Touched}. Pure apart from the reads: it keeps no state between builds.
 */
public final class ChangeDetector {
    private final Path projectDirectory;
    private final InputScanner scanner;

    public ChangeDetector(Path projectDirectory) {
        this.projectDirectory = projectDirectory;
        this.scanner = new InputScanner(projectDirectory);
    }

    /**
     * The documents that differ between a scan and the last build's: the two lists are both sorted by path, so
     * one pass pairs each file found with the one known and finds the gone.
     *
     * @param known each document of the last build, with its fingerprint (empty when it could not be read)
     * @param schemaFiles files that are the schema, not documents, whatever the scan says
     */
    public DocumentChanges afterScan(ScanResult scan, SortedMap<ProjectPath, Optional<Fingerprint>> known,
            Set<ProjectPath> schemaFiles) {
        List<FileChange> changes = new ArrayList<>();
        List<ProjectPath> candidates = new ArrayList<>();
        Iterator<Map.Entry<ProjectPath, Optional<Fingerprint>>> before = known.entrySet().iterator();
        Map.Entry<ProjectPath, Optional<Fingerprint>> next = before.hasNext() ? before.next() : null;
        int scanned = 0;
        int statHits = 0;
        for (FileStat stat : scan.files()) {
            if (schemaFiles.contains(stat.path())) {
                continue;
            }
            while (next != null && next.getKey().compareTo(stat.path()) < 0) {
                changes.add(new FileChange.Removed(next.getKey(), "no longer found"));
                next = before.hasNext() ? before.next() : null;
            }
            Optional<Fingerprint> old = Optional.empty();
            if (next != null && next.getKey().equals(stat.path())) {
                old = next.getValue();
                next = before.hasNext() ? before.next() : null;
            }
            scanned++;
            if (old.isPresent() && old.get().sameStat(stat)) {
                statHits++;
            } else {
                candidates.add(stat.path());
            }
        }
        while (next != null) {
            changes.add(new FileChange.Removed(next.getKey(), "no longer found"));
            next = before.hasNext() ? before.next() : null;
        }
        SortedMap<ProjectPath, ReadResult> reads = new TreeMap<>();
        int hashes = read(candidates, known, schemaFiles, "size/mtime moved and hash differs", changes, reads);
        return new DocumentChanges(changes, reads, scan.problems(), scanned, statHits, hashes);
    }

    /**
     * The documents that differ, as a build tool (an IDE) reports them: no scan; a reported removal counts only
     * for a document the last build knew, and a reported update only when its hash moved.
     */
    public DocumentChanges asReported(Collection<ProjectPath> removed, Collection<ProjectPath> addedOrUpdated,
            SortedMap<ProjectPath, Optional<Fingerprint>> known, Set<ProjectPath> schemaFiles) {
        List<FileChange> changes = new ArrayList<>();
        removed.stream().filter(known::containsKey)
                .forEach(path -> changes.add(new FileChange.Removed(path, "deleted, as the build tool reports")));
        SortedMap<ProjectPath, ReadResult> reads = new TreeMap<>();
        int hashes = read(addedOrUpdated, known, schemaFiles, "reported by the build tool, and hash differs", changes, reads);
        return new DocumentChanges(changes, reads, List.of(), 0, 0, hashes);
    }

    /** Reads each candidate once; returns how many were read. */
    private int read(Collection<ProjectPath> candidates, SortedMap<ProjectPath, Optional<Fingerprint>> known,
            Set<ProjectPath> schemaFiles, String updateReason, List<FileChange> changes, SortedMap<ProjectPath, ReadResult> reads) {
        int hashes = 0;
        for (ProjectPath path : candidates) {
            if (schemaFiles.contains(path)) {
                continue;
            }
            ReadResult result = scanner.read(path);
            hashes++;
            Optional<Fingerprint> old = known.getOrDefault(path, Optional.empty());
            if (result instanceof ReadResult.Read read && old.isPresent()
                    && old.get().contentHash().equals(read.file().fingerprint().contentHash())) {
                changes.add(new FileChange.Touched(path, read.file().fingerprint(), "size/mtime moved, same hash: not rebuilt"));
                continue;
            }
            reads.put(path, result);
            if (result instanceof ReadResult.Unreadable unreadable) {
                changes.add(new FileChange.Unreadable(path, unreadable.problem().message()));
            } else if (result instanceof ReadResult.Read read) {
                changes.add(known.containsKey(path) ? new FileChange.Updated(path, read.file().fingerprint(), updateReason)
                        : new FileChange.Added(path, read.file().fingerprint(), "new"));
            }
        }
        return hashes;
    }

    /** How files that are not plain project files (a schema inside a jar) are stat'ed and read. */
    public interface FileAccess {
        FileStat stat(ProjectPath path) throws IOException;

        byte[] read(ProjectPath path) throws IOException;
    }

    /**
     * Fingerprints files that are hashed but not read as text (the schema's): a stat each, and a hash of each
     * whose stat moved. Files in {@code before} but not in {@code paths} are removed.
     */
    public InputFingerprints schemaFiles(Collection<ProjectPath> paths, SortedMap<ProjectPath, Fingerprint> before,
            FileAccess access) {
        SortedMap<ProjectPath, Fingerprint> current = new TreeMap<>();
        List<FileChange> changes = new ArrayList<>();
        int hashes = 0;
        for (ProjectPath path : paths) {
            try {
                FileStat stat = access.stat(path);
                Fingerprint old = before.get(path);
                if (old != null && old.sameStat(stat)) {
                    current.put(path, old);
                    continue;
                }
                ContentHash hash = ContentHash.of(access.read(path));
                hashes++;
                Fingerprint now = new Fingerprint(stat.size(), stat.modifiedMillis(), hash);
                current.put(path, now);
                changes.add(old == null ? new FileChange.Added(path, now, "new schema file: everything is validated again")
                        : old.contentHash().equals(hash)
                                ? new FileChange.Touched(path, now, "size/mtime moved, same hash: not rebuilt")
                                : new FileChange.Updated(path, now, "schema: size/mtime moved and hash differs"));
            } catch (IOException e) {
                changes.add(new FileChange.Unreadable(path, e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        }
        before.keySet().stream().filter(path -> !paths.contains(path))
                .forEach(path -> changes.add(new FileChange.Removed(path, "schema file no longer found")));
        return new InputFingerprints(current, changes, hashes);
    }

    /** Plain project files: a stat of the file, its bytes. */
    public FileAccess projectFiles() {
        return new FileAccess() {
            @Override
            public FileStat stat(ProjectPath path) throws IOException {
                BasicFileAttributes attributes = Files.readAttributes(path.resolveAgainst(projectDirectory),
                        BasicFileAttributes.class);
                return new FileStat(path, attributes.size(), attributes.lastModifiedTime().toMillis());
            }

            @Override
            public byte[] read(ProjectPath path) throws IOException {
                return Files.readAllBytes(path.resolveAgainst(projectDirectory));
            }
        };
    }
}
