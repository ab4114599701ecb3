package io.github.sodagql.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety at scale (issue 13): large-app copied ten times ({@link ScaledFixture}: about 190 documents, 370
 * definitions, 390 generated files), built in a child JVM ({@link ChildBuild}) that is killed with {@code kill -9}
 * at a seeded random moment, trial after trial. Before each trial the documents are edited (a field added or
 * removed, a widely spread fragment changed, a document deleted, restored or added, the schema extended, an
 * error made or fixed) or the target folder is deleted ({@code mvn clean}), so that kills land in incremental
 * builds as well as cold ones; sometimes a second build is killed before anything recovers, and sometimes the edit
 * is taken back before the recovery, so that what the killed build wrote is produced by nothing. After every trial a
 * normal build must leave exactly what a clean build of the same documents leaves, byte for byte: the generated
 * tree, the artifact, the output ledger and the snapshot's records; and a build after it must have nothing to do.
 *
 * <p>The kill delays are timed from the child's "build started" line, uniformly over the length of such a build
 * (measured on this machine first), or from the moment the build starts writing (its pending-outputs list
 * appears), so that most kills land in a running build. Where each kill landed is read from the state directory
 * after the child is gone: a new pending list means "while writing", a new snapshot without it "after the
 * snapshot", neither "before writing" (scanning, parsing, validating, generating).
 *
 * <p>{@code -Dsoda-gql.crash.seed=S} and {@code -Dsoda-gql.crash.trials=N} change the run.
 */
class CrashSafetyLargeFixtureTest {
    private static final String DOCUMENTS = "src/main/graphql";
    private static final String STATE = "target/soda-gql";
    private static final int COPIES = 10;
    private static final String SCHEMA_EXTENSION = "\nenum CrashMood {\n  CALM\n  PANIC\n}\n\nextend type Query {\n"
            + "  crashMood: CrashMood\n}\n";
    private static final String UNKNOWN_FIELD = " crashNoSuchField";

    /** Where a kill landed. */
    enum Landing {
        /** The JVM was starting: the build had not begun. */
        STARTUP,
        /** Scanning, loading the snapshot, parsing, validating, generating: nothing written yet. */
        BEFORE_WRITING,
        /** Between the pending-outputs list and its removal: outputs, artifact, snapshot and ledger. */
        WHILE_WRITING,
        /** After the snapshot was saved: the report and exports. */
        AFTER_SNAPSHOT,
        /** The build had ended. */
        FINISHED
    }

    @TempDir
    Path temporary;

    private final ProjectEdits edits = new ProjectEdits();
    private final Map<Landing, Integer> landings = new EnumMap<>(Landing.class);
    private final List<String> log = new ArrayList<>();
    /** The scaled documents as first written: what a "restore" edit restores from. */
    private Path reference;
    /** The document an edit made wrong, until the next edit fixes it. */
    private Path broken;

