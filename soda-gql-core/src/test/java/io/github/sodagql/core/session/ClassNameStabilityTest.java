package io.github.sodagql.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sodagql.core.TestProject;
import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, item 3, third bullet: adding a definition never renames another definition's class. Names are
 * decided by each definition's own name and the schema, so the incremental build that meets the newcomer and
 * a clean build agree byte for byte, and the newcomer's suffix comes with a warning naming both.
 */
class ClassNameStabilityTest {
    private static final String GENERATED = "target/generated-sources/soda-gql/com/example/test/";

    @TempDir
    Path temporary;

    @Test
    void aNewFragmentNamedLikeAnOperationsClassIsSuffixedAndTheOperationKeepsItsName() throws IOException {
        TestProject project = TestProject.copyOf("session/class-names", temporary.resolve("project"));
        project.build();
        Set<String> first = classes(project);
        project.write("src/main/graphql/later.graphql", "fragment CatalogPageQuery on Book {\n  title\n}\n");

        BuildResult result = project.build();

        Set<String> now = classes(project);
        assertTrue(now.containsAll(first), "no class of the first build was renamed: " + first + " -> " + now);
        assertTrue(now.contains("CatalogPageQueryFragment.java"), now.toString());
        assertTrue(Files.readString(project.directory().resolve(GENERATED + "CatalogPageQuery.java"))
                .contains("OPERATION_NAME = \"CatalogPage\""), "the operation keeps its class");
        List<Diagnostic> warnings = result.diagnostics();
        assertEquals(List.of(DiagnosticCode.CLASS_NAME_TAKEN), warnings.stream().map(Diagnostic::code).toList());
        assertEquals("Fragment 'CatalogPageQuery' is generated as 'CatalogPageQueryFragment', because 'CatalogPageQuery'"
                + " is the class of operation 'CatalogPage' (src/main/graphql/catalog.graphql).", warnings.get(0).message());
        CleanBuildComparison.assertSameAsCleanBuild(project.directory(), result, temporary.resolve("clean"),
                ClassNameStabilityTest::config, "after the newcomer");
    }

    @Test
    void anOperationAddedLaterDoesNotTakeAFragmentsClass() throws IOException {
        TestProject project = TestProject.copyOf("session/class-names", temporary.resolve("project"));
        project.write("src/main/graphql/catalog.graphql", "query Shelf {\n  books {\n    ...CatalogPageQuery\n  }\n}\n\n"
                + "fragment CatalogPageQuery on Book {\n  title\n}\n");
        project.build();
        Set<String> first = classes(project);
        project.write("src/main/graphql/later.graphql", "query CatalogPage {\n  books {\n    id\n  }\n}\n");

        BuildResult result = project.build();

        Set<String> now = classes(project);
        assertTrue(now.containsAll(first), "no class of the first build was renamed: " + first + " -> " + now);
        assertTrue(first.contains("CatalogPageQueryFragment.java"), first.toString());
        assertTrue(now.contains("CatalogPageQuery.java"), now.toString());
        CleanBuildComparison.assertSameAsCleanBuild(project.directory(), result, temporary.resolve("clean"),
                ClassNameStabilityTest::config, "after the operation");
    }

    @Test
    void aSchemaTypeComingIntoUseDoesNotTakeAFragmentsClass() throws IOException {
        TestProject project = TestProject.copyOf("session/class-names", temporary.resolve("project"));
        project.write("src/main/graphql/genre.graphql", "fragment Genre on Book {\n  title\n}\n");
        project.build();
        Set<String> first = classes(project);
        // Genre (the enum) and BookFilter (the input) come into use: each now gets a class.
        project.write("src/main/graphql/later.graphql",
                "query Filtered($filter: BookFilter) {\n  books(filter: $filter) {\n    genre\n  }\n}\n");

        BuildResult result = project.build();

        Set<String> now = classes(project);
        assertTrue(now.containsAll(first), "no class of the first build was renamed: " + first + " -> " + now);
        assertTrue(first.contains("GenreFragment.java") && !first.contains("Genre.java"), first.toString());
        assertTrue(now.contains("Genre.java") && now.contains("BookFilter.java"), now.toString());
        CleanBuildComparison.assertSameAsCleanBuild(project.directory(), result, temporary.resolve("clean"),
                ClassNameStabilityTest::config, "after the enum came into use");
    }

    private static SodaGqlConfig config(Path directory) {
        return SodaGqlConfig.builder(directory).javaPackage("com.example.test").build();
    }

    private static Set<String> classes(TestProject project) throws IOException {
        Path folder = project.directory().resolve(GENERATED);
        Set<String> names = new TreeSet<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                files.map(file -> file.getFileName().toString()).forEach(names::add);
            }
        }
        return names;
    }
}
