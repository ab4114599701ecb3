package io.github.sodagql.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sodagql.core.TestJar;
import io.github.sodagql.core.TestProject;
import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.source.ProjectPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathSchemasTest {
    private static final String SCHEMA = "type Query {\n  ping: String\n}\n";

    @TempDir
    Path temporary;

    private Path project() {
        return temporary.resolve("app").toAbsolutePath().normalize();
    }

    private SodaGqlConfig.Builder config(String schemaPath, Path... classpath) {
        SodaGqlConfig.Builder builder = SodaGqlConfig.builder(project()).javaPackage("com.example").schemaPath(schemaPath);
        for (Path element : classpath) {
            builder.classpathElement(element);
        }
        return builder;
    }

    private static List<String> resolve(SodaGqlConfig config, List<Diagnostic> problems) {
        SchemaSources sources = SchemaSources.resolve(config);
        problems.addAll(sources.problems());
        return sources.files().stream().map(ProjectPath::value).toList();
    }

    @Test
    void aPlainPathTakesTheFirstElementThatHoldsIt() {
        Path first = TestJar.write(temporary.resolve("lib/first-1.0.jar"), Map.of("other.graphqls", SCHEMA));
        Path second = TestJar.write(temporary.resolve("lib/second-1.0.jar"), Map.of("schema/schema.graphqls", SCHEMA));
        Path third = TestJar.write(temporary.resolve("lib/third-1.0.jar"), Map.of("schema/schema.graphqls", SCHEMA));
        List<Diagnostic> problems = new ArrayList<>();

        List<String> files = resolve(config("classpath:schema/schema.graphqls", first, second, third).build(), problems);

        assertEquals(List.of(), problems);
        assertEquals(List.of("second-1.0.jar!/schema/schema.graphqls"), files);
    }

    @Test
    void aGlobCollectsEveryMatchOfEveryElementSorted() throws IOException {
        Path jar = TestJar.write(temporary.resolve("lib/api-1.0.jar"), Map.of(
                "schema/b.graphqls", SCHEMA, "schema/types/a.graphqls", SCHEMA, "other/c.graphqls", SCHEMA,
                "schema/readme.txt", "not a schema"));
        Path classes = temporary.resolve("api/target/classes");
        Files.createDirectories(classes.resolve("schema"));
        Files.writeString(classes.resolve("schema/z.graphqls"), SCHEMA);
        List<Diagnostic> problems = new ArrayList<>();

        List<String> files = resolve(config("classpath:schema/**/*.graphqls", jar, classes).build(), problems);

        assertEquals(List.of(), problems);
        assertEquals(List.of("../api/target/classes/schema/z.graphqls", "api-1.0.jar!/schema/b.graphqls",
                "api-1.0.jar!/schema/types/a.graphqls"), files);
    }

    @Test
    void aReactorModulesOutputFolderIsSearchedAndItsFileIsTheFileItself() throws IOException {
        Path classes = temporary.resolve("api/target/classes");
        Files.createDirectories(classes.resolve("schema"));
        Files.writeString(classes.resolve("schema/schema.graphqls"), SCHEMA);
        SodaGqlConfig config = config("classpath:/schema/schema.graphqls", classes).build();
        List<Diagnostic> problems = new ArrayList<>();

        List<String> files = resolve(config, problems);

        assertEquals(List.of("../api/target/classes/schema/schema.graphqls"), files);
        assertTrue(SchemaLoader.load(config).schema().isPresent());
    }

    @Test
    void aMissingEntryNamesTheJarsAndFoldersSearched() throws IOException {
        Path jar = TestJar.write(temporary.resolve("lib/api-1.0.jar"), Map.of("schema/other.graphqls", SCHEMA));
        Path classes = Files.createDirectories(temporary.resolve("api/target/classes"));
        List<Diagnostic> problems = new ArrayList<>();

        List<String> files = resolve(config("classpath:schema/schema.graphqls", jar, classes).build(), problems);

        assertEquals(List.of(), files);
        assertEquals(1, problems.size());
        assertEquals(DiagnosticCode.SCHEMA_NOT_FOUND, problems.get(0).code());
        assertEquals("Schema 'classpath:schema/schema.graphqls' is not on the compile classpath (searched api-1.0.jar, "
                + "../api/target/classes).", problems.get(0).message());
    }

    @Test
    void anEmptyClasspathIsSaidToBeEmpty() {
        SchemaLoadResult result = SchemaLoader.load(config("classpath:schema/schema.graphqls").build());

        assertTrue(result.schema().isEmpty());
        assertEquals("Schema 'classpath:schema/schema.graphqls' is not on the compile classpath (the classpath is empty).",
                result.diagnostics().get(0).message());
    }

    @Test
    void schemaErrorsPointIntoTheJar() throws IOException {
        String broken = Files.readString(TestProject.resource("schema/classpath/broken.graphqls"));
        Path jar = TestJar.write(temporary.resolve("lib/api-1.0.jar"), Map.of("schema/schema.graphqls", broken));

        SchemaLoadResult result = SchemaLoader.load(config("classpath:schema/schema.graphqls", jar).build());

        assertTrue(result.schema().isEmpty());
        Diagnostic problem = result.diagnostics().get(0);
        assertEquals(DiagnosticCode.SCHEMA_INVALID, problem.code());
        assertEquals("api-1.0.jar!/schema/schema.graphqls:3:3", problem.location().orElseThrow().toString());
    }

    @Test
    void jarsOfTheSameNameAreNumberedAndEachIsReadFromItsOwnJar() throws IOException {
        Path one = TestJar.write(temporary.resolve("a/api.jar"), Map.of("schema/one.graphqls", SCHEMA));
        Path two = TestJar.write(temporary.resolve("b/api.jar"), Map.of("schema/two.graphqls", "type Query {\n  pong: Int\n}\n"));
        SodaGqlConfig config = config("classpath:schema/*.graphqls", one, two).build();

        List<String> files = resolve(config, new ArrayList<>());

        assertEquals(List.of("api.jar!/schema/one.graphqls", "api.jar#2!/schema/two.graphqls"), files);
        assertEquals("type Query {\n  pong: Int\n}\n", new String(
                SchemaSources.resolve(config).read(ProjectPath.parse("api.jar#2!/schema/two.graphqls")), StandardCharsets.UTF_8));
        assertEquals(Files.size(two), SchemaSources.resolve(config).stat(ProjectPath.parse("api.jar#2!/schema/two.graphqls")).size(),
                "a jar's entry stands as the jar");
    }

    @Test
    void anUnchangedJarIsNotOpenedAgainInTheNextProcess() throws IOException {
        Path jar = TestJar.write(temporary.resolve("lib/api-1.0.jar"), Map.of("schema/schema.graphqls", SCHEMA));
        SodaGqlConfig config = config("classpath:schema/**/*.graphqls", jar).build();
        Path state = config.stateDirectory().resolveAgainst(project());
        List<String> entries = List.of("classpath:schema/**/*.graphqls");

        JarListings first = JarListings.read(state);
        List<ProjectPath> listed = ClasspathSchemas.resolve(config, entries, new ArrayList<>(), first);
        first.save(state);
        JarListings second = JarListings.read(state);
        List<ProjectPath> remembered = ClasspathSchemas.resolve(config, entries, new ArrayList<>(), second);

        assertEquals(1, first.jarsOpened());
        assertEquals(0, second.jarsOpened(), "the memo answered");
        assertEquals(listed, remembered);

        TestJar.write(jar, Map.of("schema/schema.graphqls", SCHEMA, "schema/more.graphqls", SCHEMA));
        TestJar.setModified(jar, Files.getLastModifiedTime(jar).toMillis() + 2_000);
        JarListings third = JarListings.read(state);
        List<ProjectPath> relisted = ClasspathSchemas.resolve(config, entries, new ArrayList<>(), third);

        assertEquals(1, third.jarsOpened(), "a new jar is listed again");
        assertEquals(List.of("api-1.0.jar!/schema/more.graphqls", "api-1.0.jar!/schema/schema.graphqls"),
                relisted.stream().map(ProjectPath::value).toList());
    }

    @Test
    void aMemoThatIsDamagedOrClaimsWhatItsPatternCannotMatchCostsARelist() throws IOException {
        Path jar = TestJar.write(temporary.resolve("lib/api-1.0.jar"), Map.of("schema/schema.graphqls", SCHEMA));
        SodaGqlConfig config = config("classpath:schema/*.graphqls", jar).build();
        Path state = config.stateDirectory().resolveAgainst(project());
        List<String> entries = List.of("classpath:schema/*.graphqls");
        JarListings first = JarListings.read(state);
        ClasspathSchemas.resolve(config, entries, new ArrayList<>(), first);
        first.save(state);
        String memo = Files.readString(state.resolve(JarListings.FILE));

        for (String damaged : List.of(
                memo.replace("schema/schema.graphqls", "../../etc/passwd"),
                memo.replace("schema/schema.graphqls", "other/elsewhere.graphqls"),
                memo.replace(" 1 schema/", " 99999999 schema/"),
                memo.substring(0, memo.length() / 2),
                "garbage")) {
            Files.writeString(state.resolve(JarListings.FILE), damaged);
            JarListings listings = JarListings.read(state);

            List<ProjectPath> files = ClasspathSchemas.resolve(config, entries, new ArrayList<>(), listings);

            assertEquals(1, listings.jarsOpened(), damaged);
            assertEquals(List.of("api-1.0.jar!/schema/schema.graphqls"), files.stream().map(ProjectPath::value).toList());
        }
    }

    @Test
    void anEntryTheMemoClaimsButTheJarLacksIsAReadErrorAndDiscardsTheMemo() throws IOException {
        Path jar = TestJar.write(temporary.resolve("lib/api-1.0.jar"), Map.of("schema/schema.graphqls", SCHEMA));
        SodaGqlConfig config = config("classpath:schema/*.graphqls", jar).build();
        Path state = config.stateDirectory().resolveAgainst(project());
        ClasspathSchemas.resolve(config, List.of("classpath:schema/*.graphqls"), new ArrayList<>());
        Path memo = state.resolve(JarListings.FILE);
        Files.writeString(memo, Files.readString(memo).replace("schema/schema.graphqls", "schema/ghost.graphqls"));

        List<ProjectPath> files = ClasspathSchemas.resolve(config, List.of("classpath:schema/*.graphqls"), new ArrayList<>());

        assertEquals(List.of("api-1.0.jar!/schema/ghost.graphqls"), files.stream().map(ProjectPath::value).toList());
        assertThrows(NoSuchFileException.class, () -> SchemaSources.resolve(config).read(files.get(0)));
        assertTrue(Files.notExists(memo), "the next resolution lists the jar again");
    }

    @Test
    void theMemoHoldsNoPath() throws IOException {
        Path jar = TestJar.write(temporary.resolve("lib/api-1.0.jar"), Map.of("schema/schema.graphqls", SCHEMA));
        SodaGqlConfig config = config("classpath:schema/schema.graphqls", jar).build();

        SchemaSources.resolve(config);

        String memo = Files.readString(config.stateDirectory().resolveAgainst(project()).resolve(JarListings.FILE));
        assertTrue(!memo.contains(temporary.toString()) && !memo.contains("api-1.0.jar"), memo);
    }

    @Test
    void theLocationsToWatchAreTheJarsThatHoldAMatchAndTheFoldersWhereAGlobStarts() throws IOException {
        Path holder = TestJar.write(temporary.resolve("lib/api-1.0.jar"), Map.of("schema/schema.graphqls", SCHEMA));
        Path other = TestJar.write(temporary.resolve("lib/other-1.0.jar"), Map.of("x.txt", "x"));
        Path classes = Files.createDirectories(temporary.resolve("api/target/classes"));

        List<String> locations = SchemaSources.locations(config("classpath:schema/**/*.graphqls", other, holder, classes)
                .schemaPath("src/main/graphql/local.graphqls").build()).stream().map(ProjectPath::value).toList();

        assertEquals(List.of("../api/target/classes/schema", "../lib/api-1.0.jar", "src/main/graphql/local.graphqls"), locations);
    }

    @Test
    void aClasspathEntryMustBeAPathInsideAJar() {
        for (String entry : List.of("classpath:", "classpath:../schema.graphqls", "classpath:schema//x.graphqls")) {
            List<Diagnostic> problems = config(entry).build().problems();
            assertEquals(1, problems.size(), entry);
            assertEquals(DiagnosticCode.CONFIG_INVALID, problems.get(0).code());
        }
        assertEquals(List.of(), config("classpath:/schema/**/*.graphqls").build().problems());
    }
}
