package io.github.sodagql.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sodagql.core.TestJar;
import io.github.sodagql.core.TestProject;
import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A schema from a dependency's jar: built like a file schema, fingerprinted by the jar. */
class ClasspathSchemaSessionTest {
    private static final String ENTRY = "classpath:schema/schema.graphqls";

    @TempDir
    Path temporary;
    private TestProject project;
    private String schema;

    @BeforeEach
    void setUp() throws IOException {
        project = TestProject.copyOf("session/classpath-app", temporary.resolve("app"));
        schema = Files.readString(TestProject.resource("schema/classpath/schema.graphqls"));
    }

    private Path jar(String name, String schemaText) {
        return TestJar.write(temporary.resolve("repository").resolve(name), Map.of("schema/schema.graphqls", schemaText,
                "com/example/api/Api.class", "not really a class"));
    }

    private BuildResult build(Path... classpath) {
        SodaGqlConfig.Builder config = project.config().schemaPath(ENTRY);
        for (Path element : classpath) {
            config.classpathElement(element);
        }
        return new BuilderSession(config.build()).buildInitial();
    }

    @Test
    void aSchemaInADependencyJarBuildsTheDocuments() {
        BuildResult result = build(jar("api-1.0.jar", schema));

        assertEquals(List.of(), result.diagnostics());
        assertTrue(result.report().counters().filesWritten() > 0);
        assertTrue(Files.isRegularFile(project.directory()
                .resolve("target/generated-sources/soda-gql/com/example/test/ProductNameQuery.java")));
    }

    @Test
    void anUnchangedJarIsANoOpInANewSession() {
        Path jar = jar("api-1.0.jar", schema);
        build(jar);

        BuildResult again = build(jar);

        assertEquals("incremental", again.report().mode());
        assertEquals(0, again.report().counters().hashesComputed(), "neither the documents nor the jar's entry were read");
        assertEquals(0, again.report().counters().schemaParsed());
        assertEquals(0, again.report().counters().filesWritten());
    }

    @Test
    void aJarRebuiltWithTheSameSchemaIsReadButRebuildsNothing() {
        Path jar = jar("api-1.0-SNAPSHOT.jar", schema);
        build(jar);
        TestJar.write(jar, Map.of("schema/schema.graphqls", schema, "com/example/api/Other.class", "changed code"));
        TestJar.setModified(jar, System.currentTimeMillis() + 5_000);

        BuildResult again = build(jar);

        assertEquals("incremental", again.report().mode());
        assertEquals(1, again.report().counters().hashesComputed(), "the jar moved, so its entry was hashed");
        assertEquals(0, again.report().counters().operationsValidated());
        assertEquals(0, again.report().counters().filesWritten());
    }

    @Test
    void aNewJarVersionWithAnotherSchemaRebuilds() {
        build(jar("api-1.0.jar", schema));

        BuildResult result = build(jar("api-1.1.jar", schema.replace("  name: String!\n", "  title: String!\n")));

        assertEquals("incremental, schema changed", result.report().mode());
        assertEquals(1, result.report().counters().schemaParsed());
        Diagnostic problem = result.errors().get(0);
        assertEquals(DiagnosticCode.VALIDATION_ERROR, problem.code());
        assertEquals("src/main/graphql/product.graphql:4:5", problem.location().orElseThrow().toString());
    }

    @Test
    void aSnapshotJarRebuiltWithAnotherSchemaRebuilds() {
        Path jar = jar("api-1.0-SNAPSHOT.jar", schema);
        build(jar);
        TestJar.write(jar, Map.of("schema/schema.graphqls", schema.replace("  name: String!\n", "  name: String!\n  price: Int\n")));
        TestJar.setModified(jar, System.currentTimeMillis() + 5_000);

        BuildResult result = build(jar);

        assertEquals("incremental, schema changed", result.report().mode());
        assertEquals(List.of(), result.diagnostics());
        assertEquals(1, result.report().counters().schemaParsed());
    }

    @Test
    void aSchemaErrorInAJarPointsIntoTheJar() throws IOException {
        BuildResult result = build(jar("api-1.0.jar", Files.readString(TestProject.resource("schema/classpath/broken.graphqls"))));

        Diagnostic problem = result.errors().get(0);
        assertEquals(DiagnosticCode.SCHEMA_INVALID, problem.code());
        assertTrue(problem.format().startsWith("api-1.0.jar!/schema/schema.graphqls:3:3: [SCHEMA_INVALID]"), problem.format());
    }

    @Test
    void aSchemaMissingFromTheClasspathNamesTheJarsSearched() {
        BuildResult result = build(TestJar.write(temporary.resolve("repository/other-2.0.jar"), Map.of("x.txt", "x")));

        assertEquals(DiagnosticCode.SCHEMA_NOT_FOUND, result.errors().get(0).code());
        assertTrue(result.errors().get(0).message().contains("(searched other-2.0.jar)"), result.errors().get(0).message());
    }
}
