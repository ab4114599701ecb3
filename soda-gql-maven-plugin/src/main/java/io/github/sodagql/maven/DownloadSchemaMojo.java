package io.github.sodagql.maven;

import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.schema.IntrospectionClient;
import io.github.sodagql.core.source.ProjectPath;
import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * {@code mvn soda-gql:download-schema}: fetches the schema from a running server with the standard
 * introspection query and saves it as SDL ({@code schemaFile}, types sorted by name) or, for a {@code .json}
 * file, as the introspection result. Not bound to a phase: run it when the server's schema changed and
 * commit the file, so that builds stay offline and reproducible. A failed download leaves the old file as
 * it was. A translator only: the work is the core's {@link IntrospectionClient}.
 */
@Mojo(name = "download-schema", threadSafe = true)
public class DownloadSchemaMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** The server's GraphQL URL. */
    @Parameter(property = "soda-gql.endpoint", required = true)
    String endpoint;

    /**
     * HTTP headers sent with the query, such as {@code <Authorization>Bearer ${env.API_TOKEN}</Authorization>};
     * values may be properties from the environment or from a profile in {@code settings.xml}.
     */
    @Parameter
    Map<String, String> headers;

    /** Where the schema goes; a name ending in {@code .json} keeps the introspection result instead of SDL. */
    @Parameter(property = "soda-gql.schemaFile", defaultValue = "${project.basedir}/" + SodaGqlConfig.DEFAULT_DOCUMENTS_DIRECTORY + "/schema.graphqls")
    File schemaFile;

    /**
     * Seconds the whole download may take: connecting, sending the query and reading the reply to its last
     * byte. A server that sends its reply a byte at a time cannot hold the build longer.
     */
    @Parameter(property = "soda-gql.timeout", defaultValue = "30")
    int timeout;

    /** The largest reply read, in megabytes; a larger one fails the download before it fills the memory. */
    @Parameter(property = "soda-gql.maxReplyMegabytes", defaultValue = "64")
    int maxReplyMegabytes = 64;

    @Override
    public void execute() throws MojoFailureException {
        Path basedir = project.getBasedir().toPath().toAbsolutePath().normalize();
        URI uri;
        try {
            uri = new URI(endpoint == null ? "" : endpoint.strip());
        } catch (URISyntaxException e) {
            throw new MojoFailureException("soda-gql: 'endpoint' is not a URL: " + e.getMessage());
        }
        if (timeout <= 0) {
            throw new MojoFailureException("soda-gql: 'timeout' must be a positive number of seconds, but is " + timeout);
        }
        if (maxReplyMegabytes <= 0) {
            throw new MojoFailureException("soda-gql: 'maxReplyMegabytes' must be a positive number, but is " + maxReplyMegabytes);
        }
        ProjectPath target = ProjectPath.of(basedir, schemaFile.toPath());
        int onClasspath = target.value().indexOf(SodaGqlConfig.CLASSPATH_PREFIX);
        if (onClasspath >= 0) {
            // Maven turns 'classpath:x' into a file under the project; the user meant a jar's entry.
            throw new MojoFailureException("soda-gql: 'schemaFile' is '" + target.value().substring(onClasspath)
                    + "', a file inside a jar; download-schema writes a file of this project. Set schemaFile to a"
                    + " project file such as src/main/graphql/schema.graphqls (or, to ship the schema in a jar,"
                    + " src/main/resources/schema/schema.graphqls of the module that publishes it).");
        }
        IntrospectionClient.Result result = new IntrospectionClient(basedir).download(new IntrospectionClient.Request(
                uri, headers == null ? Map.of() : headers, Duration.ofSeconds(timeout), target,
                maxReplyMegabytes * 1024L * 1024L));
        for (Diagnostic diagnostic : result.diagnostics()) {
            getLog().error(diagnostic.format() + (diagnostic.hint().isEmpty() ? ""
                    : System.lineSeparator() + "    hint: " + diagnostic.hint()));
        }
        if (result.failed()) {
            throw new MojoFailureException("soda-gql: the schema was not downloaded; " + target.value()
                    + " is as it was. " + result.diagnostics().get(0).format());
        }
        getLog().info("soda-gql: " + result.types() + " types from " + uri + " -> " + target.value()
                + (result.changed() ? " (written)" : " (unchanged)"));
    }
}
