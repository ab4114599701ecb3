package io.github.sodagql.core.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.session.BuildResult;
import io.github.sodagql.core.session.BuilderSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import io.github.sodagql.core.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class GeneratedCodeCompilesTest {
    @TempDir
    Path temporary;

    static Path repoRoot() {
        return TestProject.repoRoot();
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    @Test
    void adversarialNamesAndTextCompile() {
        TestProject project = TestProject.copyOf("codegen/adversarial", temporary);
        BuildResult result = project.build();
        // The fixture's clashing names are deliberate: each costs the newcomer a suffix and a warning, never an error.
        assertEquals(List.of("CLASS_NAME_TAKEN WARNING"), result.diagnostics().stream()
                .map(d -> d.code() + " " + d.severity()).distinct().toList());
        assertEquals(List.of(
                "Fragment 'OrderStatus' is generated as 'OrderStatusFragment'",
                "Fragment 'ProductQuery' is generated as 'ProductQueryFragment'",
                "Fragment 'product' is generated as 'ProductFragment'",
                "Operation 'data' (src/main/graphql/clashes.graphql) is generated as 'DataQueryOperation'"),
                result.diagnostics().stream().map(d -> d.message().substring(0, d.message().indexOf(", because")))
                        .sorted().toList());

        String output = JavaSourceCompiler.compile(temporary.resolve("target/generated-sources/soda-gql"),
                temporary.resolve("classes"), List.of());

        assertEquals("", output);
    }

    @Test
    void userCodecAndBuiltInCodecDecodeAndEncodeCustomScalars() throws Exception {
        copyTree(TestProject.resource("codegen/codec/graphql"), temporary.resolve("src/main/graphql"));
        BuildResult result = new BuilderSession(SodaGqlConfig.builder(temporary).javaPackage("com.example.test")
                .scalar(io.github.sodagql.core.config.ScalarMapping.of("DateTime", "java.time.OffsetDateTime"))
                .scalar(new io.github.sodagql.core.config.ScalarMapping("Money", "com.example.test.Money",
                        java.util.Optional.of("com.example.test.MoneyCodec")))
                .build()).buildInitial();
        assertEquals(List.of(), result.diagnostics());
        Path userSources = TestProject.resource("codegen/codec/java");
        Path classes = temporary.resolve("classes");

        String output = JavaSourceCompiler.compile(temporary.resolve("target/generated-sources/soda-gql"), classes,
                List.of(userSources.resolve("Money.java"), userSources.resolve("MoneyCodec.java")));
        assertEquals("", output);

        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {classes.toUri().toURL()})) {
            Class<?> data = loader.loadClass("com.example.test.PriceQuery$Data");
            Map<String, Object> response = Map.of("price", Map.of("amount", "12.50 EUR",
                    "previous", java.util.Arrays.asList("13.00 EUR", null), "validUntil", "2026-12-01T10:00:00Z"));
            Object decoded = data.getMethod("fromMap", Map.class).invoke(null, response);
            Object price = data.getMethod("price").invoke(decoded);
            Object amount = price.getClass().getMethod("amount").invoke(price);
            Object validUntil = price.getClass().getMethod("validUntil").invoke(price);

            assertEquals("Money[amount=12.50, currency=EUR]", amount.toString());
            assertEquals(java.time.OffsetDateTime.parse("2026-12-01T10:00:00Z"), validUntil);
            assertEquals(Map.of("price", Map.of("amount", "12.50 EUR", "previous", java.util.Arrays.asList("13.00 EUR", null),
                    "validUntil", "2026-12-01T10:00:00Z")), data.getMethod("toMap").invoke(decoded));
        }
    }

    @Test
    void javadocCopiedFromSchemaAndDocumentsCannotEscapeItsComment() throws IOException {
        TestProject.copyOf("codegen/adversarial", temporary).build();
        int javadocLines = 0;

        try (Stream<Path> files = Files.walk(temporary.resolve("target/generated-sources/soda-gql"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                boolean inComment = false;
                for (String line : Files.readAllLines(file)) {
                    String trimmed = line.strip();
                    if (trimmed.startsWith("/**")) {
                        inComment = true;
                    }
                    if (inComment) {
                        javadocLines++;
                        String body = trimmed.endsWith("*/") ? trimmed.substring(0, trimmed.length() - 2) : trimmed;
                        assertEquals(false, body.substring(Math.min(3, body.length())).contains("*/"), file + ": " + line);
                        assertEquals(false, body.contains("\\"), "a backslash could start a Unicode escape: " + file + ": " + line);
                    }
                    if (trimmed.endsWith("*/")) {
                        inComment = false;
                    }
                }
            }
        }
        assertEquals(true, javadocLines > 100, "the adversarial descriptions produce Javadoc");
    }

    @Test
    void sameInputsGiveTheSameBytes() throws IOException {
        Path first = temporary.resolve("first");
        Path second = temporary.resolve("second");
        TestProject.copyOf("codegen/adversarial", first).build();
        TestProject.copyOf("codegen/adversarial", second).build();

        Map<String, byte[]> one = sources(first);
        Map<String, byte[]> two = sources(second);

        assertEquals(one.keySet(), two.keySet());
        one.forEach((path, bytes) -> assertArrayEquals(bytes, two.get(path), path));
        assertEquals(true, one.size() > 20);
    }

    private static Map<String, byte[]> sources(Path project) throws IOException {
        Path root = project.resolve("target/generated-sources/soda-gql");
        Map<String, byte[]> sources = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                sources.put(root.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return sources;
    }

    @ParameterizedTest
    @ValueSource(strings = {"small-app", "medium-app", "large-app"})
    void fixtureSourcesCompileWithWarningsAsErrorsAndNothingOnTheClasspath(String fixture) throws IOException {
        copyTree(repoRoot().resolve("it-fixtures/" + fixture + "/src/main/graphql"), temporary.resolve("src/main/graphql"));
        BuildResult result = new BuilderSession(SodaGqlConfig.builder(temporary).javaPackage("com.example." + fixture.replace("-", ""))
                .scalar(io.github.sodagql.core.config.ScalarMapping.of("DateTime", "java.time.OffsetDateTime"))
                .build()).buildInitial();
        assertEquals(List.of(), result.diagnostics());

        String output = JavaSourceCompiler.compile(temporary.resolve("target/generated-sources/soda-gql"),
                temporary.resolve("classes"), List.of());

        assertEquals("", output);
    }
}
