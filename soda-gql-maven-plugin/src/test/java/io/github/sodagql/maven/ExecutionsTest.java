package io.github.sodagql.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several executions of {@code generate} in one module, each with its own schema, documents and package. */
class ExecutionsTest {
    @TempDir
    Path basedir;

    private void twoSchemasAndTheirDocuments() throws Exception {
        Mojos.write(basedir.resolve("src/main/graphql/schema.graphqls"), "type Query {\n  shop: String\n}\n");
        Mojos.write(basedir.resolve("src/main/graphql/shop.graphql"), "query Shop {\n  shop\n}\n");
        Mojos.write(basedir.resolve("src/admin/graphql/schema.graphqls"), "type Query {\n  users: [String]\n}\n");
        Mojos.write(basedir.resolve("src/admin/graphql/users.graphql"), "query Users {\n  users\n}\n");
    }

    /** One {@code mvn generate-sources}: the default execution, then {@code admin}, on one project. */
    private MavenProject buildBoth() throws Exception {
        MavenProject project = Mojos.project(basedir, "default", "admin");
        Mojos.generate(project, new RecordingBuildContext(), "default", "com.example.shop", "src/main/graphql").execute();
        Mojos.generate(project, new RecordingBuildContext(), "admin", "com.example.admin", "src/admin/graphql").execute();
        return project;
    }

    private String read(String relative) throws Exception {
        return Files.readString(basedir.resolve(relative));
    }

    @Test
    void twoExecutionsKeepTheirOwnOutputsStateAndClasspathArtifactAcrossBuilds() throws Exception {
        twoSchemasAndTheirDocuments();
        buildBoth();
        MavenProject second = buildBoth();

        assertTrue(Files.isRegularFile(basedir.resolve("target/generated-sources/soda-gql/com/example/shop/ShopQuery.java")));
        assertTrue(Files.isRegularFile(basedir.resolve("target/generated-sources/soda-gql-admin/com/example/admin/UsersQuery.java")));
        for (String state : List.of("target/soda-gql", "target/soda-gql-admin")) {
            String report = read(state + "/report.json");
            assertTrue(report.contains("\"mode\": \"incremental\""), state + ": " + report);
            assertTrue(report.contains("\"filesWritten\": 0"), state + ": " + report);
        }
        String shop = read("target/generated-resources/soda-gql/META-INF/soda-gql/operations.json");
        String admin = read("target/generated-resources/soda-gql-admin/META-INF/soda-gql/admin/operations.json");
        assertTrue(shop.contains("\"Shop\"") && !shop.contains("\"Users\""), shop);
        assertTrue(admin.contains("\"Users\"") && !admin.contains("\"Shop\""), admin);
        assertEquals(List.of(basedir.resolve("target/generated-sources/soda-gql").toString(),
                basedir.resolve("target/generated-sources/soda-gql-admin").toString()), second.getCompileSourceRoots());
        assertEquals(List.of(new File(basedir.resolve("target/generated-resources/soda-gql").toString()).getPath(),
                new File(basedir.resolve("target/generated-resources/soda-gql-admin").toString()).getPath()),
                second.getResources().stream().map(Resource::getDirectory).toList());
    }

    @Test
    void anEditInOneExecutionLeavesTheOtherUntouched() throws Exception {
        twoSchemasAndTheirDocuments();
        buildBoth();
        Mojos.write(basedir.resolve("src/admin/graphql/more.graphql"), "query MoreUsers {\n  users\n}\n");
        buildBoth();

        assertTrue(read("target/soda-gql/report.json").contains("\"filesParsed\": 0"));
        assertTrue(read("target/soda-gql-admin/report.json").contains("\"filesParsed\": 1"));
        assertTrue(Files.isRegularFile(basedir.resolve("target/generated-sources/soda-gql/com/example/shop/ShopQuery.java")));
        assertTrue(read("target/generated-resources/soda-gql-admin/META-INF/soda-gql/admin/operations.json").contains("\"MoreUsers\""));
    }