    @Test
    void aBuildAfterABuildKilledAtARandomMomentEqualsACleanBuildByteForByte() throws Exception {
        long seed = Long.getLong("soda-gql.crash.seed", 20261205L);
        int trials = Integer.getInteger("soda-gql.crash.trials", 22);
        long startedAt = System.nanoTime();
        Random random = new Random(seed);
        Path project = temporary.resolve("project");
        reference = temporary.resolve("reference");
        ScaledFixture.write(IncrementalDifferentialTest.fixture("large-app"), reference, COPIES);
        IncrementalDifferentialTest.copy(reference, project.resolve(DOCUMENTS));

        // How long a cold and an incremental child build take here, from "started" to the end.
        long coldMillis = timedChildBuild(project, "full");
        BuildResult cold = new BuilderSession(ChildBuild.config(project)).buildInitial();
        assertFalse(cold.hasErrors(), cold.diagnostics().toString());
        assertEquals("incremental", cold.report().mode(), "the child builds with the parent's configuration");
        int outputs = cold.report().counters().outputs();
        Path money = project.resolve(DOCUMENTS).resolve("v3/entities/product.graphql");
        edits.write(money, Files.readString(money).replaceFirst("(fragment MoneyAmountV3 on Money \\{)", "$1 __typename"));
        long incrementalMillis = timedChildBuild(project, "incremental");
        KillTiming timing = new KillTiming(coldMillis, incrementalMillis);

        int trial = 0;
        int step = 0;
        CleanBuildComparison.CleanReference clean = new CleanBuildComparison.CleanReference(temporary.resolve("clean"),
                ChildBuild::config);
        while (trial < trials) {
            step++;
            Edit edit = edit(project, random, step);
            log.add(step + ": " + edit.description());
            trial++;
            log.add(step + ": " + killedChildBuild(project, random, timing, edit.changesContent()));
            if (trial < trials && random.nextInt(4) == 0) {
                trial++;
                log.add(step + ": again " + killedChildBuild(project, random, timing, edit.changesContent()));
            }
            if (!edit.before().isEmpty() && random.nextInt(3) == 0) {
                // What the killed build wrote for the edit is now produced by nothing: the recovery must remove it.
                undo(edit);
                log.add(step + ": undo");
            }
            String context = "seed " + seed + ", step " + step + " (rerun with -Dsoda-gql.crash.seed=" + seed + "); last: "
                    + log.subList(Math.max(0, log.size() - 8), log.size());

            Set<String> temporariesBefore = CleanBuildComparison.temporaryFiles(project.resolve("target"));
            BuildResult recovery = new BuilderSession(ChildBuild.config(project)).buildInitial();
            assertTrue(temporariesBefore.containsAll(CleanBuildComparison.temporaryFiles(project.resolve("target"))),
                    "the recovery build left temporary files of its own; " + context);
            CleanBuildComparison.assertSameBytesAndStateAsCleanBuild(project, recovery, clean, context);

            BuildResult next = new BuilderSession(ChildBuild.config(project)).buildInitial();
            BuildCounters counters = next.report().counters();
            assertEquals(List.of("incremental", 0, 0, 0, 0), List.of(next.report().mode(), counters.filesParsed(),
                    counters.operationsValidated(), counters.filesWritten(), counters.filesDeleted()),
                    "the build after the recovery has nothing to do; " + context);
        }

        int midBuild = landings.getOrDefault(Landing.BEFORE_WRITING, 0) + landings.getOrDefault(Landing.WHILE_WRITING, 0)
                + landings.getOrDefault(Landing.AFTER_SNAPSHOT, 0);
        System.out.printf("CrashSafetyLargeFixtureTest: seed %d, %d kill -9 trials in %d steps on %d outputs: %s, %d of them"
                + " mid-build; %d clean builds compared with; %d temporary files left by kills; child build %d ms cold, %d ms"
                + " incremental at first (%s at the end); %.1f s%n", seed, trials, step, outputs, landings, midBuild,
                clean.builds(), CleanBuildComparison.temporaryFiles(project.resolve("target")).size(), coldMillis, incrementalMillis, timing,
                (System.nanoTime() - startedAt) / 1e9);
        assertTrue(midBuild > trials / 2, "most kills must land in a running build: " + landings + " " + log);
        assertTrue(landings.getOrDefault(Landing.BEFORE_WRITING, 0) > 0 && landings.getOrDefault(Landing.WHILE_WRITING, 0) > 0,
                "kills must land both before and while writing: " + landings + " " + log);
    }

    // ---- child builds

    /** A child build run to its end; how long it took from its "started" line. */
    private static long timedChildBuild(Path project, String mode) throws Exception {
        ChildBuild child = ChildBuild.start(project);
        long start = child.awaitStart();
        String finished = child.awaitFinish();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(finished.startsWith(ChildBuild.FINISHED + " " + mode), finished);
        return millis;
    }

    /**
     * The bounds of the kill delays, learnt as the trials go (a build that ended before its kill was shorter than
     * thought; one killed late in its run may be longer), for cold builds and incremental ones: how long a build
     * runs from its "started" line, and how long it writes.
     */
    private static final class KillTiming {
        private final long[] buildMillis;
        private final long[] writeMillis = {10, 40};

        KillTiming(long coldMillis, long incrementalMillis) {
            buildMillis = new long[] {incrementalMillis, coldMillis};
        }

        long delay(Random random, boolean cold, boolean onWrite) {
            int kind = cold ? 1 : 0;
            return onWrite ? random.nextLong(writeMillis[kind]) : random.nextLong((long) (buildMillis[kind] * 1.1));
        }

