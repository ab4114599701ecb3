package io.github.sodagql.maven;

import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.session.BuilderSession;
import io.github.sodagql.core.session.WatchLoop;
import java.io.IOException;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.codehaus.plexus.build.BuildContext;

/**
 * {@code mvn soda-gql:watch}: builds once, then keeps the session in memory and rebuilds whenever a
 * document or the schema changes, printing the summary line and any diagnostics each time, and refreshing
 * the artifact's classpath copy (the core keeps it in step, as for {@code generate}). Errors do not stop the watch.
 * Ctrl-C ends it; the snapshot is saved after every build, so a later {@code mvn compile}
 * starts incrementally from it.
 */
@Mojo(name = "watch", threadSafe = true)
public class WatchMojo extends AbstractSodaGqlMojo {

    @Inject
    public WatchMojo(BuildContext buildContext) {
        super(buildContext);
    }

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("soda-gql: skipped");
            return;
        }
        ExecutionFolders folders = folders();
        SodaGqlConfig config = configuration(folders);
        getLog().info("soda-gql: watching " + documentsDirectory + " (Ctrl-C to stop)");
        try (WatchLoop loop = new WatchLoop(config, new BuilderSession(config), result -> report(config, result))) {
            loop.run(full);
        } catch (IOException e) {
            throw new MojoExecutionException("soda-gql: cannot watch " + documentsDirectory + ": " + e.getMessage(), e);
        }
    }
}
