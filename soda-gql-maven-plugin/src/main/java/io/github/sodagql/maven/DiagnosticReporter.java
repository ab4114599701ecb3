package io.github.sodagql.maven;

import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.session.BuildResult;
import io.github.sodagql.core.source.ProjectPath;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.codehaus.plexus.build.BuildContext;

/**
 * Turns diagnostics into log lines in javac's shape and into BuildContext messages, so Eclipse shows
 * markers; clears the markers of every input first, so a fixed file loses its marker. On the command line
 * plexus-build-api's default context would print each message again in its own shape, so messages go to
 * the context only where it shows markers.
 */
final class DiagnosticReporter {
    private static final int FIRST_ERRORS = 5;

    private final Log log;
    private final BuildContext buildContext;
    private final Path projectDirectory;
    private final File pom;

    private final boolean contextShowsMarkers;

    DiagnosticReporter(Log log, BuildContext buildContext, Path projectDirectory, File pom) {
        this.log = log;
        this.buildContext = buildContext;
        this.projectDirectory = projectDirectory;
        this.pom = pom;
        this.contextShowsMarkers = !printsMessagesToTheConsole(buildContext);
    }

    /**
     * True for plexus-build-api's {@code DefaultBuildContext} outside an IDE: it logs messages instead of
     * making markers. Inside m2e it delegates to the IDE; it says which through a private method, read here
     * because the API has no public way to ask.
     */
    static boolean printsMessagesToTheConsole(BuildContext context) {
        if (!(context instanceof org.codehaus.plexus.build.DefaultBuildContext)) {
            return false;
        }
        try {
            java.lang.reflect.Method method = context.getClass().getDeclaredMethod("isDefaultImplementation");
            method.setAccessible(true);
            return (Boolean) method.invoke(context);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true;
        }
    }

    void report(BuildResult result) {
        for (ProjectPath input : result.inputs()) {
            buildContext.removeMessages(input.resolveAgainst(projectDirectory).toFile());
        }
        if (pom != null) {
            buildContext.removeMessages(pom);
        }
        for (Diagnostic diagnostic : result.diagnostics()) {
            String text = diagnostic.format();
            String hint = diagnostic.hint().isEmpty() ? "" : System.lineSeparator() + "    hint: " + diagnostic.hint();
            if (diagnostic.isError()) {
                log.error(text + hint);
            } else {
                log.warn(text + hint);
            }
            if (!contextShowsMarkers) {
                continue;
            }
            int severity = diagnostic.isError() ? BuildContext.SEVERITY_ERROR : BuildContext.SEVERITY_WARNING;
            String marker = "[" + diagnostic.code() + "] " + diagnostic.message()
                    + (diagnostic.hint().isEmpty() ? "" : " " + diagnostic.hint());
            if (diagnostic.location().isPresent() && diagnostic.location().get().file().value().contains("!/") && pom != null) {
                // A file inside a dependency's jar (a classpath: schema) is no file of the workspace: the POM
                // carries the marker, with the location.
                buildContext.addMessage(pom, 0, 0, diagnostic.location().get() + ": " + marker, severity, null);
            } else if (diagnostic.location().isPresent()) {
                var location = diagnostic.location().get();
                buildContext.addMessage(location.file().resolveAgainst(projectDirectory).toFile(), location.line(),
                        location.column(), marker, severity, null);
            } else if (pom != null) {
                buildContext.addMessage(pom, 0, 0, marker, severity, null);
            }
        }
    }

    /** A problem found before any build (the configuration): logged, put on the POM, and the build fails. */
    void failOn(Diagnostic problem) throws MojoFailureException {
        log.error(problem.formatWithHint());
        if (contextShowsMarkers && pom != null) {
            buildContext.addMessage(pom, 0, 0, "[" + problem.code() + "] " + problem.message()
                    + (problem.hint().isEmpty() ? "" : " " + problem.hint()), BuildContext.SEVERITY_ERROR, null);
        }
        throw new MojoFailureException("soda-gql found 1 error:" + System.lineSeparator() + "  " + problem.format());
    }

    /** One failure naming the count and the first errors; warnings fail only when asked to. */
    void failIfNeeded(BuildResult result, boolean failOnWarnings) throws MojoFailureException {
        List<Diagnostic> failing = failOnWarnings ? result.diagnostics() : result.errors();
        if (failing.isEmpty()) {
            return;
        }
        String noun = failOnWarnings ? "problem" : "error";
        String first = failing.stream().limit(FIRST_ERRORS).map(d -> "  " + d.format())
                .collect(Collectors.joining(System.lineSeparator()));
        String more = failing.size() > FIRST_ERRORS ? System.lineSeparator() + "  ..." : "";
        throw new MojoFailureException("soda-gql found " + failing.size() + " " + noun + (failing.size() == 1 ? "" : "s")
                + (failOnWarnings ? " (failOnWarnings is set)" : "") + ":" + System.lineSeparator() + first + more);
    }
}
