package io.github.sodagql.core.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.session.BuildResult;
import io.github.sodagql.core.session.BuilderSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record's canonical constructor may take at most 254 parameter slots (255 with {@code this}); a {@code double}
 * or {@code long} takes two. At the limit the generated code compiles with javac; one slot past it the build
 * stops with a {@code CODEGEN_LIMIT} at the selection, before anything is written.
 */
class RecordLimitsTest {
    private static final String SCHEMA = """
            type Query { thing: Thing measure(at: [Float!]): Int }
            type Thing { id: ID! f: Float! n: Int! s: String big: Long! }
            scalar Long
            """;

    @TempDir
    Path project;

    private BuildResult build(String document) throws IOException {
        Path documents = project.resolve("src/main/graphql");
        Files.createDirectories(documents);
        Files.writeString(documents.resolve("schema.graphqls"), SCHEMA, StandardCharsets.UTF_8);
        Files.writeString(documents.resolve("wide.graphql"), document, StandardCharsets.UTF_8);
        return new BuilderSession(SodaGqlConfig.builder(project).javaPackage("com.example.wide")
                .scalar(io.github.sodagql.core.config.ScalarMapping.of("Long", "java.lang.Long")).build()).buildInitial();
    }

    private static String aliases(String field, int count) {
        return IntStream.range(0, count).mapToObj(i -> "a" + i + ": " + field).collect(Collectors.joining(" "));
    }

    private String compiled() {
        return JavaSourceCompiler.compile(project.resolve("target/generated-sources/soda-gql"), project.resolve("classes"),
                List.of());
    }

    private Path wideQuery() {
        return project.resolve("target/generated-sources/soda-gql/com/example/wide/WideQuery.java");
    }

    @Test
    void doublesAtTheLimitCompile() throws IOException {
        BuildResult result = build("query Wide {\n  thing { " + aliases("f", 127) + " }\n}\n");

        assertEquals(List.of(), result.errors());
        assertEquals("", compiled());
    }

    @Test
    void longsAndOtherFieldsAtTheLimitCompile() throws IOException {
        BuildResult result = build("query Wide {\n  thing { " + aliases("big", 100) + " " + aliases("s", 54).replace("a", "b")
                + " }\n}\n");

        assertEquals(List.of(), result.errors());
        assertEquals("", compiled());
    }

    @Test
    void oneDoublePastTheLimitIsACodegenLimitAtTheSelectionAndNothingIsWritten() throws IOException {
        BuildResult result = build("query Wide {\n  thing { " + aliases("f", 128) + " }\n}\n");

        List<String> errors = result.errors().stream().map(Diagnostic::format).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("src/main/graphql/wide.graphql:2:3: [CODEGEN_LIMIT] The selection of 'thing'"
                + " makes a record with 256 constructor parameter slots"), errors.get(0));
        assertTrue(errors.get(0).contains("254"), errors.get(0));
        assertTrue(result.errors().get(0).hint().contains("fragment"), result.errors().get(0).hint());
        assertFalse(Files.exists(wideQuery()));
    }

    @Test
    void twoHundredFiftyFiveFieldsAreACodegenLimit() throws IOException {
        BuildResult result = build("query Wide {\n  thing { " + aliases("s", 255) + " }\n}\n");

        assertEquals(List.of("CODEGEN_LIMIT"), result.errors().stream().map(d -> d.code().name()).toList());
        assertFalse(Files.exists(wideQuery()));
    }

    @Test
    void threeThousandAliasesAreACodegenLimit() throws IOException {
        BuildResult result = build("query Wide {\n  thing { " + aliases("id", 3000) + " }\n}\n");

        assertEquals(List.of("CODEGEN_LIMIT"), result.errors().stream().map(d -> d.code().name()).toList());
    }

    @Test
    void threeHundredSpreadsAreACodegenLimitAtTheOperation() throws IOException {
        String spreads = IntStream.range(0, 300).mapToObj(i -> "...F" + i).collect(Collectors.joining(" "));
        String fragments = IntStream.range(0, 300).mapToObj(i -> "fragment F" + i + " on Thing { id }")
                .collect(Collectors.joining("\n"));

        BuildResult result = build("query Wide {\n  thing { " + spreads + " }\n}\n" + fragments + "\n");

        List<String> errors = result.errors().stream().map(Diagnostic::format).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("src/main/graphql/wide.graphql:2:3: [CODEGEN_LIMIT] The selection of 'thing'"
                + " makes a record with 300 constructor parameter slots"), errors.get(0));
    }

    @Test
    void aFragmentPastTheLimitIsACodegenLimitAtTheFragment() throws IOException {
        BuildResult result = build("query Wide {\n  thing { ...Wide }\n}\n\nfragment Wide on Thing { " + aliases("s", 255) + " }\n");

        List<String> errors = result.errors().stream().map(Diagnostic::format).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("src/main/graphql/wide.graphql:5:1: [CODEGEN_LIMIT] The selection of fragment"
                + " 'Wide' makes a record with 255 constructor parameter slots"), errors.get(0));
    }

    private static String floatVariables(int count) {
        String declared = IntStream.range(0, count).mapToObj(i -> "$f" + i + ": Float!").collect(Collectors.joining(", "));
        String used = IntStream.range(0, count).mapToObj(i -> "$f" + i).collect(Collectors.joining(", "));
        return "query Wide(" + declared + ") {\n  measure(at: [" + used + "])\n}\n";
    }

    @Test
    void requiredFloatVariablesAtTheLimitCompile() throws IOException {
        BuildResult result = build(floatVariables(127));

        assertEquals(List.of(), result.errors());
        assertEquals("", compiled());
    }

    @Test
    void oneRequiredFloatVariablePastTheLimitIsACodegenLimitAtTheOperation() throws IOException {
        BuildResult result = build(floatVariables(128));

        List<String> errors = result.errors().stream().map(Diagnostic::format).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("src/main/graphql/wide.graphql:1:1: [CODEGEN_LIMIT] The variables of operation"
                + " 'Wide' make a record with 256 constructor parameter slots (128 variables)"), errors.get(0));
        assertFalse(Files.exists(wideQuery()));
    }
}
