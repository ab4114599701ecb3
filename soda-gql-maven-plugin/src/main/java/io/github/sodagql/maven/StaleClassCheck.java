package io.github.sodagql.maven;

import io.github.sodagql.core.recompile.Compilation;
import io.github.sodagql.core.recompile.StaleClassMarker;
import io.github.sodagql.core.recompile.StaleClassReport;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * The Maven side of {@link StaleClassMarker}: the project's main and test compilations as maven-compiler-plugin
 * will run them, checked after soda-gql wrote its sources and before javac runs. Not in m2e: there JDT
 * compiles, and it finds the dependents of a change itself.
 */
final class StaleClassCheck {
    private StaleClassCheck() {}

    static void run(MavenProject project, MavenSession session, File outputDirectory, File stateDirectory, Log log) {
        if (session != null && (session.getSystemProperties().containsKey("m2e.version")
                || session.getUserProperties().containsKey("m2e.version"))) {
            return;
        }
        if (project.getBuild() == null || project.getBuild().getOutputDirectory() == null) {
            return;
        }
        List<Compilation> compilations = new java.util.ArrayList<>(List.of(
                new Compilation(paths(project.getCompileSourceRoots()), Path.of(project.getBuild().getOutputDirectory()),
                        processorOutput(project, "generated-sources/annotations"))));
        if (project.getBuild().getTestOutputDirectory() != null) {
            compilations.add(new Compilation(paths(project.getTestCompileSourceRoots()),
                    Path.of(project.getBuild().getTestOutputDirectory()),
                    processorOutput(project, "generated-test-sources/test-annotations")));
        }
        long started = System.nanoTime();
        StaleClassReport report = new StaleClassMarker(outputDirectory.toPath(), stateDirectory.toPath()).mark(compilations);
        String line = report.summaryLine() + " in " + (System.nanoTime() - started) / 1_000_000 + " ms";
        report.warnings().forEach(warning -> log.warn("soda-gql: " + warning));
        // Quiet when javac has nothing to compile; otherwise the line says what the check added to it and what it cost.
        if (report.touchedAnything() || report.staleSources() > 0 || report.classesRead() > 0) {
            log.info(line);
        } else if (log.isDebugEnabled()) {
            log.debug(line);
        }
        if (log.isDebugEnabled()) {
            report.marked().forEach(source -> log.debug("soda-gql: made stale: " + source));
            report.deleted().forEach(file -> log.debug("soda-gql: deleted: " + file));
        }
    }

    /**
     * Where maven-compiler-plugin has annotation processors write sources by default (its
     * {@code generatedSourcesDirectory} and {@code generatedTestSourcesDirectory}): not a source root before the
     * compiler runs, so the check is told separately. A folder configured elsewhere is not seen.
     */
    private static List<Path> processorOutput(MavenProject project, String defaultFolder) {
        return project.getBuild().getDirectory() == null ? List.of()
                : List.of(Path.of(project.getBuild().getDirectory()).resolve(defaultFolder));
    }

    private static List<Path> paths(List<String> roots) {
        return roots.stream().map(Path::of).toList();
    }
}
