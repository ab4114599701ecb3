package io.github.sodagql.core.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sodagql.core.TestProject;
import io.github.sodagql.core.config.DocumentRoot;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.source.ContentHash;
import io.github.sodagql.core.source.ProjectPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputScannerTest {
    private final Path project = TestProject.resource("discovery");
    private final InputScanner scanner = new InputScanner(project);

    @Test
    void findsMatchingFilesSortedWithProjectRelativeSlashPaths() {
        ScanResult result = scanner.scan(List.of(new DocumentRoot(ProjectPath.parse("tree"), List.of(), List.of("skip/**"))));

        assertEquals(List.of("tree/a/first.graphql", "tree/b/second.graphql", "tree/root.graphql"),
                result.files().stream().map(f -> f.path().value()).toList());
        assertEquals(List.of(), result.problems());
    }

    @Test
    void readFingerprintsTheBytesItReturns() throws Exception {
        ReadResult.Read read = (ReadResult.Read) scanner.read(ProjectPath.parse("tree/root.graphql"));
        byte[] bytes = Files.readAllBytes(project.resolve("tree/root.graphql"));

        assertEquals(new String(bytes, StandardCharsets.UTF_8), read.file().text());
        assertEquals(ContentHash.of(bytes), read.file().fingerprint().contentHash());
        assertEquals(bytes.length, read.file().fingerprint().size());
    }

    @Test
    void missingRootIsAWarningAndMissingFileIsAnIoError() {
        ScanResult result = scanner.scan(List.of(DocumentRoot.of(ProjectPath.parse("nowhere"))));
        ReadResult read = scanner.read(ProjectPath.parse("tree/gone.graphql"));

        assertEquals(DiagnosticCode.DOCUMENTS_NOT_FOUND, result.problems().get(0).code());
        assertEquals(DiagnosticCode.IO_ERROR, ((ReadResult.Unreadable) read).problem().code());
        assertEquals("tree/gone.graphql:1:1", ((ReadResult.Unreadable) read).problem().location().orElseThrow().toString());
    }

    @Test
    void theSameWalkFindsTheDefaultSchemaFilesWhateverTheExcludesAndThroughLinks(@TempDir Path temporary) throws Exception {
        Files.createDirectories(temporary.resolve("docs/skip"));
        Files.createDirectories(temporary.resolve("shared"));
        Files.writeString(temporary.resolve("docs/query.graphql"), "query Q { a }");
        Files.writeString(temporary.resolve("docs/skip/types.graphqls"), "type T { a: Int }");
        Files.writeString(temporary.resolve("shared/api.graphqls"), "type Query { a: Int }");
        Files.createSymbolicLink(temporary.resolve("docs/api.graphqls"), temporary.resolve("shared/api.graphqls"));

        ScanResult result = new InputScanner(temporary)
                .scan(List.of(new DocumentRoot(ProjectPath.parse("docs"), List.of(), List.of("skip/**"))));

        assertEquals(List.of("docs/query.graphql"), result.files().stream().map(f -> f.path().value()).toList());
        assertEquals(List.of("docs/api.graphqls", "docs/skip/types.graphqls"),
                result.defaultSchemaFiles().stream().map(ProjectPath::value).toList());
    }
}
