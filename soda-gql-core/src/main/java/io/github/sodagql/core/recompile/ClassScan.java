package io.github.sodagql.core.recompile;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Every class file of one classes folder, by its path relative to it: one walk that stats each file, the
 * {@link ClassIndex}'s entry reused when the stat is the one it was read with, the file parsed otherwise
 * (the few javac wrote since the last check, or all of them without an index). A class in a folder its name
 * does not match is left out (not one javac wrote for this layout); one that does not parse is left out
 * with a warning, as before the index.
 *
 * @param parsed  class files read and parsed in this scan
 * @param reused  class files whose entry came from the index
 */
record ClassScan(Path folder, Map<String, ClassFile> classes, int parsed, int reused, List<String> warnings,
        ClassIndex next, ClassIndex.Loaded previous, boolean complete, Map<Path, FileTime> folders) {

    static ClassScan of(Path classes, ClassIndex.Loaded previous) throws IOException {
        return of(classes, previous, () -> false);
    }

    /**
     * @param cancelled asked before each file: a cancelled scan stops there, is never used to mark classes,
     *                  and only saves what it parsed so far (over the entries of the previous index)
     */
    static ClassScan of(Path classes, ClassIndex.Loaded previous, BooleanSupplier cancelled) throws IOException {
        Map<String, ClassFile> found = new HashMap<>();
        Map<Path, FileTime> folders = new HashMap<>();
        boolean[] stopped = new boolean[1];
        Map<String, ClassIndex.Entry> next = new HashMap<>();
        List<String> warnings = new ArrayList<>();
        previous.problem().ifPresent(warnings::add);
        int[] counts = new int[2];
        if (Files.isDirectory(classes)) {
            Files.walkFileTree(classes, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes stat) {
                    folders.put(directory, stat.lastModifiedTime());
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes stat) throws IOException {
                    if (cancelled.getAsBoolean()) {
                        stopped[0] = true;
                        return FileVisitResult.TERMINATE;
                    }
                    if (!stat.isRegularFile() || !file.getFileName().toString().endsWith(".class")) {
                        return FileVisitResult.CONTINUE;
                    }
                    String relative = classes.relativize(file).toString().replace('\\', '/');
                    long modified = stat.lastModifiedTime().to(TimeUnit.NANOSECONDS);
                    Optional<ClassFile> known = previous.index().unchanged(relative, stat.size(), modified,
                            previous.writtenNanos());
                    ClassFile type;
                    if (known.isPresent()) {
                        type = known.get();
                        counts[1]++;
                    } else {
                        byte[] bytes = Files.readAllBytes(file);
                        counts[0]++;
                        try {
                            type = ClassFile.parse(bytes);
                        } catch (IllegalArgumentException e) {
                            warnings.add("ignoring " + file + ": " + e.getMessage());
                            return FileVisitResult.CONTINUE;
                        }
                    }
                    // The stat it had before it was read: a file changed since then is read again next time.
                    next.put(relative, new ClassIndex.Entry(stat.size(), modified, type));
                    if ((type.name() + ".class").equals(relative)) {
                        found.put(relative, type);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        Map<String, ClassIndex.Entry> saved = next;
        if (stopped[0]) {
            saved = new HashMap<>(previous.index().entries());
            saved.putAll(next);
        }
        return new ClassScan(classes, Map.copyOf(found), counts[0], counts[1], List.copyOf(warnings),
                new ClassIndex(saved), previous, !stopped[0], Map.copyOf(folders));
    }

    /**
     * Whether this scan still describes the folder, given the stats of some of its class files taken since
     * (the class of every source, which the check stats anyway): no folder's modification time moved (no
     * file added, removed or renamed) and none of those classes was written again.
     */
    boolean stillCurrent(Map<String, BasicFileAttributes> statsSince) {
        if (!complete) {
            return false;
        }
        try {
            for (Map.Entry<Path, FileTime> directory : folders.entrySet()) {
                if (!Files.getLastModifiedTime(directory.getKey()).equals(directory.getValue())) {
                    return false;
                }
            }
        } catch (IOException e) {
            return false;
        }
        if (folders.isEmpty() && Files.isDirectory(folder)) {
            return false;
        }
        for (Map.Entry<String, BasicFileAttributes> stat : statsSince.entrySet()) {
            long modified = stat.getValue().lastModifiedTime().to(TimeUnit.NANOSECONDS);
            boolean same = next.entries().containsKey(stat.getKey())
                    && next.entries().get(stat.getKey()).size() == stat.getValue().size()
                    && next.entries().get(stat.getKey()).modifiedNanos() == modified;
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /** Saves the index for the next check, only when it differs from the one loaded. */
    void saveIndex(Path stateDirectory) throws IOException {
        // Every entry reused and none gone: the index on disk is this one, no need to encode it to see so.
        if (parsed == 0 && reused == next.size() && reused == previous.index().size() && previous.bytes().isPresent()) {
            return;
        }
        next.save(stateDirectory, folder, previous.bytes());
    }
}
