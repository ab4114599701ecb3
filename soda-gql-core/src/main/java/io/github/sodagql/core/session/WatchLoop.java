package io.github.sodagql.core.session;

import io.github.sodagql.core.config.DocumentRoot;
import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.schema.SchemaSources;
import io.github.sodagql.core.source.ProjectPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
    /** The document roots and schema locations, absolute; set by each registration pass. */
    private List<Path> locations = List.of();

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

    /**
     * Takes a key's events. An event counts when it is inside a watched location or creates or deletes one
     * (heard on a parent folder); an overflow always counts, since the rebuild finds the changes by stat.
     */
    private boolean drain(WatchKey key) {
        boolean relevant = false;
        Path folder = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            relevant |= !(event.context() instanceof Path name) || concernsALocation(folder.resolve(name));
        }
        key.reset();
        return relevant;
    }

    private boolean concernsALocation(Path changed) {
        return locations.stream().anyMatch(location -> changed.startsWith(location) || location.startsWith(changed));
    }

    /**
     * Watches every folder under the document roots and the schema's locations, and for each location the
     * nearest folder above it that exists: a root deleted and copied back (a branch switch, a sync tool) is
     * heard there, and registered again on the next pass. Folders that vanish while this runs are skipped;
     * their deletion is itself an event, so another pass follows.
     */
    private void registerAll() {
        Set<Path> found = new LinkedHashSet<>();
        for (DocumentRoot root : config.documentRoots()) {
            found.add(root.directory().resolveAgainst(config.projectDirectory()));
        }
        for (ProjectPath schema : SchemaSources.locations(config)) {
            found.add(schema.resolveAgainst(config.projectDirectory()));
        }
        locations = List.copyOf(found);
        for (Path location : locations) {
            if (Files.isDirectory(location)) {
                try (Stream<Path> folders = Files.walk(location)) {
                    folders.filter(Files::isDirectory).forEach(this::register);
                } catch (IOException | UncheckedIOException e) {
                    // Deleted while walking: the deletion's events bring another pass.
                }
            }
            Path above = location.getParent();
            while (above != null && !Files.isDirectory(above)) {
                above = above.getParent();
            }
            if (above != null) {
                register(above);
            }
        }
    }

    private void register(Path folder) {
        try {
            folder.register(watcher, List.of(StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE).toArray(WatchEvent.Kind[]::new));
        } catch (IOException e) {
            // Gone since it was listed: its parent, watched as well, hears it come back.
        }
    }

    @Override
    public void close() throws IOException {
        watcher.close();
    }
}
