package io.github.sodagql.core.output;

import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.source.ContentHash;
import io.github.sodagql.core.source.ProjectPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Which files in the output folder one build may overwrite or delete. A path is soda-gql's if the
 * {@link OutputLedger}, the last build's snapshot or the pending list of an interrupted build records it, inside
 * the output folder; everything else there is foreign: never overwritten, never deleted.
 *
 * <p>Ownership is by content, not by path alone: every record carries the hash of the bytes soda-gql wrote, and a
 * file is deleted only while its bytes still hash to one of them. A file changed since (the user put their own
 * class at that path, or a forged state entry names a user's file) is kept, forgotten, and reported
 * ({@link DiagnosticCode#FOREIGN_FILE_KEPT}). Overwriting follows the same rule when the folder is shared with
 * the user's files ({@code allowForeignFiles}); in a folder that is soda-gql's alone, a generated file edited by
 * hand is put back as generated.
 */
public final class OutputOwnership implements WritePolicy {
    /** Lists ({@code <hash> <path>}) the outputs a build is about to write; present at the start of a build only if one was interrupted. */
    public static final String PENDING_FILE = "pending-outputs";

    private final Path projectDirectory;
    private final Path stateDirectory;
    private final OutputFolder folder;
    private final boolean sharedFolder;
    private final OutputLedger ledger;
    private final boolean ledgerPresent;
    /** Every hash soda-gql recorded writing at each path (ledger, snapshot, pending list): the bytes that make it ours. */
    private final Map<ProjectPath, Set<ContentHash>> written = new TreeMap<>();
    /** Paths the ledger or the snapshot record: a changed file there is reported, not just ignored. */
    private final Set<ProjectPath> recorded = new TreeSet<>();
    private final SortedSet<ProjectPath> pending = new TreeSet<>();
    private final SortedSet<ProjectPath> unrecorded = new TreeSet<>();
    private final List<String> notices = new ArrayList<>();
    private final List<Diagnostic> kept = new ArrayList<>();

    private OutputOwnership(Path projectDirectory, Path stateDirectory, OutputFolder folder, boolean sharedFolder,
            OutputLedger.Loaded loaded) {
        this.projectDirectory = projectDirectory;
        this.stateDirectory = stateDirectory;
        this.folder = folder;
        this.sharedFolder = sharedFolder;
        this.ledger = loaded.ledger();
        this.ledgerPresent = loaded.present();
        this.notices.addAll(loaded.notices());
    }

    /**
     * @param snapshotRecords the outputs the last build's snapshot records as written (already checked to lie
     *     inside the folder)
     * @param sharedFolder whether the folder may hold the user's files too ({@code allowForeignFiles})
     */
    public static OutputOwnership load(Path projectDirectory, Path stateDirectory, OutputFolder folder,
            Collection<OutputRecord> snapshotRecords, boolean sharedFolder) {
        OutputOwnership ownership = new OutputOwnership(projectDirectory, stateDirectory, folder, sharedFolder,
                OutputLedger.load(stateDirectory, folder));
        for (OutputRecord record : snapshotRecords) {
            ownership.add(record.path(), record.hash());
            ownership.recorded.add(record.path());
        }
        Set<ProjectPath> inSnapshot = new TreeSet<>(ownership.recorded);
        ownership.ledger.owned().forEach((path, hash) -> {
            ownership.add(path, hash);
            ownership.recorded.add(path);
            if (!inSnapshot.contains(path)) {
                ownership.unrecorded.add(path);
            }
        });
        // Temporary files of atomic writes that killed builds left: in the state folder (small) at every build,
        // in the output folder only after a build killed while writing outputs, which its pending list shows.
        // State files all lie at the top of their folder.
        OutputWriter.deleteTemporaryFiles(stateDirectory, 1);
        if (ownership.readPending()) {
            OutputWriter.deleteTemporaryFiles(folder.absolute(), Integer.MAX_VALUE);
        }
        return ownership;
    }

    private void add(ProjectPath path, ContentHash hash) {
        written.computeIfAbsent(path, p -> new java.util.HashSet<>()).add(hash);
    }

    /**
     * The pending list of an interrupted build: only files inside the output folder, the rest ignored with a
     * notice. Each names the hash of the bytes that build was about to write; a line without one (an older
     * build's) names a file that only the ledger or the snapshot can make soda-gql's. True if the list exists.
     */
    private boolean readPending() {
        List<String> lines;
        try {
            lines = Files.readAllLines(stateDirectory.resolve(PENDING_FILE), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException | RuntimeException e) {
            notices.add("soda-gql: ignoring " + PENDING_FILE + ", which cannot be read.");
            return true;
        }
        for (String line : lines) {
            String entry = line.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int space = entry.indexOf(' ');
            Optional<ContentHash> hash = space == 64 && OutputLedger.isHash(entry.substring(0, space))
                    ? Optional.of(new ContentHash(entry.substring(0, space))) : Optional.empty();
            Optional<ProjectPath> path = OutputLedger.pathOf(hash.isPresent() ? entry.substring(space + 1) : entry);
            if (path.isPresent() && folder.contains(path.get())) {
                pending.add(path.get());
                hash.ifPresent(h -> add(path.get(), h));
            } else {
                notices.add("soda-gql: ignoring '" + OutputLedger.printable(entry) + "' in " + PENDING_FILE
                        + ": it is not a file inside " + folder.path() + ".");
            }
        }
        return true;
    }

    @Override
    public boolean mayWrite(ProjectPath path) {
        return folder.contains(path);
    }

    /** Called only for a file whose bytes differ from the new ones. */
    @Override
    public boolean mayReplace(ProjectPath path) {
        if (!owns(path)) {
            return false;
        }
        if (!sharedFolder || asWritten(path).isPresent()) {
            return true;
        }
        // The user's now (their own class at a generated path): the writer reports it in the way.
        forget(path);
        return false;
    }

    @Override
    public boolean mayDelete(ProjectPath path) {
        Path file = path.resolveAgainst(projectDirectory);
        if (owns(path) && (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) || asWritten(path).isPresent())) {
            return true;
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        boolean wasRecorded = recorded.contains(path);
        forget(path);
        if (wasRecorded && folder.contains(path)) {
            kept.add(Diagnostic.global(DiagnosticCode.FOREIGN_FILE_KEPT, "Kept " + path.value()
                    + ": soda-gql no longer generates it, but its bytes are not the ones soda-gql wrote, so it was "
                    + "not deleted, and soda-gql no longer treats it as its own.", "If it is a generated file you "
                    + "edited, delete it; if it is your own, keep it (outside " + folder.path() + " unless "
                    + "allowForeignFiles is set)."));
        } else if (pending.contains(path)) {
            notices.add("soda-gql: ignoring " + path.value() + " in " + PENDING_FILE + ": its bytes are not the ones "
                    + "an interrupted build was writing, so it is not soda-gql's to delete.");
        }
        return false;
    }

    /** Whether the file at {@code path} is recorded as soda-gql's and lies inside the folder (its bytes not checked). */
    public boolean owns(ProjectPath path) {
        return written.containsKey(path) && folder.contains(path);
    }

    /** The hash of the file at {@code path} if its bytes are ones soda-gql recorded writing there. */
    public Optional<ContentHash> asWritten(ProjectPath path) {
        Set<ContentHash> hashes = written.get(path);
        if (hashes == null || !folder.contains(path)
                || Files.isSymbolicLink(path.resolveAgainst(projectDirectory))) {
            return Optional.empty();
        }
        try {
            ContentHash onDisk = ContentHash.of(Files.readAllBytes(path.resolveAgainst(projectDirectory)));
            return hashes.contains(onDisk) ? Optional.of(onDisk) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void forget(ProjectPath path) {
        written.remove(path);
        recorded.remove(path);
    }

    /** Paths an interrupted build's pending list names, inside the folder. */
    public SortedSet<ProjectPath> pending() {
        return Collections.unmodifiableSortedSet(pending);
    }

    /** Files the ledger lists but the snapshot does not: written by a build that did not finish, or not deletable. */
    public SortedSet<ProjectPath> unrecorded() {
        return Collections.unmodifiableSortedSet(unrecorded);
    }

    /** Whether a ledger was found; without one, every file found in the folder has to be checked. */
    public boolean ledgerPresent() {
        return ledgerPresent;
    }

    /** The notices found since the last call: entries of state ignored, files not deleted on an untrusted word. */
    public List<String> takeNotices() {
        List<String> taken = List.copyOf(notices);
        notices.clear();
        return taken;
    }

    /** The {@link DiagnosticCode#FOREIGN_FILE_KEPT} warnings of this build: changed files left in place. */
    public List<Diagnostic> kept() {
        return List.copyOf(kept);
    }

    /**
     * Before writing: the pending list (each file about to be written, with the hash of its new bytes), then the
     * ledger with those files added, keeping an earlier hash where there is one, so that a build killed half-way
     * owns each file whichever of the two contents it holds. Only files free to take (absent, or already soda-gql's)
     * are recorded: a file in the way of an output is not among them, so that no record can ever make it soda-gql's.
     */
    public void recordBeforeWriting(Collection<OutputFile> outputs, Map<ProjectPath, OutputRecord> known)
            throws IOException {
        Map<ProjectPath, ContentHash> claimed = new TreeMap<>(ledger.owned());
        for (ProjectPath path : written.keySet()) {
            OutputRecord record = known.get(path);
            if (record != null && !record.isFailed()) {
                claimed.putIfAbsent(path, record.hash());
            }
        }
        StringBuilder list = new StringBuilder();
        for (OutputFile output : outputs) {
            ProjectPath path = output.path();
            if (owns(path) || (folder.contains(path)
                    && !Files.exists(path.resolveAgainst(projectDirectory), LinkOption.NOFOLLOW_LINKS))) {
                ContentHash hash = ContentHash.of(output.bytes());
                add(path, hash);
                claimed.putIfAbsent(path, hash);
                list.append(hash.hex()).append(' ').append(path.value()).append('\n');
            }
        }
        OutputWriter.writeAtomically(stateDirectory.resolve(PENDING_FILE), list.toString().getBytes(StandardCharsets.UTF_8));
        new OutputLedger(claimed).save(stateDirectory);
    }

    /**
     * After the build: the ledger as the build left the folder: what it recorded ({@code kept}, failed writes
     * excluded), plus files it owned, could not delete, and still hold bytes it wrote.
     */
    public void recordAfterBuild(Collection<OutputRecord> keptRecords, Collection<ProjectPath> deleted) throws IOException {
        Map<ProjectPath, ContentHash> left = new TreeMap<>();
        for (OutputRecord record : keptRecords) {
            if (!record.isFailed()) {
                left.put(record.path(), record.hash());
            }
        }
        Set<ProjectPath> gone = new TreeSet<>(deleted);
        for (ProjectPath path : written.keySet()) {
            if (!left.containsKey(path) && !gone.contains(path)) {
                asWritten(path).ifPresent(hash -> left.put(path, hash));
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
