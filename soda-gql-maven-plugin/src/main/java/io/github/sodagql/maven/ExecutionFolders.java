package io.github.sodagql.maven;

import java.io.File;
import java.util.Set;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;

/**
 * The folders one execution of the plugin writes to, and where its artifact goes on the classpath. An
 * execution keeps the folders the plugin always used when it is the module's only execution of {@code
 * generate}, or when its id is one Maven gives on its own: {@code default} (an execution declared without
 * an id), {@code default-cli} (one started from the command line) or {@code default-generate} (one a lifecycle
 * mapping binds). Any other execution, {@code default-admin} included, gets folders of its own, suffixed with
 * its id, so that several executions in one module never share a snapshot, outputs or the classpath copy of
 * the artifact. A folder the POM sets wins.
 *
 * @param executionId the execution's id as Maven gives it
 * @param usual whether the execution uses the plugin's usual folders (whether or not the POM sets others)
 * @param classpathArtifact where the artifact goes under {@code resourceDirectory}: {@code
 *     META-INF/soda-gql/operations.json} for an execution with the usual folders, {@code
 *     META-INF/soda-gql/<id>/operations.json} for any other, so the executions' artifacts never overwrite each
 *     other in {@code target/classes} or a jar
 */
record ExecutionFolders(String executionId, boolean usual, File outputDirectory, File stateDirectory,
        File resourceDirectory, String classpathArtifact) {

    static final String DEFAULT_EXECUTION = "default";
    static final String CLASSPATH_ARTIFACT = "META-INF/soda-gql/operations.json";
    /** The plugin's own key, when Maven does not say (a mojo run outside Maven). */
    private static final String PLUGIN_KEY = "io.github.sodagql:soda-gql-maven-plugin";
    private static final String GOAL = "generate";
    /** The ids Maven gives executions on its own (see {@code MojoExecution} and lifecycle mappings). */
    private static final Set<String> IMPLICIT_IDS =
            Set.of(DEFAULT_EXECUTION, "default-cli", "default-" + GOAL);

    /**
     * The folders of execution {@code executionId}: each configured one, or else the execution's default
     * under {@code buildDirectory}. A {@code null} id (a mojo not run by Maven) is the default execution.
     *
     * @param severalExecutions whether the module declares more than one execution of {@code generate}
     */
    static ExecutionFolders of(String executionId, boolean severalExecutions, File buildDirectory,
            File configuredOutput, File configuredState) {
        String id = executionId == null ? DEFAULT_EXECUTION : executionId;
        boolean usual = !severalExecutions || isDefault(id);
        String suffix = usual ? "" : "-" + folderName(id);
        File output = configuredOutput != null ? configuredOutput
                : new File(buildDirectory, "generated-sources/soda-gql" + suffix);
        File state = configuredState != null ? configuredState : new File(buildDirectory, "soda-gql" + suffix);
        File resources = new File(buildDirectory, "generated-resources/soda-gql" + suffix);
        String artifact = usual ? CLASSPATH_ARTIFACT : "META-INF/soda-gql/" + folderName(id) + "/operations.json";
        return new ExecutionFolders(id, usual, output, state, resources, artifact);
    }

    /** Whether the module's POM declares more than one execution of {@code generate} of plugin {@code pluginKey}. */
    static boolean severalExecutions(MavenProject project, String pluginKey) {
        String key = pluginKey == null ? PLUGIN_KEY : pluginKey;
        return project.getBuildPlugins().stream()
                .filter(plugin -> key.equals(plugin.getKey()))
                .map(Plugin::getExecutions)
                .flatMap(java.util.List::stream)
                .map(PluginExecution::getGoals)
                .filter(goals -> goals.contains(GOAL))
                .count() > 1;
    }

    /**
     * Whether Maven chose the id rather than the POM. Only these ids are the usual execution: a POM's own id
     * that merely starts with {@code default-} names an execution of its own, which must not share folders
     * with the one declared without an id.
     */
    static boolean isDefault(String executionId) {
        return IMPLICIT_IDS.contains(executionId);
    }

    /** The id as one safe folder name: letters, digits, {@code .}, {@code _} and {@code -}; anything else becomes {@code _}. */
    static String folderName(String executionId) {
        String name = executionId.replaceAll("[^A-Za-z0-9._-]", "_");
        // "." and ".." would name a folder that is not the execution's own.
        return name.chars().allMatch(c -> c == '.') ? name.replace('.', '_') : name;
    }
}
