package io.github.sodagql.core.codegen;

import io.github.sodagql.core.TestProject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.sodagql.core.artifact.Artifact;
import io.github.sodagql.core.artifact.ArtifactOperation;
import io.github.sodagql.core.config.DocumentRoot;
import io.github.sodagql.core.config.ScalarMapping;
import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.session.BuildResult;
import io.github.sodagql.core.session.BuilderSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates Java from the real-world corpora in {@code <repoRoot>/../shared/corpora} (see its README.md) and
 * compiles it the way a user's build would: {@code --release 17}, every lint, warnings as errors, nothing on
 * the classpath. The corpora are read-only; state, output and classes go to a JUnit temporary directory.
 * Every test skips when its corpus folder is absent.
 */
class CorporaCodegenTest {
    private static final String APOLLO_TESTS = "apollo-kotlin/libraries/apollo-compiler/src/test/graphql";
    /** The constant every operation class declares, once; fragments and support types do not. */
    private static final Pattern OPERATION_NAME =
            Pattern.compile("(?m)^\\s*public static final String OPERATION_NAME = \"([^\"\\\\]*)\";$");

    @TempDir
    Path tempDir;

    // ---- artsy/force -------------------------------------------------------------------------------

    /**
     * The main scale benchmark: 895 operations and 860 fragments against a 2,270-type schema. The custom
     * scalars whose schema description names an obvious Java type are mapped to a built-in codec;
     * {@code JSON} and {@code FormattedNumber} stay unmapped (an UNMAPPED_SCALAR warning each).
     */
    @Test
    void allArtsyCompiledOperationsGenerateAndCompileTogether() throws IOException {
        Path project = TestProject.corpus("artsy-force");
        SodaGqlConfig.Builder builder = SodaGqlConfig.builder(project)
                .schemaPath("data/schema.graphql")
                .stateDirectory(tempDir.resolve("state").toString())
                .outputDirectory(tempDir.resolve("gen").toString())
                .javaPackage("com.example.artsy");
        builder.documentRoot(new DocumentRoot(builder.relative("compiled"), DocumentRoot.DEFAULT_INCLUDES, List.of()));
        for (String dateTime : List.of("AnalyticsDateTime", "AuctionsDateTime", "CommerceDateTime", "ISO8601DateTime")) {
            builder.scalar(ScalarMapping.of(dateTime, "java.time.OffsetDateTime")); // "An ISO 8601 datetime"
        }
        builder.scalar(ScalarMapping.of("Date", "java.time.LocalDate"));           // "Date in YYYY-MM-DD format"
        builder.scalar(ScalarMapping.of("CommerceDate", "java.time.LocalDate"));   // "Date in YYYY-MM-DD format"
        builder.scalar(ScalarMapping.of("BigInt", "java.math.BigInteger"));        // "encoded as a string"
        builder.scalar(ScalarMapping.of("Long", "java.lang.Long"));
        SodaGqlConfig config = builder.build();
        assertEquals(List.of(), config.problems(), "test config");

        BuildResult result = new BuilderSession(config).buildInitial();

        assertEquals(List.of(), firstFew(result.errors()), "errors");
        Artifact artifact = result.artifact().orElseThrow();
        assertEquals(895, artifact.operations().size(), "operations");
        Path generated = tempDir.resolve("gen");
        List<Path> files = javaFiles(generated);
        Map<String, Integer> operationClasses = operationClasses(files);
        Map<String, Integer> expected = artifact.operations().stream()
                .collect(Collectors.toMap(ArtifactOperation::name, o -> 1, Integer::sum, TreeMap::new));
        assertEquals(expected, operationClasses, "one operation class per operation, by OPERATION_NAME");

        long lines = lines(files);
        Long codegenMillis = result.report().stageMillis().get("codegen");
        System.out.printf("artsy-force/compiled: %d generated files, %d lines, codegen stage %s ms%n",
                files.size(), lines, codegenMillis);

        // Printed for reports, never asserted: javac time by phase, in-process, on this machine.
        JavaSourceCompiler.Measurement javac = JavaSourceCompiler.measure(generated, tempDir.resolve("classes"), List.of());
        System.out.println(javac.summary("artsy-force/compiled javac", artifact.operations().size()
                + artifact.fragments().size()));
        assertEquals("", firstLines(javac.output(), 60), "javac output for the whole generated tree");
    }

    // ---- apollo-kotlin compiler test folders --------------------------------------------------------

