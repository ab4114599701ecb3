package io.github.sodagql.core.session;

import io.github.sodagql.core.artifact.ArtifactCounts;
import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.schema.SchemaCache;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Drives the pipeline and is the only holder of state between builds. Every build is an update of the
 * last build's {@link Snapshot} (kept in memory, and under the state directory for the next process): a
 * full build is an update from nothing. The steps of one build are in {@link Build}.
 *
 * <p>Order of writes: outputs first, then the artifact, then the snapshot (atomically). A build that stops
 * half-way leaves the old snapshot, whose fingerprints no longer match, so the next build redoes the work.
 *
 * <p>Not thread-safe: one session serves one build at a time; a lock on the state directory keeps two
 * processes from building the same project at once.
 */
public final class BuilderSession {
    public static final String ARTIFACT_FILE = "artifact.json";
    public static final String REPORT_FILE = "report.json";
    /** Lists the outputs a build is about to write; present at the start of a build only if one was interrupted. */
    static final String PENDING_FILE = io.github.sodagql.core.output.OutputOwnership.PENDING_FILE;
    private static final long LOCK_TIMEOUT_MILLIS = 120_000;

    private final SodaGqlConfig config;
    private final Path stateDirectory;
    private final SchemaCache schemaCache;
    private Optional<Snapshot> memory = Optional.empty();

    public BuilderSession(SodaGqlConfig config) {
        this.config = config;
        this.stateDirectory = config.stateDirectory().resolveAgainst(config.projectDirectory());
        this.schemaCache = new SchemaCache(new SchemaCache.Recent() {
            @Override
            public Optional<io.github.sodagql.core.schema.LoadedSchema> recall(io.github.sodagql.core.source.ContentHash hash,
                    List<io.github.sodagql.core.source.ProjectPath> sources) {
                return SchemaMemory.recall(hash, sources);
            }

            @Override
            public void remember(io.github.sodagql.core.schema.LoadedSchema schema) {
                SchemaMemory.remember(schema);
            }
        }, new SchemaCache.Saved() {
            @Override
            public Optional<graphql.schema.idl.TypeDefinitionRegistry> load(io.github.sodagql.core.source.ContentHash hash,
                    List<String> debugNotes) {
                return SchemaRegistryStore.load(stateDirectory, hash, debugNotes);
            }

            @Override
            public void save(io.github.sodagql.core.source.ContentHash hash, graphql.schema.idl.TypeDefinitionRegistry parsed)
                    throws IOException {
                SchemaRegistryStore.save(stateDirectory, hash, parsed);
            }
        }, BuilderSession::startDaemon);
    }

    /** The state the last build left, if any. */
    public Optional<Snapshot> snapshot() {
        return memory;
    }

    /**
     * Builds from the snapshot under the state directory (or from nothing): scans every input, and redoes
     * only what changed since that snapshot was written.
     */
    public BuildResult buildInitial() {
        memory = Optional.empty();
        return build(Optional.empty(), Build.Reuse.INCREMENTAL);
    }

    /** Builds again from this session's own state, finding changes by a stat of every input (a watcher). */
    public BuildResult rebuild() {
        return build(Optional.empty(), Build.Reuse.INCREMENTAL);
    }

    /** Builds again, after the given changes, from this session's own state (a watcher or an IDE). */
    public BuildResult update(ChangeSet changes) {
        return build(Optional.of(changes), Build.Reuse.INCREMENTAL);
    }

    /**
     * Builds everything, ignoring the snapshot, and reports every output the clean build had to change as an
     * {@link DiagnosticCode#INCREMENTAL_MISMATCH} error: the user's own check that incremental building gives
     * what a clean build gives. Inputs changed since the last build are first built incrementally, so that
     * the comparison is with what the incremental path makes of them; outputs edited by hand are left for
     * the clean build to find. The outputs end up as the clean build makes them.
     */
    public BuildResult buildFull() {
        memory = Optional.empty();
        BuildResult incremental = build(Optional.empty(), Build.Reuse.BEFORE_FULL);
        if (incremental.report().buildMode().isFull()) {
            // That was a clean build already: there is no incremental result to compare with.
            List<String> notices = new ArrayList<>(incremental.notices());
            notices.add("soda-gql: no earlier build to compare with, so the full build checked nothing.");
            return new BuildResult(incremental.diagnostics(), incremental.artifact(), incremental.report(),
                    incremental.inputs(), notices);
        }
        BuildResult full = build(Optional.empty(), Build.Reuse.FULL);
        List<String> notices = new ArrayList<>(incremental.notices());
        notices.addAll(full.notices());
        return new BuildResult(full.diagnostics(), full.artifact(), full.report(), full.inputs(), notices);
    }

    private BuildResult build(Optional<ChangeSet> known, Build.Reuse reuse) {
        StageClock clock = new StageClock();
        List<Diagnostic> configProblems = config.problems();
        if (!configProblems.isEmpty()) {
            return new BuildResult(configProblems, Optional.empty(), new BuildReport(new BuildMode.Full("invalid configuration"),
                    new ArtifactCounts(0, 0, 0, configProblems.size(), 0), BuildCounters.none(), clock.stageMillis(),
                    clock.totalMillis()), List.of(), List.of());
        }
        try (StateLock lock = StateLock.acquire(stateDirectory, LOCK_TIMEOUT_MILLIS)) {
            return new Build(config, clock, known, reuse, memory, schemaCache, kept -> memory = kept).run();
        } catch (IOException e) {
            Diagnostic failure = Diagnostic.global(DiagnosticCode.IO_ERROR, "Cannot use the state directory "
                    + config.stateDirectory() + ": " + e.getMessage() + ".", "Check that it is writable; if another build "
                    + "is stuck, stop it.");
            return new BuildResult(List.of(failure), Optional.empty(), new BuildReport(new BuildMode.Full("state directory unusable"),
                    new ArtifactCounts(0, 0, 0, 1, 0), BuildCounters.none(), clock.stageMillis(), clock.totalMillis()),
                    List.of(), List.of());
        }
    }

    static void startDaemon(Runnable task) {
        Thread thread = new Thread(task, "soda-gql-worker");
        thread.setDaemon(true);
        thread.start();
    }

    /** The result of work done on another thread; its unchecked exception is rethrown as it was thrown. */
    static <T> T join(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
