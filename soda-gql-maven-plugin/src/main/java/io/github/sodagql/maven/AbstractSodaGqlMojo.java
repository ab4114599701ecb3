package io.github.sodagql.maven;

import io.github.sodagql.core.config.DocumentRoot;
import io.github.sodagql.core.config.ScalarMapping;
import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.session.BuildResult;
import io.github.sodagql.core.source.ProjectPath;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.build.BuildContext;

/** The parameters both goals share, and their translation into the core's configuration. */
abstract class AbstractSodaGqlMojo extends AbstractMojo {
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

    /**
     * Lets {@code outputDirectory} hold files soda-gql did not write (e.g. when it is {@code src/main/java});
     * without it such a file is an error. Even with it, soda-gql never overwrites or deletes a file it did not write.
     */
    @Parameter(property = "soda-gql.allowForeignFiles", defaultValue = "false")
    boolean allowForeignFiles;

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

    /** Skip the goal. The output directory is still added as a source root. */
    @Parameter(property = "soda-gql.skip", defaultValue = "false")
    boolean skip;

    final BuildContext buildContext;

    AbstractSodaGqlMojo(BuildContext buildContext) {
        this.buildContext = buildContext;
    }

    SodaGqlConfig configuration() {
        Path basedir = project.getBasedir().toPath().toAbsolutePath().normalize();
        SodaGqlConfig.Builder builder = SodaGqlConfig.builder(basedir)
                .javaPackage(packageName == null ? "" : packageName)
                .outputDirectory(outputDirectory.getAbsolutePath())
                .stateDirectory(stateDirectory.getAbsolutePath())
                .allowForeignFiles(allowForeignFiles);
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
}
