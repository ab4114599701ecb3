package io.github.sodagql.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.introspection.IntrospectionQuery;
import io.github.sodagql.core.TestProject;
import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaLoaderTest {
    @TempDir
    Path temporary;

    private static SchemaLoadResult load(SodaGqlConfig config) {
        return SchemaLoader.load(config);
    }

    @Test
    void severalSdlFilesAreMerged() {
        TestProject project = TestProject.copyOf("schema/merged", temporary);

        SchemaLoadResult result = load(project.config().build());

        assertEquals(List.of(), result.diagnostics());
        LoadedSchema schema = result.schema().orElseThrow();
        assertNotNull(schema.schema().getObjectType("Product"));
        assertEquals(List.of("src/main/graphql/query.graphqls", "src/main/graphql/types.graphqls"),
                schema.sources().stream().map(Object::toString).toList());
    }

    @Test
    void redefinedIntrospectionTypesAreDroppedWithAWarning() {
        TestProject project = TestProject.copyOf("schema/introspection-types", temporary);

        SchemaLoadResult result = load(project.config().build());

        assertTrue(result.schema().isPresent());
        assertEquals(List.of("src/main/graphql/schema.graphqls:5:1: [SCHEMA_INTROSPECTION_TYPE_DROPPED] The schema redefines"
                + " introspection type '__Schema'; the definition was dropped."),
                result.diagnostics().stream().map(Diagnostic::format).toList());
    }

    @Test
    void invalidSchemaIsReportedAtTheProblem() {
        TestProject project = TestProject.copyOf("schema/invalid", temporary);

        SchemaLoadResult result = load(project.config().build());

        assertTrue(result.schema().isEmpty());
        Diagnostic problem = result.diagnostics().get(0);
        assertEquals(DiagnosticCode.SCHEMA_INVALID, problem.code());
        assertEquals("src/main/graphql/schema.graphqls:3:3", problem.location().orElseThrow().toString());
        assertTrue(problem.message().contains("Missing"), problem.message());
        assertTrue(!problem.message().contains("[@"), "graphql-java's own position markers are removed: " + problem.message());
    }

    @Test
    void missingSchemaNamesThePathsTried() {
        TestProject project = TestProject.copyOf("schema/merged", temporary);

        SchemaLoadResult defaulted = load(project.config().documentRoot("src/other").build());
        SchemaLoadResult explicit = load(project.config().schemaPath("api/schema.graphqls").build());

        assertEquals(DiagnosticCode.SCHEMA_NOT_FOUND, defaulted.diagnostics().get(0).code());
        assertEquals("No schema found: looked for src/other/**/*.graphqls.", defaulted.diagnostics().get(0).message());
        assertEquals(DiagnosticCode.SCHEMA_NOT_FOUND, explicit.diagnostics().get(0).code());
        assertTrue(explicit.diagnostics().get(0).message().startsWith("Schema file 'api/schema.graphqls' not found"));
    }

    @Test
    void introspectionJsonLoadsInBothShapes() throws IOException {
        TestProject project = TestProject.copyOf("schema/merged", temporary);
        SchemaLoadResult sdl = load(project.config().build());
        ExecutionResult introspection = GraphQL.newGraphQL(sdl.schema().orElseThrow().schema()).build()
                .execute(IntrospectionQuery.INTROSPECTION_QUERY);
        Map<String, Object> data = introspection.getData();
        Files.writeString(temporary.resolve("wrapped.json"), new Gson().toJson(Map.of("data", data)));
        Files.writeString(temporary.resolve("bare.json"), new Gson().toJson(data));

        for (String file : List.of("wrapped.json", "bare.json")) {
            SchemaLoadResult result = load(project.config().schemaPath(file).build());
            assertEquals(List.of(), result.diagnostics(), file);
            assertNotNull(result.schema().orElseThrow().schema().getObjectType("Product"), file);
        }
    }

    @Test
    void jsonThatIsNotAnIntrospectionResultIsInvalid() throws IOException {
        TestProject project = TestProject.copyOf("schema/merged", temporary);
        Files.writeString(temporary.resolve("other.json"), "{\"hello\": 1}");

        SchemaLoadResult result = load(project.config().schemaPath("other.json").build());

        assertEquals(DiagnosticCode.SCHEMA_INVALID, result.diagnostics().get(0).code());
        assertEquals("other.json:1:1", result.diagnostics().get(0).location().orElseThrow().toString());
    }

    @Test
    void contentHashFollowsTheSchemaText() throws IOException {
        TestProject project = TestProject.copyOf("schema/merged", temporary);
        SodaGqlConfig config = project.config().build();
        var before = load(config).schema().orElseThrow().contentHash();
        assertEquals(before, load(config).schema().orElseThrow().contentHash());

        project.write("src/main/graphql/types.graphqls", "type Product {\n  id: ID!\n  name: String\n}\n");

        assertNotEquals(before, load(config).schema().orElseThrow().contentHash());
    }

    @Test
    void validationIsSkippedOnlyForTheContentAnEarlierBuildValidated() throws IOException {
        TestProject project = TestProject.copyOf("schema/merged", temporary);
        // Well-formed, but a field name reserved for introspection: only graphql-java's schema validation sees it.
        project.write("src/main/graphql/types.graphqls", "type Product {\n  id: ID!\n  __secret: String\n}\n");
        SodaGqlConfig config = project.config().build();

        SchemaLoadResult checked = load(config);
        assertTrue(checked.schema().isEmpty(), "validated: the reserved name is an error");
        assertEquals(DiagnosticCode.SCHEMA_INVALID, checked.diagnostics().get(0).code());

        project.write("src/main/graphql/types.graphqls", "type Product {\n  id: ID!\n}\n");
        var validated = load(config).schema().orElseThrow().contentHash();
        project.write("src/main/graphql/types.graphqls", "type Product {\n  id: ID!\n  __secret: String\n}\n");
        assertTrue(SchemaLoader.load(SchemaSources.resolve(config), java.util.Optional.of(validated)).schema().isEmpty(),
                "a hash validated before, but of other content: validated again");

        // The schema's hash as the loader forms it: each file's path and content hash, in path order.
        var reservedHash = io.github.sodagql.core.source.ContentHash.of(Stream.of("query.graphqls", "types.graphqls")
                .map(name -> "src/main/graphql/" + name + "\0" + io.github.sodagql.core.source.ContentHash.of(
                        readBytes(project.directory().resolve("src/main/graphql/" + name))) + "\n")
                .collect(java.util.stream.Collectors.joining()));
        SchemaLoadResult trusted = SchemaLoader.load(SchemaSources.resolve(config), java.util.Optional.of(reservedHash));
        assertEquals(List.of(), trusted.diagnostics(), "the same content as a validated load: not validated again");
        assertNotNull(trusted.schema().orElseThrow().schema().getObjectType("Product"));
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
