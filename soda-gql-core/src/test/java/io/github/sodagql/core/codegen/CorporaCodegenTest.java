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
import io.github.sodagql.core.codegen.roundtrip.CorpusRoundTrip;
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
import java.util.function.Supplier;
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

    /** Shared by the tests of one corpus: each corpus is generated and compiled once, then round-tripped. */
    @TempDir
    static Path tempDir;

    /** A corpus generated and compiled: what the build reported, the generated files and javac's output. */
    private record CompiledCorpus(BuildResult result, List<Path> files, Path classes, String javacOutput) {}

    private static final Map<String, CompiledCorpus> COMPILED = new java.util.HashMap<>();

    /**
     * Generates one corpus and compiles the generated tree, once for all the tests that use it; the
     * build's errors are for the tests to assert.
     */
    private static CompiledCorpus compiled(String key, SodaGqlConfig config, Path work) {
        synchronized (COMPILED) {
            return COMPILED.computeIfAbsent(key, k -> {
                BuildResult result = new BuilderSession(config).buildInitial();
                try {
                    List<Path> files = javaFiles(work.resolve("gen"));
                    String output = "not compiled: the build has errors";
                    if (result.errors().isEmpty()) {
                        // Printed for reports, never asserted: javac time by phase, in-process, on this machine.
                        JavaSourceCompiler.Measurement javac =
                                JavaSourceCompiler.measure(work.resolve("gen"), work.resolve("classes"), List.of());
                        System.out.println(javac.summary(key + " javac", result.artifact().orElseThrow().operations().size()
                                + result.artifact().orElseThrow().fragments().size()));
                        output = javac.output();
                    }
                    return new CompiledCorpus(result, files, work.resolve("classes"), output);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    // ---- artsy/force -------------------------------------------------------------------------------

    /**
     * The main scale benchmark: 895 operations and 860 fragments against a 2,270-type schema. The custom
     * scalars whose schema description names an obvious Java type are mapped to a built-in codec;
     * {@code JSON} and {@code FormattedNumber} stay unmapped (an UNMAPPED_SCALAR warning each).
     */
    private static CompiledCorpus artsy() {
        Path project = TestProject.corpus("artsy-force");
        Path work = tempDir.resolve("artsy");
        SodaGqlConfig.Builder builder = SodaGqlConfig.builder(project)
                .schemaPath("data/schema.graphql")
                .stateDirectory(work.resolve("state").toString())
                .outputDirectory(work.resolve("gen").toString())
                .javaPackage(ARTSY_PACKAGE)
                .nullability(JavaSourceCompiler.TEST_NULLABILITY);
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
        return compiled("artsy", config, work);
    }

    private static final String ARTSY_PACKAGE = "com.example.artsy";
    /** For the printed cost of a round trip (this machine is shared, so wall time alone says little). */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    /** A value of each custom scalar artsy maps, as its codec reads it and writes it back. */
    private static final Map<String, Object> ARTSY_SCALARS = Map.of(
            "AnalyticsDateTime", "2020-01-02T03:04:05Z",
            "AuctionsDateTime", "2020-01-02T03:04:05Z",
            "CommerceDateTime", "2020-01-02T03:04:05Z",
            "ISO8601DateTime", "2020-01-02T03:04:05Z",
            "Date", "2020-01-02",
            "CommerceDate", "2020-01-02",
            "BigInt", 12345678901L,
            "Long", 12345678901L);

    @Test
    void allArtsyCompiledOperationsGenerateAndCompileTogether() throws IOException {
        CompiledCorpus artsy = artsy();

        assertEquals(List.of(), firstFew(artsy.result().errors()), "errors");
        Artifact artifact = artsy.result().artifact().orElseThrow();
        assertEquals(895, artifact.operations().size(), "operations");
        Map<String, Integer> operationClasses = operationClasses(artsy.files());
        Map<String, Integer> expected = artifact.operations().stream()
                .collect(Collectors.toMap(ArtifactOperation::name, o -> 1, Integer::sum, TreeMap::new));
        assertEquals(expected, operationClasses, "one operation class per operation, by OPERATION_NAME");

        Long codegenMillis = artsy.result().report().stageMillis().get("codegen");
        System.out.printf("artsy-force/compiled: %d generated files, %d lines, codegen stage %s ms%n",
                artsy.files().size(), lines(artsy.files()), codegenMillis);

        assertEquals("", firstLines(artsy.javacOutput(), 60), "javac output for the whole generated tree");
    }

    /**
     * Every artsy operation executed on graphql-java with fabricated data covering every concrete type of
     * every abstract position and both values of every Boolean variable (see {@link CorpusRoundTrip}), its
     * data decoded with the generated code and encoded back unchanged.
     */
    @Test
    void everyArtsyOperationRoundTripsThroughTheGeneratedCode() throws IOException {
        CompiledCorpus artsy = artsy();
        assertEquals("", firstLines(artsy.javacOutput(), 5), "javac output for the whole generated tree");
        String schema = Files.readString(TestProject.corpus("artsy-force").resolve("data/schema.graphql"));

        long start = System.nanoTime();
        long cpuStart = CPU.getCurrentThreadCpuTime();
        CorpusRoundTrip.Result result = CorpusRoundTrip.run(artsy.classes(), ARTSY_PACKAGE, schema, ARTSY_SCALARS);

        System.out.printf("round trip artsy-force/compiled: %d of %d operations (%d executions, %d ms, %d ms CPU)%n",
                result.passed(), result.operations(), result.executions(), (System.nanoTime() - start) / 1_000_000,
                (CPU.getCurrentThreadCpuTime() - cpuStart) / 1_000_000);
        result.failures().forEach(failure -> System.out.println("  round trip failed: " + failure));
        assertEquals(895, result.operations(), "operations");
        assertEquals(List.of(), result.failures().stream().limit(10).toList(), result.failures().size() + " failures");
    }

    // ---- apollo-kotlin compiler test folders --------------------------------------------------------

    /**
     * The 85 folders plain graphql-java 26.0 found clean (the same list and schemas as
     * {@code CorporaTest.cleanApolloCompilerFoldersBuild}): each generates code that compiles on its own,
     * and every operation of it round-trips (see {@link CorpusRoundTrip}). A last dynamic test prints the
     * totals.
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
        AtomicInteger operations = new AtomicInteger();
        AtomicInteger roundTripped = new AtomicInteger();
        AtomicLong executions = new AtomicLong();
        AtomicLong roundTripCpuNanos = new AtomicLong();
        List<String> roundTripFailures = java.util.Collections.synchronizedList(new ArrayList<>());
        Stream<DynamicTest> folders = clean.stream().flatMap(name -> {
            Path folder = examples.resolve(name);
            // Folders without their own schema.graphqls use the shared one, as CorporaTest does.
            Path schema = Files.isRegularFile(folder.resolve("schema.graphqls"))
                    ? folder.resolve("schema.graphqls")
                    : corpora.resolve(APOLLO_TESTS).resolve("schema.graphqls");
            String javaPackage = "com.example.apollo." + name;
            Supplier<CompiledCorpus> compiled = () -> {
                assertTrue(Files.isDirectory(folder), "folder listed in the summary exists: " + folder);
                Path work = tempDir.resolve("apollo").resolve(name);
                try {
                    SodaGqlConfig.Builder builder = SodaGqlConfig.builder(folder.toRealPath())
                            .schemaPath(folder.relativize(schema).toString())
                            .stateDirectory(work.resolve("state").toString())
                            .outputDirectory(work.resolve("gen").toString())
                            .javaPackage(javaPackage)
                            .nullability(JavaSourceCompiler.TEST_NULLABILITY);
                    builder.documentRoot(new DocumentRoot(builder.relative("."), List.of("*.graphql"), List.of()));
                    SodaGqlConfig config = builder.build();
                    assertEquals(List.of(), config.problems(), "test config");
                    return compiled("apollo/" + name, config, work);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
            DynamicTest compiles = DynamicTest.dynamicTest(name, () -> {
                CompiledCorpus corpus = compiled.get();
                BuildResult result = corpus.result();
                assertEquals(List.of(), firstFew(result.errors()), name);
                totalFiles.addAndGet(corpus.files().size());
                totalLines.addAndGet(lines(corpus.files()));
                built.incrementAndGet();
                assertEquals(result.report().counts().operations(), operationClasses(corpus.files()).values().stream()
                        .mapToInt(Integer::intValue).sum(), name + ": one operation class per operation");
                assertEquals("", firstLines(corpus.javacOutput(), 60), name + ": javac output");
            });
            DynamicTest roundTrips = DynamicTest.dynamicTest(name + " round trip", () -> {
                CompiledCorpus corpus = compiled.get();
                assertEquals("", firstLines(corpus.javacOutput(), 5), name + ": javac output");
                long cpuStart = CPU.getCurrentThreadCpuTime();
                CorpusRoundTrip.Result result = CorpusRoundTrip.run(corpus.classes(), javaPackage,
                        Files.readString(schema), Map.of());
                roundTripCpuNanos.addAndGet(CPU.getCurrentThreadCpuTime() - cpuStart);
                executions.addAndGet(result.executions());
                operations.addAndGet(result.operations());
                roundTripped.addAndGet(result.passed());
                result.failures().forEach(failure -> roundTripFailures.add(name + "/" + failure));
                assertEquals(List.of(), result.failures(), name + ": round trip");
            });
            return Stream.of(compiles, roundTrips);
        });
        DynamicTest totals = DynamicTest.dynamicTest("totals", () -> {
            System.out.printf("apollo-kotlin clean folders: %d of %d built, %d generated files, %d lines%n",
                    built.get(), clean.size(), totalFiles.get(), totalLines.get());
            System.out.printf("round trip apollo-kotlin clean folders: %d of %d operations (%d executions, %d ms CPU)%n",
                    roundTripped.get(), operations.get(), executions.get(), roundTripCpuNanos.get() / 1_000_000);
            roundTripFailures.forEach(failure -> System.out.println("  round trip failed: " + failure));
        });
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
