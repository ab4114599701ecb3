package io.github.sodagql.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sodagql.core.TestProject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SodaGqlCommandTest {
    @TempDir
    Path temporary;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return SodaGqlCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void cleanProjectExitsZeroWithASummary() {
        TestProject project = TestProject.copyOf("validate/deprecated", temporary);

        int status = run(project.directory().toString(), "--package", "com.example");

        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("soda-gql: 1 document, 1 operation, 0 fragments, 0 errors, 2 warnings"), printed);
        assertTrue(printed.contains("[DEPRECATED_USAGE]"), printed);
    }

    @Test
    void classpathTakesTheJarsThatClasspathSchemaPathsAreLookedUpIn() throws java.io.IOException {
        TestProject project = TestProject.copyOf("session/classpath-app", temporary.resolve("app"));
        String schema = java.nio.file.Files.readString(TestProject.resource("schema/classpath/schema.graphqls"));
        Path other = io.github.sodagql.core.TestJar.write(temporary.resolve("lib/other.jar"), java.util.Map.of("x.txt", "x"));
        Path api = io.github.sodagql.core.TestJar.write(temporary.resolve("lib/api-1.0.jar"),
                java.util.Map.of("schema/schema.graphqls", schema));

        int status = run(project.directory().toString(), "--package", "com.example", "--schema",
                "classpath:schema/*.graphqls", "--classpath", other + java.io.File.pathSeparator + api);

        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("1 operation"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void errorsGoToStandardErrorWithHintsAndExitOne() {
        TestProject project = TestProject.copyOf("session/mixed", temporary);

        int status = run(project.directory().toString(), "--package", "com.example");

        assertEquals(1, status);
        String errors = err.toString(StandardCharsets.UTF_8);
        assertTrue(errors.contains("src/main/graphql/broken.graphql:3:1: [PARSE_ERROR]"), errors);
        assertTrue(errors.contains("    hint: "), errors);
    }

    @Test
    void scalarOptionTakesTheSameTextAsThePlugin() throws java.io.IOException {
        TestProject project = TestProject.copyOf("codegen/scalars", temporary);

        int status = run(project.directory().toString(), "--package", "com.example",
                "--scalar", "JSON=java.lang.Object", "--scalar", "JSONObject= java.util.Map ",
                "--scalar", "PositiveInt=java.lang.Integer", "--scalar", "SmallInt=java.lang.Short",
                "--scalar", "Tiny=java.lang.Byte", "--scalar", "Ratio=java.lang.Float",
                "--scalar", "Weight=java.lang.Double", "--scalar", "Flag=java.lang.Boolean");

        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("0 errors, 0 warnings"), out.toString(StandardCharsets.UTF_8));
        String settings = java.nio.file.Files.readString(project.directory()
                .resolve("target/generated-sources/soda-gql/com/example/SettingsQuery.java"));
        assertTrue(settings.contains("Map<String, Object> object"), settings);
    }

    @Test
    void nullabilityOptionAnnotatesTheOutput() throws java.io.IOException {
        TestProject project = TestProject.copyOf("codegen/scalars", temporary);

        run(project.directory().toString(), "--package", "com.example", "--nullability", "jspecify");

        assertTrue(java.nio.file.Files.readString(project.directory().resolve(
                "target/generated-sources/soda-gql/com/example/package-info.java")).contains("@org.jspecify.annotations.NullMarked"));
    }

    @Test
    void scalarOptionWithoutANameExitsTwo() {
        assertEquals(2, run("--scalar", "java.lang.Object", "--package", "com.example"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--scalar takes Name=java.Type"));
    }

    @Test
    void unknownOptionExitsTwoWithUsage() {
        assertEquals(2, run("--frobnicate", "x"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: soda-gql"));
    }

    @Test
    void explainFullAndVerbosePrintTheCheckTheChainsAndTheCounters() {
        TestProject project = TestProject.copyOf("validate/deprecated", temporary);
        assertEquals(0, run(project.directory().toString(), "--package", "com.example"));
        out.reset();

        int status = run(project.directory().toString(), "--package", "com.example", "--full", "--explain", "--verbose");

        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("[full: requested]"), printed);
        assertTrue(printed.contains("soda-gql explain: 1 definition validated or generated again"), printed);
        assertTrue(printed.contains("(full build: requested) [validated, generated]"), printed);
        assertTrue(printed.contains("left unwritten"), printed);
        assertTrue(printed.contains("soda-gql counters: work: 1 documents parsed"), printed);
    }
}
