package io.github.sodagql.core.recompile;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The scans of the classes folders, started on a daemon thread before the build that writes the generated
 * sources (the scan does not depend on what it writes), for {@link StaleClassMarker#mark} to take. A scan
 * that failed, was cancelled or no longer matches the folder is not used: the check scans again.
 */
public final class PreparedClasses {
    private final Map<Path, CompletableFuture<ClassScan>> scans;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    /** While an index loads (not interruptible, and costly in a cold JVM), a cancel does not wait for it. */
    private final AtomicBoolean loading = new AtomicBoolean();

    private PreparedClasses(Map<Path, CompletableFuture<ClassScan>> scans) {
        this.scans = scans;
    }

    /** Nothing prepared: the check scans itself. */
    public static PreparedClasses none() {
        return new PreparedClasses(Map.of());
    }

    /** Starts scanning each compilation's classes folder (with its index in {@code stateDirectory}). */
    public static PreparedClasses start(List<Compilation> compilations, Path stateDirectory) {
        Map<Path, CompletableFuture<ClassScan>> scans = new LinkedHashMap<>();
        for (Compilation compilation : compilations) {
            scans.putIfAbsent(compilation.classesDirectory().toAbsolutePath().normalize(), new CompletableFuture<>());
        }
        PreparedClasses prepared = new PreparedClasses(Map.copyOf(scans));
        Thread thread = new Thread(() -> scans.forEach((classes, result) -> {
            try {
                prepared.loading.set(true);
                ClassIndex.Loaded index = ClassIndex.load(stateDirectory, classes);
                prepared.loading.set(false);
                result.complete(ClassScan.of(classes, index, prepared.cancelled::get));
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        }), "soda-gql class scan");
        thread.setDaemon(true);
        thread.start();
        return prepared;
    }

    /** The complete scan of {@code classes}, waiting for it; empty if none was prepared or it failed. */
    Optional<ClassScan> take(Path classes) {
        CompletableFuture<ClassScan> scan = scans.get(classes.toAbsolutePath().normalize());
        if (scan == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(scan.join()).filter(ClassScan::complete);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Stops the scans still running and returns every scan that ended (complete or stopped part-way: what
     * they parsed is worth keeping). A scan still loading its index is left to stop by itself, unwaited for.
     */
    List<ClassScan> cancel() {
        cancelled.set(true);
        boolean wait = !loading.get();
        return scans.values().stream().filter(scan -> wait || scan.isDone()).map(scan -> {
            try {
                return Optional.of(scan.join());
            } catch (RuntimeException e) {
                return Optional.<ClassScan>empty();
            }
        }).flatMap(Optional::stream).toList();
    }
}
