package io.github.sodagql.maven;

import java.io.File;

/**
 * The folders one execution of the plugin writes to, and where its artifact goes on the classpath. The
 * default execution (id {@code default}, as Maven names an execution declared without one, or
 * {@code default-…}, as it names one started from the command line) keeps the folders the plugin always
 * used. Any other execution gets folders of its own, suffixed with its id, so that two executions in one
 * module never share a snapshot, outputs or the classpath copy of the artifact. A folder the POM sets wins.
 *
 * @param executionId the execution's id as Maven gives it
 * @param classpathArtifact where the artifact goes under {@code resourceDirectory}: {@code
 *     META-INF/soda-gql/operations.json} for the default execution, {@code META-INF/soda-gql/<id>/operations.json}
 *     for any other, so the executions' artifacts never overwrite each other in {@code target/classes} or a jar
 */
record ExecutionFolders(String executionId, File outputDirectory, File stateDirectory, File resourceDirectory,
        String classpathArtifact) {

    static final String DEFAULT_EXECUTION = "default";
    static final String CLASSPATH_ARTIFACT = "META-INF/soda-gql/operations.json";

    /**
     * The folders of execution {@code executionId}: each configured one, or else the execution's default
     * under {@code buildDirectory}. A {@code null} id (a mojo not run by Maven) is the default execution.
     */
    static ExecutionFolders of(String executionId, File buildDirectory, File configuredOutput, File configuredState) {
        String id = executionId == null ? DEFAULT_EXECUTION : executionId;
        String suffix = isDefault(id) ? "" : "-" + folderName(id);
        File output = configuredOutput != null ? configuredOutput
                : new File(buildDirectory, "generated-sources/soda-gql" + suffix);
        File state = configuredState != null ? configuredState : new File(buildDirectory, "soda-gql" + suffix);
        File resources = new File(buildDirectory, "generated-resources/soda-gql" + suffix);
        String artifact = isDefault(id) ? CLASSPATH_ARTIFACT : "META-INF/soda-gql/" + folderName(id) + "/operations.json";
        return new ExecutionFolders(id, output, state, resources, artifact);
    }

    static boolean isDefault(String executionId) {
        return executionId.equals(DEFAULT_EXECUTION) || executionId.startsWith(DEFAULT_EXECUTION + "-");
    }

    /** The id as one safe folder name: letters, digits, {@code .}, {@code _} and {@code -}; anything else becomes {@code _}. */
    static String folderName(String executionId) {
        String name = executionId.replaceAll("[^A-Za-z0-9._-]", "_");
        // "." and ".." would name a folder that is not the execution's own.
        return name.chars().allMatch(c -> c == '.') ? name.replace('.', '_') : name;
    }
}
