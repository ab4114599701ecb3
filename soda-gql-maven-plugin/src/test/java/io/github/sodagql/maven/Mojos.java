package io.github.sodagql.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.build.BuildContext;

/** Goals as Maven would configure them, on a project in a temporary folder; folders left to their defaults. */
final class Mojos {
    private Mojos() {}

    /** A project whose POM declares an execution of {@code generate} for each id. */
    static MavenProject project(Path basedir, String... generateExecutions) {
        Model model = new Model();
        model.setBuild(new Build());
        Plugin plugin = new Plugin();
        plugin.setGroupId("io.github.sodagql");
        plugin.setArtifactId("soda-gql-maven-plugin");
        for (String id : generateExecutions) {
            PluginExecution execution = new PluginExecution();
            execution.setId(id);
            execution.addGoal("generate");
            plugin.addExecution(execution);
        }
        model.getBuild().addPlugin(plugin);
        MavenProject project = new MavenProject(model);
        project.setFile(basedir.resolve("pom.xml").toFile());
        project.getBuild().setDirectory(basedir.resolve("target").toString());
        return project;
    }

    static GenerateMojo generate(MavenProject project, BuildContext context, String executionId, String packageName,
            String documents) {
        return configure(new GenerateMojo(context), project, executionId, packageName, documents);
    }

    static WatchMojo watch(MavenProject project, BuildContext context, String executionId, String packageName,
            String documents) {
        return configure(new WatchMojo(context), project, executionId, packageName, documents);
    }

    private static <T extends AbstractSodaGqlMojo> T configure(T mojo, MavenProject project, String executionId,
            String packageName, String documents) {
        mojo.setLog(new RecordingLog());
        mojo.project = project;
        mojo.mojoExecution = new MojoExecution(new MojoDescriptor(), executionId, MojoExecution.Source.CLI);
        mojo.packageName = packageName;
        mojo.documentsDirectory = project.getBasedir().toPath().resolve(documents).toFile();
        return mojo;
    }

    static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
