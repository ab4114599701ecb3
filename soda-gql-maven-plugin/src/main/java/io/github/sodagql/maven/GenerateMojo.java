package io.github.sodagql.maven;

import io.github.sodagql.core.config.DocumentRoot;
import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.output.OutputFile;
import io.github.sodagql.core.output.OutputWriter;
import io.github.sodagql.core.session.BuildResult;
import io.github.sodagql.core.session.BuilderSession;
import io.github.sodagql.core.session.ChangeSet;
import io.github.sodagql.core.source.ProjectPath;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.codehaus.plexus.build.BuildContext;

/**
 * Compiles the project's GraphQL documents: validates every operation against the schema and generates
 * typed Java into {@code outputDirectory}, plus {@code artifact.json} in {@code stateDirectory} (also on
 * the classpath as {@code META-INF/soda-gql/operations.json}). A translator only: POM parameters become a
 * {@link SodaGqlConfig}, the core builds, diagnostics become log lines and IDE markers.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractSodaGqlMojo {
    static final String CLASSPATH_ARTIFACT = "META-INF/soda-gql/operations.json";

    // ---- Stale classes (docs/configuration.md, "The edit loop") ----
    /**
     * Before javac runs, make stale the classes that use a changed or removed generated type (or any source
     * about to be compiled), so that with {@code maven.compiler.useIncrementalCompilation=false} only they are
     * compiled again and a use of a removed member fails in the same build. Off: nothing under the classes
     * folders is touched.
     */
    @Parameter(property = "soda-gql.recompileDependents", defaultValue = "true")
    boolean recompileDependents;

    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;
    // ---- end stale classes ----

    @Inject
    public GenerateMojo(BuildContext buildContext) {
        super(buildContext);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        // Before any early return: a skipped or no-op run must still compile what was generated before.
        project.addCompileSourceRoot(outputDirectory.getAbsolutePath());
        addResourceDirectory();
        if (skip) {
            getLog().info("soda-gql: skipped");
            return;
        }
        SodaGqlConfig config = configuration();
        BuildResult result;
        if (full) {
            result = new BuilderSession(config).buildFull();
        } else if (buildContext.isIncremental()) {
            if (!hasRelevantDelta()) {
                getLog().debug("soda-gql: no GraphQL input changed");
                return;
            }
            result = new BuilderSession(config).update(changesFromBuildContext(config));
        } else {
            result = new BuilderSession(config).buildInitial();
        }
        DiagnosticReporter reporter = report(config, result);
        publishArtifact(config, result);
        buildContext.refresh(outputDirectory);
        buildContext.refresh(stateDirectory);
        if (recompileDependents) {
            StaleClassCheck.run(project, session, outputDirectory, stateDirectory, getLog());
        }
        reporter.failIfNeeded(result, failOnWarnings);
    }

    /**
     * In the IDE, the documents the IDE says changed or were deleted, instead of a scan. The session checks
     * the schema and its own outputs itself, and scans anyway when it has no snapshot to apply them to.
     */
    private ChangeSet changesFromBuildContext(SodaGqlConfig config) {
        java.util.SortedSet<ProjectPath> changed = new java.util.TreeSet<>();
        java.util.SortedSet<ProjectPath> deleted = new java.util.TreeSet<>();
        collect(buildContext.newScanner(documentsDirectory), config, changed);
        collect(buildContext.newDeleteScanner(documentsDirectory), config, deleted);
        return new ChangeSet(new java.util.TreeSet<>(), changed, deleted);
    }

    private void collect(org.codehaus.plexus.util.Scanner scanner, SodaGqlConfig config,
            java.util.Set<ProjectPath> into) {
        scanner.setIncludes((includes == null || includes.isEmpty() ? DocumentRoot.DEFAULT_INCLUDES : includes)
                .toArray(String[]::new));
        if (excludes != null) {
            scanner.setExcludes(excludes.toArray(String[]::new));
        }
        scanner.scan();
        for (String relative : scanner.getIncludedFiles()) {
            into.add(ProjectPath.of(config.projectDirectory(), documentsDirectory.toPath().resolve(relative)));
        }
    }

    /** In the IDE: did a document, a schema file or the POM change since the last build? */
    private boolean hasRelevantDelta() {
        if (buildContext.hasDelta(documentsDirectory) || buildContext.hasDelta(project.getFile())) {
            return true;
        }
        if (schemaPaths != null) {
            for (String schema : schemaPaths) {
                File file = new File(schema);
                File absolute = file.isAbsolute() ? file : new File(project.getBasedir(), schema);
                if (buildContext.hasDelta(absolute)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void addResourceDirectory() {
        String directory = resourceDirectory.getAbsolutePath();
        boolean present = project.getResources().stream().anyMatch(r -> directory.equals(r.getDirectory()));
        if (!present) {
            Resource resource = new Resource();
            resource.setDirectory(directory);
            project.addResource(resource);
        }
    }

    /** Puts the artifact on the classpath, written only when its bytes changed. */
    private void publishArtifact(SodaGqlConfig config, BuildResult result) throws MojoExecutionException {
        if (result.artifact().isEmpty()) {
            return;
        }
        Path artifact = config.stateDirectory().resolve(BuilderSession.ARTIFACT_FILE).resolveAgainst(config.projectDirectory());
        try {
            if (!Files.isRegularFile(artifact)) {
                return;
            }
            byte[] bytes = Files.readAllBytes(artifact);
            Path target = resourceDirectory.toPath().resolve(CLASSPATH_ARTIFACT);
            ProjectPath relative = ProjectPath.of(config.projectDirectory(), target);
            new OutputWriter(config.projectDirectory()).write(List.of(new OutputFile(relative, bytes)));
            buildContext.refresh(target.toFile());
        } catch (IOException e) {
            throw new MojoExecutionException("soda-gql: cannot copy " + artifact + " to the classpath: " + e.getMessage(), e);
        }
    }
}
