package io.github.sodagql.maven;

import io.github.sodagql.core.artifact.ArtifactJson;
import io.github.sodagql.core.config.DocumentRoot;
import io.github.sodagql.core.config.ExportOptions;
import io.github.sodagql.core.config.ScalarMapping;
import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.output.OutputFile;
import io.github.sodagql.core.output.OutputWriter;
import io.github.sodagql.core.session.BuildResult;
import io.github.sodagql.core.source.ProjectPath;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.codehaus.plexus.build.BuildContext;
import org.eclipse.aether.RepositorySystemSession;

/** The parameters both goals share, and their translation into the core's configuration. */
abstract class AbstractSodaGqlMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /**
     * SDL files or globs ({@code .graphqls}/{@code .graphql}), or one introspection {@code .json} file. An entry
     * {@code classpath:path/in/jar.graphqls} (or a glob, {@code classpath:schema/**}{@code /*.graphqls}) is looked up
     * in the compile dependencies, a reactor module's {@code target/classes} included.
     */
    @Parameter(property = "soda-gql.schemaPaths")
    List<String> schemaPaths;

    /** The folder that holds the {@code .graphql} documents. */
    @Parameter(property = "soda-gql.documentsDirectory", defaultValue = "${project.basedir}/" + SodaGqlConfig.DEFAULT_DOCUMENTS_DIRECTORY)
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

    /**
     * Where generated sources go; added as a compile source root. Default: {@code
     * ${project.build.directory}/generated-sources/soda-gql}, and for an execution with an id of its own,
     * {@code generated-sources/soda-gql-<id>}.
     */
    @Parameter
    File outputDirectory;

    /**
     * Lets {@code outputDirectory} hold files soda-gql did not write (e.g. when it is {@code src/main/java});
     * without it such a file is an error. Even with it, soda-gql never overwrites or deletes a file it did not write.
     */
    @Parameter(property = "soda-gql.allowForeignFiles", defaultValue = "false")
    boolean allowForeignFiles;

    /**
     * Where the snapshot, {@code artifact.json} and {@code report.json} go. Default: {@code
     * ${project.build.directory}/soda-gql}, and for an execution with an id of its own, {@code soda-gql-<id>}.
     */
    @Parameter
    File stateDirectory;

    /**
     * Where the artifact's classpath copy goes; added as a resource directory. Not a parameter: {@code
     * ${project.build.directory}/generated-resources/soda-gql}, or {@code generated-resources/soda-gql-<id>}.
     */
    File resourceDirectory;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    MojoExecution mojoExecution;

    /**
     * Custom scalars: the GraphQL name to a Java type, e.g. {@code <DateTime>java.time.OffsetDateTime</DateTime>},
     * or to a type and a codec class, e.g. {@code <Money>com.acme.Money:com.acme.MoneyCodec</Money>}.
     */
    @Parameter
    Map<String, String> scalars;

    /**
     * How the generated types say which values may be null: {@code none}, or {@code jspecify} (a {@code @NullMarked}
     * package and {@code @Nullable} on every position that may hold null; add {@code org.jspecify:jspecify} as a
     * {@code provided} dependency).
     */
    @Parameter(property = "soda-gql.nullability", defaultValue = "none")
    String nullability;

    /** Fail the build on warnings, not only on errors. */
    @Parameter(property = "soda-gql.failOnWarnings", defaultValue = "false")
    boolean failOnWarnings;

    /**
     * After the summary line, print why the build did what it did: each input that counts as changed (and
     * why), each definition validated or generated again with the chain of spreads that made it so, and the
     * outputs written, left unwritten (same bytes) or deleted. {@code report.json} always holds the same data.
     */
    @Parameter(property = "soda-gql.explain", defaultValue = "false")
    boolean explain;

    /**
     * Ignore the snapshot and build everything, then compare with the outputs the incremental build left: any
     * file that differs is reported as an {@code INCREMENTAL_MISMATCH} error (and replaced by the clean
     * build's). The project's own check that incremental equals clean. For {@code watch}, the first build.
     */
    @Parameter(property = "soda-gql.full", defaultValue = "false")
    boolean full;

    /**
     * Persisted-query manifests to write to {@code stateDirectory}: {@code apollo} (Apollo's
     * {@code persisted-query-manifest.json}) and/or {@code persisted-documents} ({@code persisted-documents.json},
     * {@code {"sha256:<hex>": "<document>"}}).
     */
    @Parameter(property = "soda-gql.operationManifests")
    List<String> operationManifests;

    /** Also put the {@code operationManifests} on the classpath, under {@code META-INF/soda-gql/}. */
    @Parameter(property = "soda-gql.operationManifestsOnClasspath", defaultValue = "false")
    boolean operationManifestsOnClasspath;

    /**
     * Put each composed operation on the classpath as {@code graphql-documents/<OperationName>.graphql}, where
     * Spring for GraphQL's {@code GraphQlClient.documentName(...)} finds it.
     */
    @Parameter(property = "soda-gql.springDocuments", defaultValue = "false")
    boolean springDocuments;

    /** Skip the goal. The output directory is still added as a source root. */
    @Parameter(property = "soda-gql.skip", defaultValue = "false")
    boolean skip;

    /** Resolves the compile dependencies, only when a schema path is {@code classpath:} ({@link CompileClasspath}). */
    @Component
    ProjectDependenciesResolver dependenciesResolver;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
    RepositorySystemSession repositorySession;

    final BuildContext buildContext;

    AbstractSodaGqlMojo(BuildContext buildContext) {
        this.buildContext = buildContext;
    }

    /**
     * This execution's folders: the configured ones, or the execution's own defaults. Also sets the three
     * folder fields, which every other step reads; call it first.
     */
    ExecutionFolders folders() {
        File buildDirectory = new File(project.getBuild().getDirectory());
        String pluginKey = mojoExecution == null || mojoExecution.getMojoDescriptor().getPluginDescriptor() == null
                ? null : mojoExecution.getMojoDescriptor().getPluginDescriptor().getPluginLookupKey();
        ExecutionFolders folders = ExecutionFolders.of(mojoExecution == null ? null : mojoExecution.getExecutionId(),
                ExecutionFolders.severalExecutions(project, pluginKey), buildDirectory, outputDirectory, stateDirectory);
        outputDirectory = folders.outputDirectory();
        stateDirectory = folders.stateDirectory();
        resourceDirectory = folders.resourceDirectory();
        return folders;
    }

    SodaGqlConfig configuration() throws MojoExecutionException {
        Path basedir = project.getBasedir().toPath().toAbsolutePath().normalize();
        SodaGqlConfig.Builder builder = SodaGqlConfig.builder(basedir)
                .javaPackage(packageName == null ? "" : packageName)
                .outputDirectory(outputDirectory.getAbsolutePath())
                .stateDirectory(stateDirectory.getAbsolutePath())
                .allowForeignFiles(allowForeignFiles)
                .nullability(nullability == null ? "none" : nullability);
        if (schemaPaths != null) {
            schemaPaths.forEach(builder::schemaPath);
            if (schemaPaths.stream().anyMatch(SodaGqlConfig::isClasspathEntry)) {
                CompileClasspath.resolve(project, repositorySession, dependenciesResolver).forEach(builder::classpathElement);
            }
        }
        ProjectPath documents = builder.relative(documentsDirectory.getAbsolutePath());
        builder.documentRoot(new DocumentRoot(documents, includes == null ? List.of() : includes,
                excludes == null ? List.of() : excludes));
        if (scalars != null) {
            scalars.forEach((name, value) -> builder.scalar(ScalarMapping.parse(name, value)));
        }
        builder.exports(new ExportOptions(operationManifests == null ? List.of() : operationManifests,
                operationManifestsOnClasspath, springDocuments, builder.relative(resourceDirectory.getAbsolutePath())));
        return builder.build();
    }

    /** Logs one build: notices, diagnostics (and markers), the summary line and, with -X, the details. */
    DiagnosticReporter report(SodaGqlConfig config, BuildResult result) {
        result.notices().forEach(getLog()::warn);
        DiagnosticReporter reporter = new DiagnosticReporter(getLog(), buildContext, config.projectDirectory(),
                project.getFile());
        reporter.report(result);
        getLog().info(result.report().summaryLine());
        if (explain) {
            result.report().explanation().lines().forEach(getLog()::info);
        }
        if (getLog().isDebugEnabled()) {
            result.report().detailLines().forEach(getLog()::debug);
        }
        return reporter;
    }

    /**
     * Puts the build's artifact on the classpath, at the execution's path under {@code resourceDirectory}, in the
     * bytes the core renders for {@code artifact.json}; written only when they changed.
     */
    void publishArtifact(SodaGqlConfig config, ExecutionFolders folders, BuildResult result) throws MojoExecutionException {
        if (result.artifact().isEmpty()) {
            return;
        }
        Path target = folders.resourceDirectory().toPath().resolve(folders.classpathArtifact());
        ProjectPath relative = ProjectPath.of(config.projectDirectory(), target);
        var written = new OutputWriter(config.projectDirectory()).write(List.of(new OutputFile(relative,
                ArtifactJson.render(result.artifact().get()))));
        if (!written.failures().isEmpty()) {
            throw new MojoExecutionException("soda-gql: cannot put the artifact on the classpath at " + target + ": "
                    + written.failures().get(0).message());
        }
        buildContext.refresh(target.toFile());
    }
}