        void learn(boolean cold, boolean onWrite, long delay, Landing landing) {
            long[] bounds = onWrite ? writeMillis : buildMillis;
            int kind = cold ? 1 : 0;
            if (landing == Landing.FINISHED) {
                bounds[kind] = Math.max(onWrite ? 2 : 100, delay);
            } else if (landing != Landing.STARTUP && delay * 5 > bounds[kind] * 4) {
                bounds[kind] = Math.min(onWrite ? 200 : 60_000, delay * 5 / 4);
            }
        }

        @Override
        public String toString() {
            return buildMillis[1] + " ms cold, " + buildMillis[0] + " ms incremental, writing " + writeMillis[1] + " ms cold, "
                    + writeMillis[0] + " ms incremental";
        }
    }

    /**
     * Starts a child build and kills it: two times in three (always when the edit changed no bytes, so nothing
     * would be written) after a delay drawn over the length of such a build, else a little after it starts writing.
     * The build is cold when the target folder is gone or a killed build left its pending list.
     */
    private String killedChildBuild(Path project, Random random, KillTiming timing, boolean writes) throws Exception {
        Path state = project.resolve(STATE);
        Object pendingBefore = ChildBuild.fileKey(state.resolve(BuilderSession.PENDING_FILE));
        Object snapshotBefore = ChildBuild.fileKey(state.resolve(SnapshotStore.FILE));
        boolean cold = !Files.exists(state.resolve(SnapshotStore.FILE)) || !"absent".equals(pendingBefore);
        boolean onWrite = random.nextInt(3) == 0 && (writes || cold);
        long delay = timing.delay(random, cold, onWrite);

        ChildBuild child = ChildBuild.start(project);
        if (onWrite) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (child.isAlive() && Objects.equals(pendingBefore, ChildBuild.fileKey(state.resolve(BuilderSession.PENDING_FILE)))
                    && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            child.waitFor(delay);
        } else {
            long start = child.awaitStart();
            long remaining = delay - (System.nanoTime() - start) / 1_000_000;
            if (remaining > 0) {
                child.waitFor(remaining);
            }
        }
        boolean alive = child.isAlive();
        child.kill();

        Landing landing;
        Object pendingAfter = ChildBuild.fileKey(state.resolve(BuilderSession.PENDING_FILE));
        if (!alive) {
            assertEquals(0, child.exitValue(), "child build: " + child.output());
            landing = Landing.FINISHED;
        } else if (!child.hasStarted() && Objects.equals(snapshotBefore, ChildBuild.fileKey(state.resolve(SnapshotStore.FILE)))
                && Objects.equals(pendingBefore, pendingAfter)) {
            landing = Landing.STARTUP;
        } else if (!"absent".equals(pendingAfter) && !Objects.equals(pendingBefore, pendingAfter)) {
            landing = Landing.WHILE_WRITING;
        } else if (!Objects.equals(snapshotBefore, ChildBuild.fileKey(state.resolve(SnapshotStore.FILE)))) {
            landing = Landing.AFTER_SNAPSHOT;
        } else {
            landing = Landing.BEFORE_WRITING;
        }
        landings.merge(landing, 1, Integer::sum);
        timing.learn(cold, onWrite, delay, landing);
        return (cold ? "cold" : "incremental") + " child build, kill " + (onWrite ? "on first write +" : "after ") + delay
                + " ms: " + landing;
    }

    // ---- edits

    /**
     * An edit: whether it changed any bytes (a build after a touch writes nothing), and the documents it changed as
     * they were before (empty: the document did not exist), to take it back.
     */
    private record Edit(String description, boolean changesContent, Map<Path, Optional<String>> before) {}

    /** Puts back the documents an edit changed (with new mtimes). */
    private void undo(Edit edit) throws IOException {
        for (Map.Entry<Path, Optional<String>> document : edit.before().entrySet()) {
            if (document.getValue().isPresent()) {
                edits.write(document.getKey(), document.getValue().get());
            } else {
                Files.deleteIfExists(document.getKey());
            }
        }
    }

