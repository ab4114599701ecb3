package io.github.sodagql.core.session;

import io.github.sodagql.core.artifact.Artifact;
import io.github.sodagql.core.diagnostic.Diagnostic;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import io.github.sodagql.core.source.ProjectPath;

/**
 * The outcome of one build: every diagnostic of the project (sorted by file, line and column), the
 * artifact when the configuration allowed a build at all, the report, and every input file (documents
 * and schema files, sorted): a build tool clears the markers of these before it shows the new ones.
 * {@code notices} are one-line warnings about the build itself, not about the project (an unusable
 * snapshot, say); they never fail a build.
 */
public record BuildResult(List<Diagnostic> diagnostics, Optional<Artifact> artifact, BuildReport report,
        List<ProjectPath> inputs, List<String> notices) {

    public BuildResult {
        diagnostics = List.copyOf(diagnostics);
        inputs = List.copyOf(inputs);
        notices = List.copyOf(notices);
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(report, "report");
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> !d.isError()).toList();
    }
}
