package io.github.sodagql.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sodagql.core.artifact.ArtifactCounts;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.session.BuildCounters;
import io.github.sodagql.core.session.BuildMode;
import io.github.sodagql.core.session.BuildReport;
import io.github.sodagql.core.session.BuildResult;
import io.github.sodagql.core.source.ProjectPath;
import io.github.sodagql.core.source.SourceLocation;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class DiagnosticReporterTest {
    private static final Path PROJECT = Path.of("/work/project").toAbsolutePath();
    private static final ProjectPath PAGE = ProjectPath.parse("src/main/graphql/page.graphql");
    private static final ProjectPath CLEAN = ProjectPath.parse("src/main/graphql/clean.graphql");

    private final RecordingLog log = new RecordingLog();
    private final RecordingBuildContext context = new RecordingBuildContext();
    private final DiagnosticReporter reporter = new DiagnosticReporter(log, context, PROJECT, new File("/work/project/pom.xml"));

    private static BuildResult result(List<Diagnostic> diagnostics) {
        return new BuildResult(diagnostics, Optional.empty(), new BuildReport(new BuildMode.Incremental(),
                new ArtifactCounts(2, 1, 0, 0, 0), BuildCounters.none(), Map.of(), 1), List.of(CLEAN, PAGE), List.of());
    }

    private static Diagnostic unknownFragment() {
        return Diagnostic.at(DiagnosticCode.UNKNOWN_FRAGMENT, new SourceLocation(PAGE, 12, 5),
                "Unknown fragment 'CartLine'.", "Define it.");
    }

    @Test
    void diagnosticsAreLoggedInJavacShapeWithTheirHint() {
        reporter.report(result(List.of(unknownFragment())));

        assertEquals(List.of("[ERROR] src/main/graphql/page.graphql:12:5: [UNKNOWN_FRAGMENT] Unknown fragment 'CartLine'."
                + System.lineSeparator() + "    hint: Define it."), log.lines);
    }

    @Test
    void everyInputLosesItsOldMarkersAndProblemsBecomeMarkersAtLineAndColumn() {
        Diagnostic global = Diagnostic.global(DiagnosticCode.SCHEMA_NOT_FOUND, "No schema found.", "Add one.");

        reporter.report(result(List.of(unknownFragment(), global)));

        assertEquals(List.of("clean.graphql", "page.graphql", "pom.xml"), context.cleared.stream().map(File::getName).toList());
        assertEquals(List.of("E page.graphql:12:5 [UNKNOWN_FRAGMENT] Unknown fragment 'CartLine'. Define it.",
                "E pom.xml:0:0 [SCHEMA_NOT_FOUND] No schema found. Add one."), context.messages);
    }

    @Test
    void aProblemInsideADependencysJarIsMarkedOnThePomWithItsLocation() {
        Diagnostic inJar = Diagnostic.at(DiagnosticCode.SCHEMA_INVALID,
                new SourceLocation(ProjectPath.parse("api-1.0.jar!/schema/schema.graphqls"), 3, 3), "Bad type.", "Fix it.");

        reporter.report(result(List.of(inJar)));

        assertEquals(List.of("E pom.xml:0:0 api-1.0.jar!/schema/schema.graphqls:3:3: [SCHEMA_INVALID] Bad type. Fix it."),
                context.messages);
    }

    @Test
    void errorsFailTheBuildWithTheCountAndTheFirstErrors() {
        MojoFailureException failure = assertThrows(MojoFailureException.class,
                () -> reporter.failIfNeeded(result(List.of(unknownFragment())), false));

        assertTrue(failure.getMessage().startsWith("soda-gql found 1 error:"), failure.getMessage());
        assertTrue(failure.getMessage().contains("src/main/graphql/page.graphql:12:5: [UNKNOWN_FRAGMENT]"));
    }

    @Test
    void warningsFailOnlyWhenAskedTo() throws MojoFailureException {
        Diagnostic warning = Diagnostic.at(DiagnosticCode.DEPRECATED_USAGE, new SourceLocation(PAGE, 3, 5),
                "Field 'Product.price' is deprecated.", "Use priceCents.");

        reporter.failIfNeeded(result(List.of(warning)), false);
        assertThrows(MojoFailureException.class, () -> reporter.failIfNeeded(result(List.of(warning)), true));
    }
}
