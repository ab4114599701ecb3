package io.github.sodagql.core.artifact;

import io.github.sodagql.core.config.ExportOptions;
import io.github.sodagql.core.config.ManifestFormat;
import io.github.sodagql.core.output.OutputFile;
import io.github.sodagql.core.source.ProjectPath;
import java.util.ArrayList;
import java.util.List;

/**
 * The files derived from the artifact for other tools, as the options ask: each persisted-query manifest in
 * the state directory (and under {@code META-INF/soda-gql/} on the classpath if asked), Spring's
 * {@code graphql-documents/}, and the artifact's own copy on the classpath, in {@code artifact.json}'s bytes. A pure
 * function of its arguments, sorted by path.
 */
public final class ArtifactExports {
    /** Where manifests go inside the resource directory, beside {@code operations.json}. */
    public static final String CLASSPATH_FOLDER = "META-INF/soda-gql";

    private ArtifactExports() {}

    public static List<OutputFile> files(Artifact artifact, ExportOptions options, ProjectPath stateDirectory) {
        List<OutputFile> files = new ArrayList<>();
        for (ManifestFormat format : options.manifestFormats()) {
            byte[] manifest = OperationManifests.render(format, artifact);
            files.add(new OutputFile(stateDirectory.resolve(format.fileName()), manifest));
            if (options.manifestsOnClasspath()) {
                files.add(new OutputFile(options.resourceDirectory().resolve(CLASSPATH_FOLDER + "/" + format.fileName()),
                        manifest));
            }
        }
        options.classpathArtifact().ifPresent(name ->
                files.add(new OutputFile(options.resourceDirectory().resolve(name), ArtifactJson.render(artifact))));
        if (options.springDocuments()) {
            SpringDocuments.render(artifact).forEach((resource, bytes) ->
                    files.add(new OutputFile(options.resourceDirectory().resolve(resource), bytes)));
        }
        files.sort((a, b) -> a.path().compareTo(b.path()));
        return List.copyOf(files);
    }
}
