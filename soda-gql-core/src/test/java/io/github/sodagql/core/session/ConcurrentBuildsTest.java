package io.github.sodagql.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several builds of one project at once (an IDE, a terminal and a CI job sharing a folder; two threads of one JVM):
 * the state lock makes them take turns, so they never corrupt anything, and the project ends as a clean build of
 * its documents leaves it. A reader watching the generated folder meanwhile only ever sees a file as it was before
 * or as it is after (a file written for the first time may be seen part-written: a first write is not atomic, by
 * design, see {@code OutputWriter.writeNew}).
 */
class ConcurrentBuildsTest {
    private static final String DOCUMENTS = "src/main/graphql";
    private static final String GENERATED = "target/generated-sources/soda-gql";
    private static final int PROCESSES = 3;
    private static final int THREADS = 2;

    @TempDir
    Path temporary;

    private final ProjectEdits edits = new ProjectEdits();

    @Test
    void buildsOfOneProjectStartedAtOnceFromProcessesAndThreadsWriteItOnceAndEndAsACleanBuild() throws Exception {
        Path project = temporary.resolve("project");
        ScaledFixture.write(IncrementalDifferentialTest.fixture("large-app"), project.resolve(DOCUMENTS), 10);
        CleanBuildComparison.CleanReference clean = new CleanBuildComparison.CleanReference(temporary.resolve("clean"),
                ChildBuild::config);
        Path documents = project.resolve(DOCUMENTS);
        List<String> rounds = List.of("cold", "a fragment spread into many operations edited", "a document deleted",
                "the schema extended");
        int samples = 0;
        for (String round : rounds) {
            switch (round) {
                case "cold" -> { }
                case "a fragment spread into many operations edited" -> {
                    Path product = documents.resolve("v4/entities/product.graphql");
                    edits.write(product, Files.readString(product).replaceFirst("(fragment MoneyAmountV4 on Money \\{)",
                            "$1 __typename"));
                }
                case "a document deleted" -> Files.delete(documents.resolve("v7/pages/home.graphql"));
                default -> {
                    Path schema = documents.resolve("schema.graphqls");
                    edits.write(schema, Files.readString(schema) + "\nextend type Query {\n  concurrentFlag: Boolean\n}\n");
                }
            }
            Map<String, byte[]> before = generated(project);
            OutputSampler sampler = OutputSampler.start(project.resolve(GENERATED));

            List<ChildBuild> children = new ArrayList<>();
            for (int i = 0; i < PROCESSES; i++) {
                children.add(ChildBuild.start(project));
            }
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            List<Future<BuildResult>> inProcess = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                inProcess.add(threads.submit(() -> new BuilderSession(ChildBuild.config(project)).buildInitial()));
            }
            int writers = 0;
            for (ChildBuild child : children) {
                String[] finished = child.awaitFinish().split(" ");
                assertEquals("0", finished[finished.length - 2], round + ": a child build had errors: " + child.output());
                writers += Integer.parseInt(finished[finished.length - 1]) > 0 ? 1 : 0;
            }
            for (Future<BuildResult> future : inProcess) {
                BuildResult result = future.get(180, TimeUnit.SECONDS);
                assertFalse(result.hasErrors(), round + ": " + result.diagnostics());
                writers += result.report().counters().filesWritten() > 0 ? 1 : 0;
            }
            threads.shutdown();
            List<String> torn = sampler.stop();

            // Nothing ran after the round's builds: what they left must be what a clean build leaves.
            BuildResult last = new BuilderSession(ChildBuild.config(project)).buildInitial();
            assertEquals(0, last.report().counters().filesWritten() + last.report().counters().filesParsed(),
                    round + ": the builds of the round left work undone");
            CleanBuildComparison.assertSameBytesAndStateAsCleanBuild(project, last, clean, round);
            assertEquals(Set.of(), CleanBuildComparison.temporaryFiles(project.resolve("target")), round + ": builds that were not killed");
            assertEquals(1, writers, round + ": one build of the round does the work; the others, after it, find none");
            Map<String, byte[]> after = generated(project);
            assertEquals(List.of(), sampler.seenOtherThan(before, after), round + ": a reader saw a file neither as it was"
                    + " nor as it is");
            assertEquals(List.of(), torn, round);
            samples += sampler.reads();
        }
        System.out.printf("ConcurrentBuildsTest: %d rounds of %d child builds and %d threads on one project; %d reads of"
                + " generated files while they ran%n", rounds.size(), PROCESSES, THREADS, samples);
    }

    @Test
    void threadsBuildingOneProjectWhileItsDocumentsChangeNeverFailAndTheNextBuildEqualsACleanOne() throws Exception {
        Path project = temporary.resolve("project");
        ScaledFixture.write(IncrementalDifferentialTest.fixture("large-app"), project.resolve(DOCUMENTS), 3);
        Path documents = project.resolve(DOCUMENTS);
        Random random = new Random(Long.getLong("soda-gql.concurrent.seed", 20261205L));
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicInteger builds = new AtomicInteger();

        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> builders = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            builders.add(pool.submit(() -> {
                BuilderSession session = new BuilderSession(ChildBuild.config(project));
                for (int i = 0; i < 6; i++) {
                    // A long-lived session (a watch) and fresh ones (separate Maven runs) alike.
                    BuildResult result = i % 2 == 0 ? session.rebuild() : new BuilderSession(ChildBuild.config(project))
                            .buildInitial();
                    builds.incrementAndGet();
                    result.diagnostics().stream()
                            .filter(d -> d.isError() && !d.format().contains("concurrentNoSuchField"))
                            .forEach(d -> failures.add(d.format()));
                }
                return null;
            }));
        }
        // __typename is not allowed at a subscription's root: edit the other documents.
        List<Path> files = new ArrayList<>();
        for (Path file : ProjectEdits.documents(documents)) {
            if (!Files.readString(file).contains("subscription ")) {
                files.add(file);
            }
        }
        int edited = 0;
        while (builders.stream().anyMatch(f -> !f.isDone())) {
            Path file = files.get(random.nextInt(files.size()));
            String text = Files.readString(file);
            int brace = text.indexOf('{', ProjectEdits.definitionRanges(text).get(0)[0]);
            String insert = random.nextInt(4) == 0 ? " concurrentNoSuchField" : " __typename";
            // Saved as editors save, atomically: a build never reads half an edit.
            Path saved = temporary.resolve("saved.graphql");
            Files.writeString(saved, text.contains(insert) ? text.replaceFirst(Pattern.quote(insert), "")
                    : text.substring(0, brace + 1) + insert + text.substring(brace + 1));
            Files.move(saved, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            edits.touch(file);
            edited++;
            Thread.sleep(random.nextInt(150));
        }
        for (Future<?> builder : builders) {
            builder.get(300, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(List.of(), failures, "errors other than the unknown fields the edits made");

        BuildResult next = new BuilderSession(ChildBuild.config(project)).buildInitial();
        CleanBuildComparison.assertSameBytesAndStateAsCleanBuild(project, next,
                new CleanBuildComparison.CleanReference(temporary.resolve("clean"), ChildBuild::config),
                "after " + builds + " builds racing " + edited + " edits");
        assertEquals(Set.of(), CleanBuildComparison.temporaryFiles(project.resolve("target")));
        System.out.printf("ConcurrentBuildsTest: %d builds on 3 threads racing %d edits%n", builds.get(), edited);
    }

    private static Map<String, byte[]> generated(Path project) throws IOException {
        Map<String, byte[]> files = new java.util.TreeMap<>();
        Path root = project.resolve(GENERATED);
        if (Files.isDirectory(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    files.put(root.relativize(file).toString(), Files.readAllBytes(file));
                }
            }
        }
        return files;
    }

    /**
     * Reads every generated file over and over on a thread of its own while builds run, keeping each distinct
     * content it saw.
     */
    private static final class OutputSampler {
        private final Path root;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Map<String, List<byte[]>> seen = new ConcurrentHashMap<>();
        private final List<String> problems = new CopyOnWriteArrayList<>();
        private final AtomicInteger reads = new AtomicInteger();
        private Thread thread;

        private OutputSampler(Path root) {
            this.root = root;
        }

        static OutputSampler start(Path root) {
            OutputSampler sampler = new OutputSampler(root);
            sampler.thread = new Thread(sampler::run, "output-sampler");
            sampler.thread.setDaemon(true);
            sampler.thread.start();
            return sampler;
        }

        private void run() {
            while (running.get()) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(root)) {
                    files = walk.filter(p -> p.toString().endsWith(".java")).toList();
                } catch (IOException | java.io.UncheckedIOException e) {
                    pause(); // the folder is being created or changed under the walk
                    continue;
                }
                for (Path file : files) {
                    try {
                        byte[] bytes = Files.readAllBytes(file);
                        reads.incrementAndGet();
                        List<byte[]> contents = seen.computeIfAbsent(root.relativize(file).toString(),
                                k -> new CopyOnWriteArrayList<>());
                        if (contents.stream().noneMatch(c -> Arrays.equals(c, bytes)) && contents.size() < 20) {
                            contents.add(bytes);
                        }
                    } catch (NoSuchFileException e) {
                        // Deleted (or replaced) between the walk and the read.
                    } catch (IOException e) {
                        problems.add(file + ": " + e);
                    }
                }
                pause();
            }
        }

        /** A few milliseconds between passes: the builds being watched share the machine's cores. */
        private static void pause() {
            try {
                Thread.sleep(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        List<String> stop() throws InterruptedException {
            running.set(false);
            thread.join(30_000);
            return List.copyOf(problems);
        }

        int reads() {
            return reads.get();
        }

        /**
         * Every content seen that is neither the file's bytes before nor after, except a beginning of the bytes
         * after for a file that did not exist before.
         */
        List<String> seenOtherThan(Map<String, byte[]> before, Map<String, byte[]> after) {
            List<String> other = new ArrayList<>();
            seen.forEach((path, contents) -> {
                for (byte[] content : contents) {
                    boolean old = before.containsKey(path) && Arrays.equals(before.get(path), content);
                    boolean current = after.containsKey(path) && Arrays.equals(after.get(path), content);
                    boolean firstWrite = !before.containsKey(path) && after.containsKey(path)
                            && content.length <= after.get(path).length
                            && Arrays.equals(content, Arrays.copyOf(after.get(path), content.length));
                    if (!old && !current && !firstWrite) {
                        other.add(path + " (" + content.length + " bytes)");
                    }
                }
            });
            return other;
        }
    }
}