    @Test
    void executionsThatShareAnOutputFolderFailWithAClearErrorAndDeleteNothing() throws Exception {
        twoSchemasAndTheirDocuments();
        MavenProject project = Mojos.project(basedir, "shop", "admin");
        File shared = basedir.resolve("target/generated-sources/graphql").toFile();
        GenerateMojo shop = Mojos.generate(project, new RecordingBuildContext(), "shop", "com.example.shop", "src/main/graphql");
        shop.outputDirectory = shared;
        shop.execute();
        GenerateMojo admin = Mojos.generate(project, new RecordingBuildContext(), "admin", "com.example.admin", "src/admin/graphql");
        admin.outputDirectory = shared;
        RecordingLog log = (RecordingLog) admin.getLog();

        MojoFailureException failure = assertThrows(MojoFailureException.class, admin::execute);

        assertTrue(failure.getMessage().contains("[CONFIG_INVALID] Configuration 'outputDirectory' of execution 'admin'"
                + " (target/generated-sources/graphql) is the folder that execution 'shop' uses as its outputDirectory"),
                failure.getMessage());
        assertTrue(log.lines.stream().anyMatch(l -> l.startsWith("[ERROR]") && l.contains("hint: Give each execution")), log.lines.toString());
        assertTrue(Files.isRegularFile(shared.toPath().resolve("com/example/shop/ShopQuery.java")));
        assertFalse(Files.exists(basedir.resolve("target/soda-gql-admin")), "the admin execution built nothing");
    }

    @Test
    void theDefaultExecutionKeepsItsFoldersUnderEachOfItsIds() throws Exception {
        twoSchemasAndTheirDocuments();
        MavenProject project = Mojos.project(basedir, "default", "admin");
        Mojos.generate(project, new RecordingBuildContext(), "default", "com.example.shop", "src/main/graphql").execute();
        // mvn generate-sources soda-gql:generate: the bound execution, then the command line's.
        Mojos.generate(project, new RecordingBuildContext(), "default-cli", "com.example.shop", "src/main/graphql").execute();

        assertTrue(read("target/soda-gql/report.json").contains("\"mode\": \"incremental\""));
        assertEquals(List.of(basedir.resolve("target/generated-sources/soda-gql").toString()), project.getCompileSourceRoots());
    }

    @Test
    void anIdThatMerelyStartsWithDefaultGetsFoldersOfItsOwn() throws Exception {
        twoSchemasAndTheirDocuments();
        MavenProject project = Mojos.project(basedir, "default", "default-admin");
        Mojos.generate(project, new RecordingBuildContext(), "default", "com.example.shop", "src/main/graphql").execute();
        Mojos.generate(project, new RecordingBuildContext(), "default-admin", "com.example.admin", "src/admin/graphql").execute();
        Mojos.generate(project, new RecordingBuildContext(), "default", "com.example.shop", "src/main/graphql").execute();

        assertTrue(Files.isRegularFile(basedir.resolve("target/generated-sources/soda-gql/com/example/shop/ShopQuery.java")));
        assertTrue(Files.isRegularFile(basedir.resolve(
                "target/generated-sources/soda-gql-default-admin/com/example/admin/UsersQuery.java")));
        assertTrue(read("target/soda-gql/report.json").contains("\"mode\": \"incremental\""));
        assertTrue(read("target/generated-resources/soda-gql-default-admin/META-INF/soda-gql/default-admin/operations.json")
                .contains("\"Users\""));
    }

    @Test
    void onlyTheIdsMavenGivesOnItsOwnAreTheUsualExecution() {
        for (String id : List.of("default", "default-cli", "default-generate")) {
            assertTrue(ExecutionFolders.of(id, true, new File("/p/target"), null, null).usual(), id);
        }
        for (String id : List.of("default-admin", "defaults", "admin")) {
            assertFalse(ExecutionFolders.of(id, true, new File("/p/target"), null, null).usual(), id);
        }
    }

    @Test
    void aModulesOnlyExecutionKeepsTheUsualFoldersWhateverItsId() throws Exception {
        twoSchemasAndTheirDocuments();
        MavenProject project = Mojos.project(basedir, "graphql");
        Mojos.generate(project, new RecordingBuildContext(), "graphql", "com.example.shop", "src/main/graphql").execute();

        assertTrue(Files.isRegularFile(basedir.resolve("target/generated-sources/soda-gql/com/example/shop/ShopQuery.java")));
        assertTrue(Files.isRegularFile(basedir.resolve("target/soda-gql/report.json")));
        assertTrue(read("target/generated-resources/soda-gql/META-INF/soda-gql/operations.json").contains("\"Shop\""));
    }

    @Test
    void anExecutionIdBecomesOneSafeFolderName() {
        ExecutionFolders folders = ExecutionFolders.of("../a b", true, new File("/p/target"), null, null);

        assertEquals(new File("/p/target/soda-gql-.._a_b"), folders.stateDirectory());
        assertEquals("META-INF/soda-gql/.._a_b/operations.json", folders.classpathArtifact());
        assertEquals("_", ExecutionFolders.folderName("."));
    }
}
