package io.github.sodagql.core.corpora;

import io.github.sodagql.core.TestProject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.sodagql.core.artifact.Artifact;
import io.github.sodagql.core.artifact.ArtifactOperation;
import io.github.sodagql.core.config.DocumentRoot;
import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.session.BuildResult;
import io.github.sodagql.core.session.BuilderSession;
import io.github.sodagql.core.source.SourceLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Builds real public schemas and documents from {@code <repoRoot>/../shared/corpora} (see its README.md).
 * The corpora are read-only and never copied into the repository; every test skips when its folder is
 * absent. The build's state and output go to a JUnit temporary directory.
 */
class CorporaTest {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final String APOLLO_TESTS = "apollo-kotlin/libraries/apollo-compiler/src/test/graphql";

    @TempDir
    Path tempDir;

    // ---- artsy/force -------------------------------------------------------------------------------

    @Test
    void artsyCompiledBuildsWithZeroErrorsAnd895Operations() {
        BuildResult result = build(TestProject.corpus("artsy-force"), "data/schema.graphql", "compiled");

        assertEquals(List.of(), firstFew(result.errors()), "the compiled Relay documents are valid GraphQL");
        Artifact artifact = result.artifact().orElseThrow();
        assertEquals(895, artifact.operations().size(), "operations");
        assertEquals(860, artifact.fragments().size(), "fragments");
        assertEquals(1755, artifact.counts().documents(), "documents");
        assertEquals(895, result.report().counters().operationsValidated(), "operationsValidated");
        assertEquals(1755, result.report().counters().filesParsed(), "filesParsed");
        for (ArtifactOperation operation : artifact.operations()) {
            String id = operation.id().hex();
            assertTrue(SHA256_HEX.matcher(id).matches(), operation.name() + " id " + id);
            assertEquals(DigestUtils.sha256Hex(operation.document().getBytes(StandardCharsets.UTF_8)), id,
                    operation.name() + ": the id is the SHA-256 of the document it sends");
        }
    }

    @Test
    void artsySourceReportsLocatedErrorsForRelaySyntaxWithoutCrashing() {
        BuildResult result = build(TestProject.corpus("artsy-force"), "data/schema.graphql", "source");

        assertTrue(result.hasErrors(), "Relay-syntax documents are not plain GraphQL");
        assertTrue(result.artifact().isPresent(), "a build with errors still produces its artifact");
        assertEquals(892, result.report().counters().operationsValidated(), "every operation is validated");
        assertAllLocated(result, "source/", "data/schema.graphql");
        assertNoStackTraces(result);
        assertTrue(result.errors().stream().anyMatch(d -> d.code() == DiagnosticCode.VALIDATION_ERROR
                        && d.message().contains("Unknown directive")
                        && (d.message().contains("'argumentDefinitions'") || d.message().contains("'arguments'"))),
                () -> "no VALIDATION_ERROR names a Relay directive; first errors: " + firstFew(result.errors()));
    }

    @Test
    void artsyStaleIntrospectionJsonFailsWithSchemaInvalid() {
        BuildResult result = build(TestProject.corpus("artsy-force"), "data/schema.json", "compiled");

        List<Diagnostic> invalid = withCode(result, DiagnosticCode.SCHEMA_INVALID);
        assertFalse(invalid.isEmpty(), () -> "expected SCHEMA_INVALID; got " + firstFew(result.diagnostics()));
        invalid.forEach(d -> assertEquals("data/schema.json", d.location().orElseThrow().file().value(), d.format()));
        assertEquals(List.of(), withCode(result, DiagnosticCode.VALIDATION_ERROR),
                "nothing is validated without a schema");
        assertEquals(0, result.report().counters().operationsValidated(), "operationsValidated");
        assertNoStackTraces(result);
    }

    // ---- GitHub schema (octokit/graphql-schema) -----------------------------------------------------

