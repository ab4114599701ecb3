package io.github.sodagql.maven;

import io.github.sodagql.core.config.DocumentRoot;
import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.schema.SchemaSources;
import io.github.sodagql.core.session.BuildResult;
import io.github.sodagql.core.session.BuilderSession;
import io.github.sodagql.core.session.ChangeSet;
import io.github.sodagql.core.source.ProjectPath;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.codehaus.plexus.build.BuildContext;
import org.codehaus.plexus.util.Scanner;

/**
 * Compiles the project's GraphQL documents: validates every operation against the schema and generates
 * typed Java into {@code outputDirectory}, plus {@code artifact.json} in {@code stateDirectory} (also on
 * the classpath as {@code META-INF/soda-gql/operations.json}). A translator only: POM parameters become a
 * {@link SodaGqlConfig}, the core builds, diagnostics become log lines and IDE markers.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractSodaGqlMojo {
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
        ExecutionFolders folders = folders();
        // Before any early return: a skipped or no-op run must still compile what was generated before.
        project.addCompileSourceRoot(outputDirectory.getAbsolutePath());
        addResourceDirectory();
        if (skip) {
            getLog().info("soda-gql: skipped");
            return;
        }
        Optional<Diagnostic> shared = FolderClaims.claim(project, folders);
        if (shared.isPresent()) {
            new DiagnosticReporter(getLog(), buildContext, project.getBasedir().toPath(), project.getFile())
                    .failOn(shared.get());
        }
        SodaGqlConfig config = configuration(folders);
        BuildResult result;
        if (full) {
            result = new BuilderSession(config).buildFull();
        } else if (buildContext.isIncremental()) {
            if (!hasRelevantDelta(config)) {
                getLog().debug("soda-gql: no GraphQL input changed");
                return;
            }
            result = new BuilderSession(config).update(changesFromBuildContext(config));
        } else {
            result = new BuilderSession(config).buildInitial();
        }
        DiagnosticReporter reporter = report(config, result);
        buildContext.refresh(outputDirectory);
        buildContext.refresh(stateDirectory);
        // The artifact's classpath copy, and any other export: the core wrote them there.
        buildContext.refresh(resourceDirectory);
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
        DocumentRoot root = config.documentRoots().get(0);
        SortedSet<ProjectPath> changed = new TreeSet<>();
        SortedSet<ProjectPath> deleted = new TreeSet<>();
        collect(buildContext.newScanner(documentsDirectory), root, config, changed);
        collect(buildContext.newDeleteScanner(documentsDirectory), root, config, deleted);
        return new ChangeSet(new TreeSet<>(), changed, deleted);
    }

    /**
     * The scanner's files that the root selects. The scanner gets no globs: plexus globs differ from the
     * JDK's the scan uses ({@code {a,b}}, for one), so the root selects, as it does in every other build.
     */
    private void collect(Scanner scanner, DocumentRoot root, SodaGqlConfig config, Set<ProjectPath> into) {
        scanner.scan();
        for (String relative : scanner.getIncludedFiles()) {
            Path file = documentsDirectory.toPath().resolve(relative);
            if (root.selects(documentsDirectory.toPath().relativize(file))) {
                into.add(ProjectPath.of(config.projectDirectory(), file));
            }
        }
    }

    /**
     * In the IDE: did a document, the schema or the POM change since the last build? The schema's locations
     * are the core's: each configured file and the folder each glob starts from, in this module or another
     * (for which m2e, having no delta, always answers yes).
     */
    private boolean hasRelevantDelta(SodaGqlConfig config) {
        if (buildContext.hasDelta(documentsDirectory) || buildContext.hasDelta(project.getFile())) {
            return true;
        }
        for (ProjectPath location : SchemaSources.locations(config)) {
            if (buildContext.hasDelta(location.resolveAgainst(config.projectDirectory()).toFile())) {
                return true;
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
}
