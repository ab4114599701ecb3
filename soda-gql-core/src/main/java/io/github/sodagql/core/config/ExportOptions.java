package io.github.sodagql.core.config;

import io.github.sodagql.core.source.ProjectPath;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which files to derive from the artifact for other tools: persisted-query manifests (in the state
 * directory, and on the classpath if asked) and Spring for GraphQL's {@code graphql-documents/} on the
 * classpath. The classpath files go under {@code resourceDirectory}, which the build tool adds as a resource
 * folder. Not part of {@link SodaGqlConfig#hash()}: these files are derived from the artifact after every
 * build, so changing an option rewrites them without rebuilding anything else.
 *
 * @param operationManifests manifest names as configured ({@link ManifestFormat#configName()}); unknown
 *     names are a config problem, not an exception
 * @param classpathArtifact where a copy of {@code artifact.json} goes under {@code resourceDirectory}, as a resource
 *     name ({@code META-INF/soda-gql/operations.json}), so that the application finds its operations on the
 *     classpath; none when empty. A name that is not plain and relative is a config problem
 */
public record ExportOptions(
        List<String> operationManifests,
        boolean manifestsOnClasspath,
        boolean springDocuments,
        ProjectPath resourceDirectory,
        Optional<String> classpathArtifact) {

    public static final String DEFAULT_RESOURCE_DIRECTORY = "target/generated-resources/soda-gql";

    public ExportOptions {
        operationManifests = List.copyOf(operationManifests);
        Objects.requireNonNull(resourceDirectory, "resourceDirectory");
        Objects.requireNonNull(classpathArtifact, "classpathArtifact");
    }

    /** Without a copy of the artifact on the classpath. */
    public ExportOptions(List<String> operationManifests, boolean manifestsOnClasspath, boolean springDocuments,
            ProjectPath resourceDirectory) {
        this(operationManifests, manifestsOnClasspath, springDocuments, resourceDirectory, Optional.empty());
    }

    public static ExportOptions none() {
        return new ExportOptions(List.of(), false, false,
                ProjectPath.parse(DEFAULT_RESOURCE_DIRECTORY));
    }

    /** The known formats asked for, each once, in declaration order (so the output does not depend on the list's order). */
    public List<ManifestFormat> manifestFormats() {
        return Arrays.stream(ManifestFormat.values())
                .filter(format -> operationManifests.stream().map(ManifestFormat::named)
                        .anyMatch(named -> named.equals(Optional.of(format))))
                .toList();
    }

    /**
     * Whether {@link #classpathArtifact} names a file inside the resource directory: relative, {@code /}-separated,
     * no empty, {@code .} or {@code ..} segment, no control character. An absent one is valid.
     */
    public boolean classpathArtifactIsPlain() {
        return classpathArtifact.map(name -> !name.isEmpty() && !name.startsWith("/") && !name.contains("\\")
                && name.chars().noneMatch(Character::isISOControl)
                && Arrays.stream(name.split("/", -1)).noneMatch(segment -> segment.isEmpty() || segment.equals(".")
                        || segment.equals(".."))).orElse(true);
    }

    /** The names that are no format. */
    public List<String> unknownManifests() {
        return operationManifests.stream().filter(name -> ManifestFormat.named(name).isEmpty()).toList();
    }
}
