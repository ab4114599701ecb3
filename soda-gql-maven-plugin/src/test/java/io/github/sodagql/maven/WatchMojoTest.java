package io.github.sodagql.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchMojoTest {
    @TempDir
    Path basedir;

    private WatchMojo watch() throws Exception {
        Mojos.write(basedir.resolve("src/main/graphql/schema.graphqls"), "type Query {\n  a: String\n}\n");
        Mojos.write(basedir.resolve("src/main/graphql/a.graphql"), "query A {\n  a\n}\n");
        return Mojos.watch(Mojos.project(basedir), new RecordingBuildContext(), "default-cli", "com.example.watch",
                "src/main/graphql");
    }

    /** Waits for a condition, up to a generous bound: a liveness check, not a timing. */
    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void skipEndsTheGoalBeforeAnyBuild() throws Exception {
        WatchMojo mojo = watch();
        mojo.skip = true;

        // Ignoring skip would watch forever.
        assertTimeoutPreemptively(Duration.ofSeconds(30), mojo::execute);

        assertFalse(Files.exists(basedir.resolve("target")), "nothing was built");
        assertEquals(List.of("[INFO] soda-gql: skipped"), ((RecordingLog) mojo.getLog()).lines);
    }

    @Test
    void everyBuildRefreshesTheClasspathCopyOfTheArtifact() throws Exception {
        WatchMojo mojo = watch();
        Path onClasspath = basedir.resolve("target/generated-resources/soda-gql/META-INF/soda-gql/operations.json");
        Thread watching = new Thread(() -> {
            try {
                mojo.execute();
            } catch (org.apache.maven.plugin.MojoExecutionException e) {
                throw new IllegalStateException(e);
            }
        });
        watching.start();
        try {
            assertTrue(eventually(() -> readOrEmpty(onClasspath).contains("\"A\"")), "the first build's artifact");

            Mojos.write(basedir.resolve("src/main/graphql/extra.graphql"), "query Extra {\n  a\n}\n");

            assertTrue(eventually(() -> readOrEmpty(onClasspath).contains("\"Extra\"")), "the artifact after an edit");
            assertEquals(Files.readString(basedir.resolve("target/soda-gql/artifact.json")), Files.readString(onClasspath));
        } finally {
            watching.interrupt();
            watching.join(10_000);
        }
        assertFalse(watching.isAlive(), "an interrupt ends the watch");
    }
}
