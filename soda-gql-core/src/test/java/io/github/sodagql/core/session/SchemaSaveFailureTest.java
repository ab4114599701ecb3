package io.github.sodagql.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.sodagql.core.config.SodaGqlConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The saved schema parse is only a cache: failing to save it never fails a build. A list type nested a
 * thousand deep parses, but Java serialization of its syntax tree overflows the stack of the thread that
 * saves it (default stack size); before the fix that error surfaced from the build.
 */
class SchemaSaveFailureTest {
    @TempDir
    Path temporary;

    @Test
    void aSchemaTooDeepToSaveStillBuilds() throws Exception {
        int built = 0;
        for (int depth = 1000; depth <= 3000; depth += 250) {
            Path project = temporary.resolve("p" + depth);
            Files.createDirectories(project.resolve("src/main/graphql"));
            Files.writeString(project.resolve("src/main/graphql/schema.graphqls"),
                    "type Query { a: " + "[".repeat(depth) + "Int" + "]".repeat(depth) + " b: Int }\n");
            Files.writeString(project.resolve("src/main/graphql/q.graphql"), "query Q { b }\n");
            try {
                BuildResult result = new BuilderSession(SodaGqlConfig.builder(project).javaPackage("p").build()).buildInitial();
                assertEquals(1, result.report().counters().schemaParsed());
                built++;
            } catch (Throwable thrown) {
                Throwable cause = thrown.getCause() != null ? thrown.getCause() : thrown;
                if (Arrays.stream(cause.getStackTrace()).anyMatch(f -> f.getClassName().equals("java.io.ObjectOutputStream"))) {
                    fail("depth " + depth + ": saving the schema's parse failed the build: " + thrown);
                }
                // Deeper than graphql-java's parser goes: not what this test is about.
            }
        }
        assertTrue(built > 0, "at least one depth must parse, or the test proves nothing");
    }
}
