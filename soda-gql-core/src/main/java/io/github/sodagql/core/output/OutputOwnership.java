package io.github.sodagql.core.output;

import io.github.sodagql.core.source.ContentHash;
import io.github.sodagql.core.source.ProjectPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Which files in the output folder one build may overwrite or delete: those the {@link OutputLedger} lists,
 * those the last build's snapshot records and those an interrupted build was writing, each only if it lies
 * inside the output folder. Everything else there is foreign: never overwritten, never deleted.
 */
public final class OutputOwnership implements WritePolicy {
    private final Path projectDirectory;
    private final Path stateDirectory;
    private final OutputFolder folder;
    private final OutputLedger ledger;
    private final boolean ledgerPresent;
    private final SortedSet<ProjectPath> owned = new TreeSet<>();
    private final SortedSet<ProjectPath> unrecorded = new TreeSet<>();
    private final List<String> notices = new ArrayList<>();

    private OutputOwnership(Path projectDirectory, Path stateDirectory, OutputFolder folder, OutputLedger.Loaded loaded) {
        this.projectDirectory = projectDirectory;
        this.stateDirectory = stateDirectory;
        this.folder = folder;
        this.ledger = loaded.ledger();
        this.ledgerPresent = loaded.present();
        this.notices.addAll(loaded.notices());
    }

    /**
     * @param recorded the outputs the last build's snapshot records (already checked to lie inside the folder)
     * @param pending the outputs an interrupted build was about to write
     */
    public static OutputOwnership load(Path projectDirectory, Path stateDirectory, OutputFolder folder,
            Collection<ProjectPath> recorded, Collection<ProjectPath> pending) {
        OutputOwnership ownership = new OutputOwnership(projectDirectory, stateDirectory, folder,
                OutputLedger.load(stateDirectory, folder));
        ownership.owned.addAll(recorded);
        ownership.owned.addAll(pending);
        for (ProjectPath path : ownership.ledger.owned().keySet()) {
            if (ownership.owned.add(path)) {
                ownership.unrecorded.add(path);
            }
        }
        return ownership;
    }

    @Override
    public boolean mayWrite(ProjectPath path) {
        return folder.contains(path);
    }

    @Override
    public boolean mayReplace(ProjectPath path) {
        return owns(path);
    }

    /** Whether soda-gql wrote the file at {@code path}, so that it may replace or delete it. */
    public boolean owns(ProjectPath path) {
        return owned.contains(path) && folder.contains(path);
    }

    /** Files the ledger lists but the snapshot does not: written by a build that did not finish, or not deletable. */
    public SortedSet<ProjectPath> unrecorded() {
        return java.util.Collections.unmodifiableSortedSet(unrecorded);
    }

    /** Whether a ledger was found; without one, every file found in the folder has to be checked. */
    public boolean ledgerPresent() {
        return ledgerPresent;
    }

    public List<String> notices() {
        return List.copyOf(notices);
    }

    /**
     * Before writing: the ledger with every file about to be written that is free to take (absent, or already
     * soda-gql's), so that a build killed half-way still owns what it wrote. Returns those files' paths: a file
     * in the way of an output is not among them, so that no record can ever make it soda-gql's.
     */
    public List<ProjectPath> recordBeforeWriting(Collection<OutputFile> outputs, Map<ProjectPath, OutputRecord> known)
            throws IOException {
        List<ProjectPath> claimedPaths = new ArrayList<>();
        Map<ProjectPath, ContentHash> claimed = new TreeMap<>(ledger.owned());
        for (ProjectPath path : owned) {
            OutputRecord record = known.get(path);
            if (record != null && !claimed.containsKey(path)) {
                claimed.put(path, record.hash());
            }
        }
        for (OutputFile output : outputs) {
            ProjectPath path = output.path();
            if (owns(path) || (folder.contains(path)
                    && !Files.exists(path.resolveAgainst(projectDirectory), LinkOption.NOFOLLOW_LINKS))) {
                owned.add(path);
                claimed.put(path, ContentHash.of(output.bytes()));
                claimedPaths.add(path);
            }
        }
        new OutputLedger(claimed).save(stateDirectory);
        return claimedPaths;
    }

    /**
     * After the build: the ledger as the build left the folder: what it recorded ({@code kept}, failed writes
     * excluded), plus files it owned and could not delete.
     */
    public void recordAfterBuild(Collection<OutputRecord> kept, Collection<ProjectPath> deleted) throws IOException {
        Map<ProjectPath, ContentHash> left = new TreeMap<>();
        for (OutputRecord record : kept) {
            if (!record.isFailed()) {
                left.put(record.path(), record.hash());
            }
        }
        Set<ProjectPath> gone = new TreeSet<>(deleted);
        for (ProjectPath path : owned) {
            if (left.containsKey(path) || gone.contains(path) || !folder.contains(path)) {
                continue;
            }
            try {
                left.put(path, ContentHash.of(Files.readAllBytes(path.resolveAgainst(projectDirectory))));
            } catch (IOException e) {
                // Gone (or never written): nothing left to own.
            }
        }
        new OutputLedger(left).save(stateDirectory);
    }

    /**
     * Up to {@code limit} files in the folder that soda-gql did not write (links included, never followed), sorted;
     * a file {@code ours} accepts (this build produces exactly its bytes) is not foreign, nor is the temporary file
     * of an atomic write that a killed build left.
     */
    public List<ProjectPath> foreignFiles(Predicate<ProjectPath> ours, int limit) throws IOException {
        return OutputLedger.foreignFiles(folder, projectDirectory, path -> owns(path) || ours.test(path), limit);
    }
}
