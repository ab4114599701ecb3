package io.github.sodagql.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sodagql.core.config.SodaGqlConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchLoopTest {
    @TempDir
    Path project;

    @Test
    void anEditIsBuiltIncrementallyWhileWatchingAndTheLoopStopsCleanly() throws Exception {
        IncrementalDifferentialTest.copy(IncrementalDifferentialTest.fixture("small-app"), project.resolve("src/main/graphql"));
        SodaGqlConfig config = SodaGqlConfig.builder(project).javaPackage("com.example.watch").build();
        BlockingQueue<BuildResult> builds = new LinkedBlockingQueue<>();
        WatchLoop loop = new WatchLoop(config, new BuilderSession(config), builds::add);
        Thread watching = new Thread(() -> {
            try {
                loop.run();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        watching.start();
        try {
            BuildResult first = builds.poll(30, TimeUnit.SECONDS);
            assertNotNull(first, "the first build");
            assertEquals(0, first.errors().size());

            Files.writeString(project.resolve("src/main/graphql/pages/extra.graphql"),
                    "query Extra {\n  products(first: 1) {\n    id\n  }\n}\n");
            BuildResult second = builds.poll(30, TimeUnit.SECONDS);

            assertNotNull(second, "a build after the edit");
            assertEquals("incremental", second.report().mode());
            assertEquals(1, second.report().counters().filesParsed());
            assertTrue(Files.isRegularFile(project.resolve("target/generated-sources/soda-gql/com/example/watch/ExtraQuery.java")));
        } finally {
            loop.close();
            watching.join(10_000);
        }
        assertEquals(false, watching.isAlive(), "close() ends the loop");
    }

    @Test
    void theWatchHearsADocumentsFolderThatWasDeletedAndCopiedBack() throws Exception {
        Path fixture = IncrementalDifferentialTest.fixture("small-app");
        Path documents = project.resolve("src/main/graphql");
        IncrementalDifferentialTest.copy(fixture, documents);
        SodaGqlConfig config = SodaGqlConfig.builder(project).javaPackage("com.example.watch").build();
        BlockingQueue<BuildResult> builds = new LinkedBlockingQueue<>();
        WatchLoop loop = new WatchLoop(config, new BuilderSession(config), builds::add);
        Thread watching = start(loop);
        try {
            BuildResult first = builds.poll(30, TimeUnit.SECONDS);
            assertNotNull(first, "the first build");
            assertEquals(0, first.errors().size());

            // What a branch switch or a sync tool does: the whole folder goes, then comes back, with one more file.
            deleteTree(documents);
            BuildResult afterDelete = builds.poll(30, TimeUnit.SECONDS);
            assertNotNull(afterDelete, "a build after the folder was deleted");
            assertTrue(afterDelete.errors().size() > 0, "no documents, no schema: errors");
            IncrementalDifferentialTest.copy(fixture, documents);
            Files.writeString(documents.resolve("pages/extra.graphql"),
                    "query Extra {\n  products(first: 1) {\n    id\n  }\n}\n");

            // Copying may be heard as several batches: wait for the build that sees every file again.
            BuildResult recovered = null;
            for (BuildResult next; (next = builds.poll(30, TimeUnit.SECONDS)) != null; ) {
                if (next.errors().isEmpty() && Files.isRegularFile(
                        project.resolve("target/generated-sources/soda-gql/com/example/watch/ExtraQuery.java"))) {
                    recovered = next;
                    break;
                }
            }
            assertNotNull(recovered, "a build that saw the recreated folder and its new document");
        } finally {
            loop.close();
            watching.join(10_000);
        }
        assertEquals(false, watching.isAlive(), "close() ends the loop");
    }

    @Test
    void aChangeBesideTheDocumentsFolderDoesNotRebuild() throws Exception {
        Path documents = project.resolve("src/main/graphql");
        IncrementalDifferentialTest.copy(IncrementalDifferentialTest.fixture("small-app"), documents);
        SodaGqlConfig config = SodaGqlConfig.builder(project).javaPackage("com.example.watch").build();
        BlockingQueue<BuildResult> builds = new LinkedBlockingQueue<>();
        WatchLoop loop = new WatchLoop(config, new BuilderSession(config), builds::add);
        Thread watching = start(loop);
        try {
            assertNotNull(builds.poll(30, TimeUnit.SECONDS), "the first build");

            // src/main is watched, to hear the documents folder come and go; its other children do not count.
            Files.writeString(project.resolve("src/main/notes.txt"), "not GraphQL");
            Thread.sleep(1_000);
            Files.writeString(documents.resolve("pages/extra.graphql"), "query Extra {\n  products(first: 1) {\n    id\n  }\n}\n");
            BuildResult next = builds.poll(30, TimeUnit.SECONDS);

            assertNotNull(next, "a build after the edit");
            assertEquals(1, next.report().counters().filesParsed(), "the first build after both is the document's");
        } finally {
            loop.close();
            watching.join(10_000);
        }
    }

    private static Thread start(WatchLoop loop) {
        Thread watching = new Thread(() -> {
            try {
                loop.run();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        watching.start();
        return watching;
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
