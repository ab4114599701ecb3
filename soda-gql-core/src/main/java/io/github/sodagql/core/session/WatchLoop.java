package io.github.sodagql.core.session;

import io.github.sodagql.core.config.DocumentRoot;
import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.schema.SchemaLoader;
import io.github.sodagql.core.source.ProjectPath;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Keeps a session in memory and rebuilds whenever a document or the schema changes: the watch mode. Events
 * are debounced (an editor's save is often several events), and each rebuild finds the actual changes by
 * stat, so what triggered it does not matter. The snapshot is saved after every build, so stopping at any
 * moment loses nothing.
 */
public final class WatchLoop implements AutoCloseable {
    private static final long QUIET_MILLIS = 150;

    private final SodaGqlConfig config;
    private final BuilderSession session;
    private final Consumer<BuildResult> onBuild;
    private final WatchService watcher;

    public WatchLoop(SodaGqlConfig config, BuilderSession session, Consumer<BuildResult> onBuild) throws IOException {
        this.config = config;
        this.session = session;
        this.onBuild = onBuild;
        this.watcher = FileSystems.getDefault().newWatchService();
    }

    /** Builds once, then after every change until {@link #close()} or an interrupt. */
    public void run() throws IOException {
        run(false);
    }

    /**
     * As {@link #run()}; with {@code fullFirst}, the first build is {@link BuilderSession#buildFull()}, which
     * checks the outputs the last build left against a clean build.
     */
    public void run(boolean fullFirst) throws IOException {
        // Watch first: a change made while the first build runs must not be missed.
        registerAll();
        onBuild.accept(fullFirst ? session.buildFull() : session.buildInitial());
        try {
            while (true) {
                WatchKey key = watcher.take();
                boolean relevant = drain(key);
                // Debounce: wait until the file system has been quiet for a moment.
                WatchKey next;
                while ((next = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    relevant |= drain(next);
                }
                registerAll();
                if (relevant) {
                    onBuild.accept(session.rebuild());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // close() was called: a normal stop.
        }
    }

    /** Takes a key's events; any event counts (even an overflow), since the rebuild finds changes by stat. */
    private static boolean drain(WatchKey key) {
        boolean any = !key.pollEvents().isEmpty();
        key.reset();
        return any;
    }

    /** Watches every folder under the document roots, and the folders of the schema files. */
    private void registerAll() throws IOException {
        for (DocumentRoot root : config.documentRoots()) {
            Path directory = root.directory().resolveAgainst(config.projectDirectory());
            if (Files.isDirectory(directory)) {
                try (Stream<Path> folders = Files.walk(directory)) {
                    for (Path folder : folders.filter(Files::isDirectory).toList()) {
                        register(folder);
                    }
                }
            }
        }
        for (ProjectPath schema : SchemaLoader.schemaFiles(config)) {
            Path parent = schema.resolveAgainst(config.projectDirectory()).getParent();
            if (parent != null && Files.isDirectory(parent)) {
                register(parent);
            }
        }
    }

    private void register(Path folder) throws IOException {
        folder.register(watcher, List.of(StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE).toArray(WatchEvent.Kind[]::new));
    }

    @Override
    public void close() throws IOException {
        watcher.close();
    }
}
