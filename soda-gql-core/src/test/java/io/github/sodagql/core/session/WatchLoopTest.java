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
}
