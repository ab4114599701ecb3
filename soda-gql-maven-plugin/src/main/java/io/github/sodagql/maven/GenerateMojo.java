package io.github.sodagql.maven;

import io.github.sodagql.core.config.DocumentRoot;
import io.github.sodagql.core.config.ScalarMapping;
import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.output.OutputFile;
import io.github.sodagql.core.output.OutputWriter;
import io.github.sodagql.core.session.BuildResult;
import io.github.sodagql.core.session.BuilderSession;
import io.github.sodagql.core.source.ProjectPath;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.build.BuildContext;

/**
 * Compiles the project's GraphQL documents: validates every operation against the schema and generates
 * typed Java into {@code outputDirectory}, plus {@code artifact.json} in {@code stateDirectory} (also on
 * the classpath as {@code META-INF/soda-gql/operations.json}). A translator only: POM parameters become a
 * {@link SodaGqlConfig}, the core builds, diagnostics become log lines and IDE markers.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {
    static final String CLASSPATH_ARTIFACT = "META-INF/soda-gql/operations.json";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** SDL files or globs ({@code .graphqls}/{@code .graphql}), or one introspection {@code .json} file. */
    @Parameter(property = "soda-gql.schemaPaths")
    List<String> schemaPaths;

    /** The folder that holds the {@code .graphql} documents. */
    @Parameter(property = "soda-gql.documentsDirectory", defaultValue = "${project.basedir}/src/main/graphql")
    File documentsDirectory;

    /** Globs of documents to compile, relative to {@code documentsDirectory}. */
    @Parameter
    List<String> includes;

    /** Globs of documents to leave out, relative to {@code documentsDirectory}. */
    @Parameter
    List<String> excludes;

    /** The Java package of the generated sources. */
    @Parameter(property = "soda-gql.packageName", required = true)
    String packageName;

    /** Where generated sources go; added as a compile source root. */
    @Parameter(defaultValue = "${project.build.directory}/generated-sources/soda-gql")
    File outputDirectory;

    /** Where the snapshot, {@code artifact.json} and {@code report.json} go. */
    @Parameter(defaultValue = "${project.build.directory}/soda-gql")
    File stateDirectory;

    /** Where {@code META-INF/soda-gql/operations.json} goes; added as a resource directory. */
    @Parameter(defaultValue = "${project.build.directory}/generated-resources/soda-gql", readonly = true)
    File resourceDirectory;

    /**
     * Custom scalars: the GraphQL name to a Java type, e.g. {@code <DateTime>java.time.OffsetDateTime</DateTime>},
     * or to a type and a codec class, e.g. {@code <Money>com.acme.Money:com.acme.MoneyCodec</Money>}.
     */
    @Parameter
    Map<String, String> scalars;

    /** Fail the build on warnings, not only on errors. */
    @Parameter(property = "soda-gql.failOnWarnings", defaultValue = "false")
    boolean failOnWarnings;

    /** Skip the goal. The output directory is still added as a source root. */
    @Parameter(property = "soda-gql.skip", defaultValue = "false")
    boolean skip;

    private final BuildContext buildContext;

    @Inject
    public GenerateMojo(BuildContext buildContext) {
        this.buildContext = buildContext;
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
        if (buildContext.isIncremental() && !hasRelevantDelta()) {
            getLog().debug("soda-gql: no GraphQL input changed");
            return;
        }
        BuildResult result = new BuilderSession(config).buildInitial();
        result.notices().forEach(getLog()::warn);
        DiagnosticReporter reporter = new DiagnosticReporter(getLog(), buildContext, config.projectDirectory(),
                project.getFile());
        reporter.report(result);
        publishArtifact(config, result);
        buildContext.refresh(outputDirectory);
        buildContext.refresh(stateDirectory);
        getLog().info(result.report().summaryLine());
        if (getLog().isDebugEnabled()) {
            getLog().debug(result.report().detailLines());
        }
        reporter.failIfNeeded(result, failOnWarnings);
    }

    SodaGqlConfig configuration() {
        Path basedir = project.getBasedir().toPath().toAbsolutePath().normalize();
        SodaGqlConfig.Builder builder = SodaGqlConfig.builder(basedir)
                .javaPackage(packageName == null ? "" : packageName)
                .outputDirectory(outputDirectory.getAbsolutePath())
                .stateDirectory(stateDirectory.getAbsolutePath());
        if (schemaPaths != null) {
            schemaPaths.forEach(builder::schemaPath);
        }
        ProjectPath documents = builder.relative(documentsDirectory.getAbsolutePath());
        builder.documentRoot(new DocumentRoot(documents, includes == null ? List.of() : includes,
                excludes == null ? List.of() : excludes));
        if (scalars != null) {
            scalars.forEach((name, value) -> builder.scalar(scalarMapping(name, value)));
        }
        return builder.build();
    }

    static ScalarMapping scalarMapping(String name, String value) {
        String trimmed = value == null ? "" : value.strip();
        int colon = trimmed.indexOf(':');
        return colon < 0
                ? new ScalarMapping(name, trimmed, Optional.empty())
                : new ScalarMapping(name, trimmed.substring(0, colon).strip(),
                        Optional.of(trimmed.substring(colon + 1).strip()));
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
