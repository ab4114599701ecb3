package io.github.sodagql.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sodagql.core.TestProject;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.session.BuildResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperationValidatorTest {
    @TempDir
    Path temporary;

    private static List<String> formatted(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::format).toList();
    }

    @Test
    void errorInASharedFragmentIsReportedOnceAtTheFragment() {
        BuildResult result = TestProject.copyOf("validate/fragment-error-once", temporary).build();

        assertEquals(List.of("src/main/graphql/card.graphql:3:3: [VALIDATION_ERROR] Field 'nam' in type 'Product' is undefined."),
                formatted(result.diagnostics()));
        assertEquals(2, result.report().counters().operationsValidated());
    }

    @Test
    void allErrorsOfTheBuildAreReportedSortedByFileLineAndColumn() {
        BuildResult result = TestProject.copyOf("validate/sorted", temporary).build();

        assertEquals(List.of(
                "src/main/graphql/a.graphql:1:9: [VALIDATION_ERROR] Unused variable 'unused'.",
                "src/main/graphql/a.graphql:4:5: [VALIDATION_ERROR] Field 'size' in type 'Product' is undefined.",
                "src/main/graphql/b.graphql:3:5: [VALIDATION_ERROR] Field 'colour' in type 'Product' is undefined."),
                formatted(result.diagnostics()));
    }

    @Test
    void deprecatedFieldAndArgumentInUseAreWarningsAtTheirLocations() {
        BuildResult result = TestProject.copyOf("validate/deprecated", temporary).build();

        assertEquals(List.of(
                "src/main/graphql/page.graphql:3:5: [DEPRECATED_USAGE] Field 'Product.price' is deprecated: Use priceCents.",
                "src/main/graphql/page.graphql:4:13: [DEPRECATED_USAGE] Argument 'top' of field 'Product.reviews' is deprecated: Use first."),
                formatted(result.diagnostics()));
        assertEquals(List.of(), result.errors());
    }

    @Test
    void everyValidationErrorHasAHint() {
        BuildResult result = TestProject.copyOf("validate/sorted", temporary).build();

        result.diagnostics().forEach(d -> assertEquals(DiagnosticCode.VALIDATION_ERROR, d.code()));
        result.diagnostics().forEach(d -> assertEquals(false, d.hint().isBlank(), d.format()));
    }
}