    /**
     * The published schema declares two fields of {@code EnterpriseOwnerInfo} twice. The error must point at
     * the second declaration of each field (what the user deletes), not at the type.
     * The location is the field's name, not the opening {@code """} of its description, where graphql-java
     * starts the definition.
     */
    @Test
    void publishedGithubSchemaFailsAtTheDuplicatedField() throws IOException {
        Path project = TestProject.corpus("github/octokit-graphql-schema");
        BuildResult result = build(project, "schema.graphql", "no-documents");

        for (String field : List.of("repositoryDeployKeySetting", "repositoryDeployKeySettingOrganizations")) {
            List<Diagnostic> duplicates = withCode(result, DiagnosticCode.SCHEMA_INVALID).stream()
                    .filter(d -> d.message().contains("'EnterpriseOwnerInfo'") && d.message().contains("'" + field + "'"))
                    .toList();
            assertEquals(1, duplicates.size(), () -> "one SCHEMA_INVALID for " + field + "; got "
                    + firstFew(result.diagnostics()));
            Declaration second = secondDeclaration(project.resolve("schema.graphql"), "EnterpriseOwnerInfo", field);
            SourceLocation at = duplicates.get(0).location().orElseThrow();
            String shown = duplicates.get(0).format();
            assertEquals("schema.graphql", at.file().value(), shown);
            assertTrue(at.line() == second.nameLine(),
                    "expected the second declaration of " + field + ", line " + second.nameLine()
                            + " (its description starts at " + second.startLine() + "): " + shown);
            assertEquals(3, at.column(), shown);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"schema.dedup-patched.graphql", "schema@503d8f1-2024-07-08.graphql"})
    void validGithubSchemasLoadWithoutSchemaInvalid(String schema) {
        BuildResult result = build(TestProject.corpus("github/octokit-graphql-schema"), schema, "no-documents");

        assertEquals(List.of(), withCode(result, DiagnosticCode.SCHEMA_INVALID), schema);
        assertEquals(List.of(), firstFew(result.errors()), schema);
        assertTrue(result.artifact().orElseThrow().schemaHash().isPresent(), "the schema loaded");
    }

    // ---- apollo-kotlin compiler test folders --------------------------------------------------------