    /**
     * The 85 folders plain graphql-java 26.0 found clean (the same list and schemas as
     * {@code CorporaTest.cleanApolloCompilerFoldersBuild}): each generates code that compiles on its own.
     * A last dynamic test prints the totals.
     */
    @TestFactory
    Stream<DynamicTest> cleanApolloCompilerFoldersGenerateCompilingCode() throws IOException {
        Path corpora = TestProject.corpus(".");
        Path examples = corpora.resolve(APOLLO_TESTS).resolve("com/example");
        Path summary = corpora.resolve("validation-results/apollo-compiler.summary.txt");
        assumeTrue(Files.isDirectory(examples) && Files.isRegularFile(summary), "corpus absent: " + examples);

        List<String> clean;
        try (Stream<String> lines = Files.lines(summary)) {
            clean = lines.filter(line -> line.startsWith("set compiler/"))
                    .filter(line -> line.contains("parseErr=0") && line.contains("badOps=0 "))
                    .map(line -> line.split("\\s+")[1].substring("compiler/".length()))
                    .toList();
        }
        assertEquals(85, clean.size(), "clean folders in the summary");

        AtomicInteger totalFiles = new AtomicInteger();
        AtomicLong totalLines = new AtomicLong();
        AtomicInteger built = new AtomicInteger();
        Stream<DynamicTest> folders = clean.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Path folder = examples.resolve(name);
            assertTrue(Files.isDirectory(folder), "folder listed in the summary exists: " + folder);
            // Folders without their own schema.graphqls use the shared one, as CorporaTest does.
            String schema = Files.isRegularFile(folder.resolve("schema.graphqls"))
                    ? "schema.graphqls"
                    : folder.relativize(corpora.resolve(APOLLO_TESTS).resolve("schema.graphqls")).toString();
            Path work = tempDir.resolve(name);
            SodaGqlConfig.Builder builder = SodaGqlConfig.builder(folder.toRealPath())
                    .schemaPath(schema)
                    .stateDirectory(work.resolve("state").toString())
                    .outputDirectory(work.resolve("gen").toString())
                    .javaPackage("com.example.apollo." + name);
            builder.documentRoot(new DocumentRoot(builder.relative("."), List.of("*.graphql"), List.of()));
            SodaGqlConfig config = builder.build();
            assertEquals(List.of(), config.problems(), "test config");

            BuildResult result = new BuilderSession(config).buildInitial();

            assertEquals(List.of(), firstFew(result.errors()), name);
            List<Path> files = javaFiles(work.resolve("gen"));
            totalFiles.addAndGet(files.size());
            totalLines.addAndGet(lines(files));
            built.incrementAndGet();
            assertEquals(result.report().counts().operations(), operationClasses(files).values().stream()
                    .mapToInt(Integer::intValue).sum(), name + ": one operation class per operation");
            String output = JavaSourceCompiler.compile(work.resolve("gen"), work.resolve("classes"), List.of());
            assertEquals("", firstLines(output, 60), name + ": javac output");
        }));
        DynamicTest totals = DynamicTest.dynamicTest("totals", () -> System.out.printf(
                "apollo-kotlin clean folders: %d of %d built, %d generated files, %d lines%n",
                built.get(), clean.size(), totalFiles.get(), totalLines.get()));
        return Stream.concat(folders, Stream.of(totals));
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** Every {@code .java} file under {@code root}, sorted; none when the folder was not written. */
    private static List<Path> javaFiles(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static long lines(List<Path> files) throws IOException {
        long lines = 0;
        for (Path file : files) {
            try (Stream<String> text = Files.lines(file, StandardCharsets.UTF_8)) {
                lines += text.count();
            }
        }
        return lines;
    }

    /** How many generated classes declare each {@code OPERATION_NAME}. */
    private static Map<String, Integer> operationClasses(List<Path> files) throws IOException {
        Map<String, Integer> names = new TreeMap<>();
        for (Path file : files) {
            Matcher constant = OPERATION_NAME.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (constant.find()) {
                names.merge(constant.group(1), 1, Integer::sum);
            }
        }
        return names;
    }



    /** The first diagnostics, formatted, so that a failed assertion shows what went wrong. */
    private static List<String> firstFew(List<Diagnostic> diagnostics) {
        return diagnostics.stream().limit(5).map(Diagnostic::format).toList();
    }

    /** At most {@code max} lines of the compiler's output, with a count of the rest. */
    private static String firstLines(String output, int max) {
        List<String> lines = new ArrayList<>(output.lines().toList());
        if (lines.size() <= max) {
            return output;
        }
        int rest = lines.size() - max;
        return String.join("\n", lines.subList(0, max)) + "\n... " + rest + " more lines";
    }
}
