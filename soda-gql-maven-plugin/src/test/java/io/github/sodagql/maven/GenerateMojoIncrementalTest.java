package io.github.sodagql.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal as m2e runs it: changes come from BuildContext, not from a scan. */
class GenerateMojoIncrementalTest {
    @TempDir
    Path basedir;

    private GenerateMojo mojo(RecordingBuildContext context) {
        Model model = new Model();
        model.setBuild(new Build());
        MavenProject project = new MavenProject(model);
        project.setFile(basedir.resolve("pom.xml").toFile());
        project.getBuild().setDirectory(basedir.resolve("target").toString());
        GenerateMojo mojo = new GenerateMojo(context);
        mojo.setLog(new RecordingLog());
        mojo.project = project;
        mojo.packageName = "com.example.ide";
        mojo.documentsDirectory = basedir.resolve("src/main/graphql").toFile();
        mojo.outputDirectory = basedir.resolve("target/generated-sources/soda-gql").toFile();
        mojo.stateDirectory = basedir.resolve("target/soda-gql").toFile();
        return mojo;
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void inTheIdeOnlyTheFilesBuildContextNamesAreRead() throws Exception {
        write(basedir.resolve("src/main/graphql/schema.graphqls"), "type Query {\n  a: String\n  b: String\n}\n");
        write(basedir.resolve("src/main/graphql/a.graphql"), "query A {\n  a\n}\n");
        write(basedir.resolve("src/main/graphql/b.graphql"), "query B {\n  b\n}\n");
        mojo(new RecordingBuildContext()).execute();
        assertTrue(Files.isRegularFile(basedir.resolve("target/generated-sources/soda-gql/com/example/ide/AQuery.java")));

        write(basedir.resolve("src/main/graphql/c.graphql"), "query C {\n  a\n  b\n}\n");
        Files.delete(basedir.resolve("src/main/graphql/b.graphql"));
        RecordingBuildContext ide = new RecordingBuildContext();
        ide.incremental = true;
        ide.changed = new String[] {"c.graphql"};
        ide.deleted = new String[] {"b.graphql"};
        GenerateMojo mojo = mojo(ide);
        mojo.execute();

        String report = Files.readString(basedir.resolve("target/soda-gql/report.json"));
        assertTrue(report.contains("\"filesScanned\": 0"), report);
        assertTrue(report.contains("\"filesParsed\": 1"), report);
        assertTrue(Files.isRegularFile(basedir.resolve("target/generated-sources/soda-gql/com/example/ide/CQuery.java")));
        assertTrue(!Files.exists(basedir.resolve("target/generated-sources/soda-gql/com/example/ide/BQuery.java")));
        assertEquals(List.of(basedir.resolve("target/generated-sources/soda-gql").toString()),
                mojo.project.getCompileSourceRoots());
        assertEquals(new File(basedir.resolve("target/generated-resources/soda-gql").toString()).getPath(),
                mojo.project.getResources().get(0).getDirectory());
    }

    @Test
    void inTheIdeDocumentsAreSelectedWithTheGlobsOfEveryOtherBuild() throws Exception {
        write(basedir.resolve("src/main/graphql/schema.graphqls"), "type Query {\n  a: String\n  b: String\n}\n");
        write(basedir.resolve("src/main/graphql/a.graphql"), "query A {\n  a\n}\n");
        write(basedir.resolve("src/main/graphql/b.graphql"), "query B {\n  b\n}\n");
        GenerateMojo cold = mojo(new RecordingBuildContext());
        cold.includes = List.of("{a,b}.graphql");
        cold.execute();

        write(basedir.resolve("src/main/graphql/a.graphql"), "query A {\n  a\n  b\n}\n");
        write(basedir.resolve("src/main/graphql/c.graphql"), "query C {\n  a\n}\n");
        RecordingBuildContext ide = new RecordingBuildContext();
        ide.incremental = true;
        ide.changed = new String[] {"a.graphql", "c.graphql"};
        GenerateMojo mojo = mojo(ide);
        mojo.includes = List.of("{a,b}.graphql");
        mojo.execute();

        String report = Files.readString(basedir.resolve("target/soda-gql/report.json"));
        assertTrue(report.contains("\"filesParsed\": 1"), report);
        Path generated = basedir.resolve("target/generated-sources/soda-gql/com/example/ide");
        assertTrue(Files.readString(generated.resolve("AQuery.java")).contains(" b"), "a.graphql's edit was built");
        assertTrue(!Files.exists(generated.resolve("CQuery.java")), "c.graphql is not selected by {a,b}.graphql");
    }

    @Test
    void inTheIdeASchemaEditUnderAGlobIsBuilt() throws Exception {
        write(basedir.resolve("schema/api.graphqls"), "type Query {\n  a: String\n}\n");
        write(basedir.resolve("src/main/graphql/a.graphql"), "query A {\n  a\n}\n");
        GenerateMojo cold = mojo(new RecordingBuildContext());
        cold.schemaPaths = List.of("schema/*.graphqls");
        cold.execute();

        write(basedir.resolve("schema/api.graphqls"), "type Query {\n  a: Int\n}\n");
        RecordingBuildContext ide = new RecordingBuildContext();
        ide.incremental = true;
        ide.deltas = java.util.Set.of(basedir.resolve("schema/api.graphqls").toFile());
        GenerateMojo mojo = mojo(ide);
        mojo.schemaPaths = List.of("schema/*.graphqls");
        mojo.execute();

        assertTrue(Files.readString(basedir.resolve("target/generated-sources/soda-gql/com/example/ide/AQuery.java"))
                .contains("Integer a"), "the schema's edit was built");
    }

    @Test
    void inTheIdeAnEditBesideTheGraphQLInputsDoesNoWork() throws Exception {
        write(basedir.resolve("schema/api.graphqls"), "type Query {\n  a: String\n}\n");
        write(basedir.resolve("src/main/graphql/a.graphql"), "query A {\n  a\n}\n");
        GenerateMojo cold = mojo(new RecordingBuildContext());
        cold.schemaPaths = List.of("schema/*.graphqls");
        cold.execute();
        Path report = basedir.resolve("target/soda-gql/report.json");
        Files.delete(report);

        RecordingBuildContext ide = new RecordingBuildContext();
        ide.incremental = true;
        ide.deltas = java.util.Set.of(basedir.resolve("src/main/java/App.java").toFile(),
                basedir.resolve("schema-notes.txt").toFile());
        GenerateMojo mojo = mojo(ide);
        mojo.schemaPaths = List.of("schema/*.graphqls");
        mojo.execute();

        assertTrue(!Files.exists(report), "no build ran");
    }
}