    /** Writes a document (or deletes it, for an empty text) and returns the edit, which knows how to take it back. */
    private Edit change(String description, Path file, Optional<String> text) throws IOException {
        Optional<String> old = Files.exists(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        if (text.isPresent()) {
            edits.write(file, text.get());
        } else {
            Files.delete(file);
        }
        return new Edit(description, true, Map.of(file, old));
    }

    /** One seeded edit of the project. */
    private Edit edit(Path project, Random random, int step) throws IOException {
        Path documents = project.resolve(DOCUMENTS);
        if (broken != null) {
            Path fixed = broken;
            broken = null;
            if (Files.exists(fixed) && Files.readString(fixed).contains(UNKNOWN_FIELD)) {
                return change("fix the unknown field in " + documents.relativize(fixed), fixed,
                        Optional.of(Files.readString(fixed).replace(UNKNOWN_FIELD, "")));
            }
        }
        List<Path> files = ProjectEdits.documents(documents);
        Path file = files.get(random.nextInt(files.size()));
        String name = documents.relativize(file).toString();
        String text = Files.readString(file);
        int kind = random.nextInt(100);
        // Not at a subscription's root, where a second field is an error.
        List<int[]> definitions = ProjectEdits.definitionRanges(text).stream()
                .filter(range -> !text.startsWith("subscription", range[0])).toList();
        if (kind < 22 && !definitions.isEmpty()) {
            int brace = text.indexOf('{', definitions.get(random.nextInt(definitions.size()))[0]);
            return change("add __typename to " + name, file,
                    Optional.of(text.substring(0, brace + 1) + " __typename" + text.substring(brace + 1)));
        }
        if (kind < 32) {
            // MoneyAmount is spread (through other fragments) into most operations of its copy.
            Path product = documents.resolve((random.nextBoolean() ? "" : "v" + (1 + random.nextInt(COPIES - 1)) + "/")
                    + "entities/product.graphql");
            String fragment = Files.readString(product);
            String edited = fragment.contains("on Money { __typename")
                    ? fragment.replaceFirst("on Money \\{ __typename", "on Money {")
                    : fragment.replaceFirst("(fragment MoneyAmount\\w* on Money \\{)", "$1 __typename");
            return change("toggle __typename in the MoneyAmount fragment of " + documents.relativize(product), product,
                    Optional.of(edited));
        }
        if (kind < 40 && text.contains(" __typename")) {
            return change("remove __typename from " + name, file, Optional.of(text.replaceFirst(" __typename", "")));
        }
        if (kind < 48 && !text.contains("fragment ")) {
            // A document no other document spreads from.
            return change("delete " + name, file, Optional.empty());
        }
        if (kind < 55) {
            List<Path> missing = new ArrayList<>();
            for (Path original : ProjectEdits.documents(reference)) {
                if (!Files.exists(documents.resolve(reference.relativize(original).toString()))) {
                    missing.add(original);
                }
            }
            if (!missing.isEmpty()) {
                Path original = missing.get(random.nextInt(missing.size()));
                return change("restore " + reference.relativize(original), documents.resolve(reference.relativize(original)
                        .toString()), Optional.of(Files.readString(original)));
            }
        }
        if (kind < 61) {
            Path added = documents.resolve("added/doc" + step + ".graphql");
            return change("add " + documents.relativize(added), added, Optional.of("query Added" + step
                    + " {\n  viewer {\n    ...UserGreetingV" + (1 + random.nextInt(COPIES - 1)) + "\n  }\n}\n"));
        }
        if (kind < 69) {
            Path schema = documents.resolve("schema.graphqls");
            String sdl = Files.readString(schema);
            return change("toggle an enum and a field in the schema", schema, Optional.of(
                    sdl.contains(SCHEMA_EXTENSION) ? sdl.replace(SCHEMA_EXTENSION, "") : sdl + SCHEMA_EXTENSION));
        }
        if (kind < 75) {
            // An error, so that the build generates nothing; the next step fixes it.
            int brace = text.indexOf('{', ProjectEdits.definitionRanges(text).get(0)[0]);
            broken = file;
            return change("add an unknown field to " + name, file,
                    Optional.of(text.substring(0, brace + 1) + UNKNOWN_FIELD + text.substring(brace + 1)));
        }
        if (kind < 90) {
            IncrementalDifferentialTest.deleteTree(project.resolve("target"));
            return new Edit("delete the target folder (mvn clean)", true, Map.of());
        }
        if (kind < 95) {
            edits.touch(file);
            return new Edit("touch " + name, false, Map.of());
        }
        return new Edit("no edit", false, Map.of());
    }
}
