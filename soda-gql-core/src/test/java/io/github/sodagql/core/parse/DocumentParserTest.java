package io.github.sodagql.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sodagql.core.TestProject;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.diagnostic.Severity;
import io.github.sodagql.core.source.ProjectPath;
import io.github.sodagql.core.source.SourceLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentParserTest {

    private static ParsedFile single(String folder) {
        List<ParsedFile> files = TestProject.parse(folder);
        assertEquals(1, files.size());
        return files.get(0);
    }

    private static SourceLocation at(String file, int line, int column) {
        return new SourceLocation(ProjectPath.parse(file), line, column);
    }

    @Test
    void recordsEveryDefinitionWithItsLocationAndDirectSpreads() {
        ParsedFile file = single("parse/definitions");

        assertEquals(List.of(), file.diagnostics());
        assertEquals(2, file.definitions().size());
        ParsedOperation operation = (ParsedOperation) file.definitions().get(0);
        assertEquals("ProductPage", operation.name());
        assertEquals(OperationKind.QUERY, operation.kind());
        assertEquals(at("page.graphql", 1, 1), operation.location());
        assertEquals(List.of(new SpreadReference("ProductCard", at("page.graphql", 3, 5), 2),
                new SpreadReference("ProductPrice", at("page.graphql", 6, 9), 4)), operation.spreads());
        assertEquals(4, operation.depth(), "the inline fragment under related is the fourth selection set");

        ParsedFragment fragment = (ParsedFragment) file.definitions().get(1);
        assertEquals("ProductCard", fragment.name());
        assertEquals("Product", fragment.typeCondition());
        assertEquals(at("page.graphql", 12, 1), fragment.location());
        assertEquals(List.of("ProductPrice"), fragment.spreadNames());
    }

    @Test
    void anonymousOperationIsReportedAndKeptForValidation() {
        ParsedFile file = single("parse/anonymous");

        assertEquals(List.of(""), file.definitions().stream().map(ParsedDefinition::name).toList());
        Diagnostic diagnostic = file.diagnostics().get(0);
        assertEquals(DiagnosticCode.ANONYMOUS_OPERATION, diagnostic.code());
        assertEquals(at("anonymous.graphql", 1, 1), diagnostic.location().orElseThrow());
        assertEquals("The operation has no name.", diagnostic.message());
    }

    @Test
    void typeSystemDefinitionInADocumentIsAnErrorAndTheRestIsKept() {
        ParsedFile file = single("parse/type-system");

        assertEquals(1, file.diagnostics().size());
        Diagnostic diagnostic = file.diagnostics().get(0);
        assertEquals(DiagnosticCode.NON_EXECUTABLE_DEFINITION, diagnostic.code());
        assertEquals(at("mixed.graphql", 1, 1), diagnostic.location().orElseThrow());
        assertEquals("The type-system definition 'Extra' does not belong in a document.", diagnostic.message());
        assertEquals(List.of("Named"), file.definitions().stream().map(ParsedDefinition::name).toList());
    }

    @Test
    void syntaxErrorIsReportedAtTheOffendingTokenInPlainWords() {
        ParsedFile file = single("parse/syntax-error");

        assertEquals(List.of(), file.definitions());
        Diagnostic diagnostic = file.diagnostics().get(0);
        assertEquals(DiagnosticCode.PARSE_ERROR, diagnostic.code());
        assertEquals(at("broken.graphql", 2, 15), diagnostic.location().orElseThrow());
        assertEquals("Unexpected ')'.", diagnostic.message());
        assertEquals("broken.graphql:2:15: [PARSE_ERROR] Unexpected ')'.", diagnostic.format());
    }

    @Test
    void documentWithOnlyCommentsIsAWarning() {
        ParsedFile file = single("parse/empty");

        Diagnostic diagnostic = file.diagnostics().get(0);
        assertEquals(DiagnosticCode.EMPTY_DOCUMENT, diagnostic.code());
        assertEquals(Severity.WARNING, diagnostic.severity());
        assertTrue(file.definitions().isEmpty());
    }
}
