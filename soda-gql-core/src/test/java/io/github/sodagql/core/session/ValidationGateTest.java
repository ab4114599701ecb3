package io.github.sodagql.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sodagql.core.TestProject;
import io.github.sodagql.core.diagnostic.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, item 7: nothing past validation runs on a definition that failed it. A fragment no operation spreads
 * is validated on its own, so an unknown type condition or field is a located VALIDATION_ERROR, not a crash of
 * the shape stage.
 */
class ValidationGateTest {
    @TempDir
    Path temporary;

    @Test
    void aFragmentOnAnUnknownTypeIsAValidationErrorNotACrash() {
        BuildResult result = TestProject.copyOf(List.of("session/ownership", "session/unknown-type"), temporary).build();

        List<String> errors = result.diagnostics().stream().map(Diagnostic::format).toList();
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("src/main/graphql/banana.graphql:7:") && errors.get(0).contains("VALIDATION_ERROR")
                && errors.get(0).contains("Banana"), errors.toString());
        assertTrue(errors.get(1).startsWith("src/main/graphql/banana.graphql:12:") && errors.get(1).contains("color"),
                errors.toString());
    }
}
