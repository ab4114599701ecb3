package io.github.sodagql.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sodagql.core.TestJar;
import io.github.sodagql.core.config.DocumentRoot;
import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.source.ProjectPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaSourcesTest {
    private static final String SCHEMA = "type Query {\n  ping: String\n}\n";

    @TempDir
    Path temporary;

    private Path project() {
        return temporary.resolve("app").toAbsolutePath().normalize();
    }

    private void write(String relative, String text) throws IOException {
        Path file = project().resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private SodaGqlConfig.Builder config() {
        return SodaGqlConfig.builder(project()).javaPackage("com.example");
    }

    private static List<String> values(Collection<ProjectPath> paths) {
        return paths.stream().map(ProjectPath::value).toList();
    }

    private static List<DiagnosticCode> codes(List<Diagnostic> problems) {
        return problems.stream().map(Diagnostic::code).toList();
    }

    @Test
    void withoutSchemaPathsTheSchemaIsEverySchemaFileUnderTheDocumentRootsWhateverTheIncludes() throws IOException {
        write("src/main/graphql/query.graphql", "query Q { ping }\n");
        write("src/main/graphql/types/b.graphqls", SCHEMA);
        write("src/main/graphql/a.graphqls", SCHEMA);
        write("more/c.graphqls", SCHEMA);
        write("elsewhere/d.graphqls", SCHEMA);
        SodaGqlConfig config = config().documentRoot(DocumentRoot.of(ProjectPath.parse("src/main/graphql")))
                .documentRoot(new DocumentRoot(ProjectPath.parse("more"), List.of("**/*.graphql"), List.of("**/*.graphqls")))
                .build();

        SchemaSources sources = SchemaSources.resolve(config);

        assertEquals(List.of("more/c.graphqls", "src/main/graphql/a.graphqls", "src/main/graphql/types/b.graphqls"),
                values(sources.files()));
        assertEquals(List.of(), sources.problems());
    }

    @Test
    void withoutSchemaPathsTheFilesTheDocumentWalkFoundAreTakenWithoutASecondWalk() throws IOException {
        write("src/main/graphql/on-disk.graphqls", SCHEMA);
        List<ProjectPath> scanned = List.of(ProjectPath.parse("src/main/graphql/z.graphqls"),
                ProjectPath.parse("src/main/graphql/a.graphqls"));

        SchemaSources sources = SchemaSources.resolve(config().build(), Optional.of(scanned));

        assertEquals(List.of("src/main/graphql/a.graphqls", "src/main/graphql/z.graphqls"), values(sources.files()),
                "the walk's files, sorted, and not the disk's");
    }

    @Test
    void withSchemaPathsTheDocumentWalksFilesAreIgnored() throws IOException {
        write("schema/api.graphqls", SCHEMA);

        SchemaSources sources = SchemaSources.resolve(config().schemaPath("schema/api.graphqls").build(),
                Optional.of(List.of(ProjectPath.parse("src/main/graphql/default.graphqls"))));

        assertEquals(List.of("schema/api.graphqls"), values(sources.files()));
    }

    @Test
    void noSchemaAtAllSaysWhereItLooked() {
        SchemaSources sources = SchemaSources.resolve(config().build(), Optional.of(List.of()));

        assertEquals(List.of(), values(sources.files()));
        assertEquals(List.of(DiagnosticCode.SCHEMA_NOT_FOUND), codes(sources.problems()));
        assertEquals("No schema found: looked for src/main/graphql/**/*.graphqls.", sources.problems().get(0).message());
    }

    @Test
    void globsAndPlainPathsResolveToOneSortedListAndEachEntryThatFindsNothingIsReported() throws IOException {
        write("schema/types/b.graphqls", SCHEMA);
        write("schema/a.graphqls", SCHEMA);
        write("schema/notes.txt", "not a schema");
        write("extra.graphqls", SCHEMA);
        SodaGqlConfig config = config().schemaPath("schema/**/*.graphqls").schemaPath("extra.graphqls")
                .schemaPath("missing.graphqls").schemaPath("nowhere/*.graphqls").build();

        SchemaSources sources = SchemaSources.resolve(config);

        assertEquals(List.of("extra.graphqls", "schema/a.graphqls", "schema/types/b.graphqls"), values(sources.files()));
        assertEquals(List.of(DiagnosticCode.SCHEMA_NOT_FOUND, DiagnosticCode.SCHEMA_NOT_FOUND), codes(sources.problems()));
        assertTrue(sources.problems().get(0).message().startsWith("Schema file 'missing.graphqls' not found"),
                sources.problems().get(0).message());
        assertTrue(sources.problems().get(1).message().startsWith("Schema glob 'nowhere/*.graphqls' matches no file"),
                sources.problems().get(1).message());
    }

    @Test
    void aClasspathEntryJoinsTheProjectsFilesAndIsStatedAsItsJarAndReadFromIt() throws IOException {
        write("schema/local.graphqls", "extend type Query {\n  local: Int\n}\n");
        Path jar = TestJar.write(temporary.resolve("lib/api-1.0.jar"), Map.of("schema/api.graphqls", SCHEMA));
        SodaGqlConfig config = config().schemaPath("classpath:schema/*.graphqls").schemaPath("schema/local.graphqls")
                .classpathElement(jar).build();

        SchemaSources sources = SchemaSources.resolve(config);

        ProjectPath inJar = ProjectPath.parse("api-1.0.jar!/schema/api.graphqls");
        assertEquals(List.of("api-1.0.jar!/schema/api.graphqls", "schema/local.graphqls"), values(sources.files()));
        assertEquals(SCHEMA, new String(sources.read(inJar), StandardCharsets.UTF_8));
        assertEquals(Files.size(jar), sources.stat(inJar).size(), "a jar's entry stands as its jar");
        assertEquals(Files.getLastModifiedTime(jar).toMillis(), sources.stat(inJar).modifiedMillis());
        ProjectPath local = ProjectPath.parse("schema/local.graphqls");
        assertEquals(Files.size(project().resolve("schema/local.graphqls")), sources.stat(local).size());
    }

    @Test
    void theLocationsAreTheDocumentRootsWithoutSchemaPaths() {
        SodaGqlConfig config = config().documentRoot("src/main/graphql").documentRoot("src/other/graphql").build();

        assertEquals(List.of("src/main/graphql", "src/other/graphql"), values(SchemaSources.locations(config)));
    }

    @Test
    void theLocationsAreEachFileEachGlobsFirstFolderAndEachJarHoldingAMatch() throws IOException {
        Path holder = TestJar.write(temporary.resolve("lib/api-1.0.jar"), Map.of("schema/api.graphqls", SCHEMA));
        Path other = TestJar.write(temporary.resolve("lib/other-1.0.jar"), Map.of("x.txt", "x"));
        SodaGqlConfig config = config().schemaPath("schema/main.graphqls").schemaPath("shared/**/*.graphqls")
                .schemaPath("*.graphqls").schemaPath("classpath:schema/api.graphqls")
                .classpathElement(other).classpathElement(holder).build();

        assertEquals(List.of(".", "../lib/api-1.0.jar", "schema/main.graphqls", "shared"),
                values(SchemaSources.locations(config)));
    }

    @Test
    void theLoaderLoadsTheResolvedFilesAndFindsNoneOfItsOwn() throws IOException {
        write("src/main/graphql/a.graphqls", SCHEMA);
        write("src/main/graphql/b.graphqls", "type Broken {\n");

        SchemaLoadResult result = SchemaLoader.load(SchemaSources.resolve(config().build(),
                Optional.of(List.of(ProjectPath.parse("src/main/graphql/a.graphqls")))), Optional.empty());

        assertEquals(List.of(), result.diagnostics());
        assertEquals(List.of("src/main/graphql/a.graphqls"), values(result.schema().orElseThrow().sources()));
    }

    @Test
    void theResolutionsProblemsAreTheLoadsProblems() {
        SchemaLoadResult result = SchemaLoader.load(SchemaSources.resolve(config().schemaPath("missing.graphqls").build()),
                Optional.empty());

        assertTrue(result.schema().isEmpty());
        assertEquals(List.of(DiagnosticCode.SCHEMA_NOT_FOUND), codes(result.diagnostics()));
    }

    @Test
    void anEntryTheJarListingsMemoInventedIsListedAgainAndTheJarsSchemaLoads() throws IOException {
        Path jar = TestJar.write(temporary.resolve("lib/api-1.0.jar"), Map.of("schema/schema.graphqls", SCHEMA));
        SodaGqlConfig config = config().schemaPath("classpath:schema/*.graphqls").classpathElement(jar).build();
        Path memo = config.stateDirectory().resolveAgainst(project()).resolve(JarListings.FILE);
        SchemaSources.resolve(config);
        Files.writeString(memo, Files.readString(memo).replace("schema/schema.graphqls", "schema/ghost.graphqls"));
        SchemaSources fromMemo = SchemaSources.resolve(config);
        assertEquals(List.of("api-1.0.jar!/schema/ghost.graphqls"), values(fromMemo.files()));

        SchemaLoadResult result = SchemaLoader.load(fromMemo, Optional.empty());

        assertEquals(List.of(), result.diagnostics());
        assertEquals(List.of("api-1.0.jar!/schema/schema.graphqls"), values(result.schema().orElseThrow().sources()));
    }
}