    /**
     * The folders plain graphql-java 26.0 found clean (no parse error, no invalid operation, schema loads),
     * taken from {@code validation-results/apollo-compiler.summary.txt}. Each must build without errors.
     */
    @TestFactory
    Stream<DynamicTest> cleanApolloCompilerFoldersBuild() throws IOException {
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

        return clean.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Path folder = examples.resolve(name);
            assertTrue(Files.isDirectory(folder), "folder listed in the summary exists: " + folder);
            // Folders without their own schema.graphqls use the shared one (schema.java/kotlin.graphqls
            // variants declare Apollo's @map without defining it, and are not what the summary used).
            String schema = Files.isRegularFile(folder.resolve("schema.graphqls"))
                    ? "schema.graphqls"
                    : folder.relativize(corpora.resolve(APOLLO_TESTS).resolve("schema.graphqls")).toString();
            BuildResult result = build(folder.toRealPath(), schema, ".", List.of("*.graphql"), List.of(),
                    tempDir.resolve(name));

            assertEquals(List.of(), firstFew(result.errors()), name);
            assertTrue(result.report().counts().operations() >= 1, name + " has an operation");
            assertEquals(result.report().counts().operations(), result.report().counters().operationsValidated(),
                    name + ": every operation was validated");
        }));
    }

    // ---- microsoft/vscode-pull-request-github ---------------------------------------------------------

    /**
     * Each variant file is built with the shared file it {@code #import}s, as the validation summary did,
     * against the published GitHub schema with its duplicated fields removed.
     */
    @ParameterizedTest
    @ValueSource(strings = {"queries.gql", "queriesExtra.gql", "queriesLimited.gql"})
    void vscodePullRequestQueriesReportErrorsWithoutCrashing(String variant) throws IOException {
        Path project = TestProject.corpus("github");
        String documents = "vscode-pull-request-github/src/github";
        assumeTrue(Files.isDirectory(project.resolve(documents))
                && Files.isRegularFile(project.resolve("octokit-graphql-schema/schema.dedup-patched.graphql")),
                "corpus absent: " + project.resolve(documents));
        BuildResult result = build(project, "octokit-graphql-schema/schema.dedup-patched.graphql", documents,
                List.of(variant, "queriesShared.gql"), List.of(), tempDir);

        assertTrue(result.hasErrors(), "the queries are dirty against this schema");
        assertTrue(result.report().counts().operations() > 0, "operations were found");
        assertEquals(result.report().counts().operations(), result.report().counters().operationsValidated(),
                "every operation is validated");
        assertFalse(withCode(result, DiagnosticCode.VALIDATION_ERROR).isEmpty(), "validation errors are reported");
        assertAllLocated(result, documents + "/", "octokit-graphql-schema/schema.dedup-patched.graphql");
        assertNoStackTraces(result);

        Set<String> redefined = fragmentNames(project.resolve(documents).resolve(variant));
        redefined.retainAll(fragmentNames(project.resolve(documents).resolve("queriesShared.gql")));
        assertFalse(redefined.isEmpty(), "the variant redefines fragments of the shared file");
        Set<String> reported = withCode(result, DiagnosticCode.DOC_DUPLICATE).stream()
                .map(d -> quoted(d.message())).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(reported.containsAll(redefined), "DOC_DUPLICATE for " + redefined + ", got " + reported);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private BuildResult build(Path project, String schema, String documents) {
        return build(project, schema, documents, DocumentRoot.DEFAULT_INCLUDES, List.of(), tempDir);
    }

    private static BuildResult build(Path project, String schema, String documents, List<String> includes,
            List<String> excludes, Path stateDirectory) {
        SodaGqlConfig.Builder builder = SodaGqlConfig.builder(project)
                .schemaPath(schema)
                .stateDirectory(stateDirectory.resolve("state").toString())
                .outputDirectory(stateDirectory.resolve("gen").toString())
                .javaPackage("com.example.corpus");
        builder.documentRoot(new DocumentRoot(builder.relative(documents), includes, excludes));
        SodaGqlConfig config = builder.build();
        assertEquals(List.of(), config.problems(), "test config");
        return new BuilderSession(config).buildInitial();
    }



    private static List<Diagnostic> withCode(BuildResult result, DiagnosticCode code) {
        return result.diagnostics().stream().filter(d -> d.code() == code).toList();
    }

    /** The first diagnostics, formatted, so that a failed assertion shows what went wrong. */
    private static List<String> firstFew(List<Diagnostic> diagnostics) {
        return diagnostics.stream().limit(5).map(Diagnostic::format).toList();
    }

    private static void assertAllLocated(BuildResult result, String documentPrefix, String schemaFile) {
        assertFalse(result.diagnostics().isEmpty());
        for (Diagnostic diagnostic : result.diagnostics()) {
            assertTrue(diagnostic.location().isPresent(), () -> "no location: " + diagnostic.format());
            SourceLocation at = diagnostic.location().get();
            String file = at.file().value();
            assertTrue(file.startsWith(documentPrefix) || file.equals(schemaFile), diagnostic.format());
            assertTrue(at.line() >= 1 && at.column() >= 1, diagnostic.format());
        }
    }

    private static void assertNoStackTraces(BuildResult result) {
        for (Diagnostic diagnostic : result.diagnostics()) {
            assertFalse(diagnostic.message().contains("Exception") || diagnostic.message().contains("\tat "),
                    diagnostic.format());
        }
    }

    /** A field declaration: the line of its name and the line where it starts (its description, if any). */
    private record Declaration(int nameLine, int startLine) {}

    /**
     * The second declaration of {@code field} inside {@code type Name { ... }}: the line whose trimmed
     * text starts with the exact field name followed by {@code (} or {@code :}, and the first line of the
     * description just above it. Lines are 1-based.
     */
    private static Declaration secondDeclaration(Path schema, String type, String field) throws IOException {
        List<String> lines = Files.readAllLines(schema, StandardCharsets.UTF_8);
        Pattern declaration = Pattern.compile(Pattern.quote(field) + "\\s*[(:].*");
        boolean inType = false;
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!inType) {
                inType = line.startsWith("type " + type + " ") || line.equals("type " + type + "{");
            } else if (line.startsWith("}")) {
                break;
            } else if (declaration.matcher(line.strip()).matches() && ++seen == 2) {
                return new Declaration(i + 1, descriptionStart(lines, i) + 1);
            }
        }
        throw new AssertionError("no second declaration of " + type + "." + field + " in " + schema);
    }

    /** The 0-based index of the first line of the description above line {@code index}, or {@code index}. */
    private static int descriptionStart(List<String> lines, int index) {
        String above = index > 0 ? lines.get(index - 1).strip() : "";
        if (above.equals("\"\"\"")) {
            for (int j = index - 2; j >= 0; j--) {
                if (lines.get(j).strip().startsWith("\"\"\"")) {
                    return j;
                }
            }
        }
        return above.startsWith("\"") && above.endsWith("\"") && above.length() > 1 ? index - 1 : index;
    }

    private static Set<String> fragmentNames(Path document) throws IOException {
        Matcher fragment = Pattern.compile("(?m)^\\s*fragment\\s+(\\w+)\\s+on\\b").matcher(Files.readString(document));
        Set<String> names = new TreeSet<>();
        while (fragment.find()) {
            names.add(fragment.group(1));
        }
        return names;
    }

    /** The first single-quoted name in a message, e.g. the fragment of a DOC_DUPLICATE. */
    private static String quoted(String message) {
        Matcher name = Pattern.compile("'([^']*)'").matcher(message);
        return name.find() ? name.group(1) : message;
    }
}
