package io.github.sodagql.maven;

import io.github.sodagql.core.recompile.Compilation;
import io.github.sodagql.core.recompile.PreparedClasses;
import io.github.sodagql.core.recompile.StaleClassMarker;
import io.github.sodagql.core.recompile.StaleClassReport;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * The Maven side of {@link StaleClassMarker}: the project's main and test compilations as maven-compiler-plugin
 * will run them, checked after soda-gql wrote its sources and before javac runs (the classes folders are read meanwhile, on a
 * thread started before the build: {@link #prepare}). Not in m2e: there JDT
 * compiles, and it finds the dependents of a change itself.
 */
final class StaleClassCheck {
    private StaleClassCheck() {}

    /**
     * Starts reading the classes folders on a daemon thread, before the build writes the generated sources;
     * nothing where the check does not run.
     */
    static PreparedClasses prepare(MavenProject project, MavenSession session, File outputDirectory, File stateDirectory) {
        Optional<List<Compilation>> compilations = compilations(project, session);
        return compilations.isEmpty() ? PreparedClasses.none()
                : marker(outputDirectory, stateDirectory).prepare(compilations.get());
    }

    static void run(MavenProject project, MavenSession session, File outputDirectory, File stateDirectory,
            PreparedClasses prepared, Log log) {
        Optional<List<Compilation>> found = compilations(project, session);
        if (found.isEmpty()) {
            return;
        }
        List<Compilation> compilations = found.get();
        long started = System.nanoTime();
        StaleClassReport report = marker(outputDirectory, stateDirectory).mark(compilations, prepared);
        String line = report.summaryLine() + " in " + (System.nanoTime() - started) / 1_000_000 + " ms";
        report.warnings().forEach(warning -> log.warn("soda-gql: " + warning));
        if (report.touchedAnything()) {
            log.info(line);
        } else if (log.isDebugEnabled()) {
            log.debug(line);
        }
        if (log.isDebugEnabled()) {
            report.marked().forEach(source -> log.debug("soda-gql: made stale: " + source));
            report.deleted().forEach(file -> log.debug("soda-gql: deleted: " + file));
        }
    }

    private static StaleClassMarker marker(File outputDirectory, File stateDirectory) {
        return new StaleClassMarker(outputDirectory.toPath(), stateDirectory.toPath());
    }

    /** The main and test compilations, or none where the check does not run (m2e, no build folders). */
    private static Optional<List<Compilation>> compilations(MavenProject project, MavenSession session) {
        if (session != null && (session.getSystemProperties().containsKey("m2e.version")
                || session.getUserProperties().containsKey("m2e.version"))) {
            return Optional.empty();
        }
        if (project.getBuild() == null || project.getBuild().getOutputDirectory() == null) {
            return Optional.empty();
        }
        List<Compilation> compilations = new ArrayList<>(List.of(
                new Compilation(paths(project.getCompileSourceRoots()), Path.of(project.getBuild().getOutputDirectory()))));
        if (project.getBuild().getTestOutputDirectory() != null) {
            compilations.add(new Compilation(paths(project.getTestCompileSourceRoots()),
                    Path.of(project.getBuild().getTestOutputDirectory())));
        }
        return Optional.of(compilations);
    }

    private static List<Path> paths(List<String> roots) {
        return roots.stream().map(Path::of).toList();
    }
}
