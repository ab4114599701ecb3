package io.github.sodagql.core.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sodagql.core.source.ProjectPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputWriterTest {
    @TempDir
    Path project;

    private static OutputFile file(String path, String text) {
        return new OutputFile(ProjectPath.parse(path), text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writesNewFilesAndCreatesFolders() throws Exception {
        WriteReport report = new OutputWriter(project).write(List.of(file("out/a/b.txt", "hello")));

        assertEquals(List.of(ProjectPath.parse("out/a/b.txt")), report.written());
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(project.resolve("out/a/b.txt")));
    }

    @Test
    void leavesAFileWithTheSameBytesUntouched() throws Exception {
        OutputWriter writer = new OutputWriter(project);
        writer.write(List.of(file("out/same.txt", "same")));
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(project.resolve("out/same.txt"), old);

        WriteReport report = writer.write(List.of(file("out/same.txt", "same")));

        assertEquals(List.of(ProjectPath.parse("out/same.txt")), report.unchanged());
        assertEquals(List.of(), report.written());
        assertEquals(old, Files.getLastModifiedTime(project.resolve("out/same.txt")));
    }

    @Test
    void replacesChangedBytesAndLeavesNoTemporaryFileBehind() throws Exception {
        OutputWriter writer = new OutputWriter(project);
        writer.write(List.of(file("out/x.txt", "one")));

        WriteReport report = writer.write(List.of(file("out/x.txt", "two")));

        assertEquals(List.of(ProjectPath.parse("out/x.txt")), report.written());
        assertEquals("two", Files.readString(project.resolve("out/x.txt")));
        try (Stream<Path> files = Files.list(project.resolve("out"))) {
            assertEquals(List.of("x.txt"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void unwritableTargetIsAWriteFailedDiagnosticAndNoException() throws Exception {
        Files.writeString(project.resolve("blocker"), "a file where a folder should be");

        WriteReport report = new OutputWriter(project).write(List.of(file("blocker/x.txt", "x")));

        assertEquals(1, report.failures().size());
        assertEquals("WRITE_FAILED", report.failures().get(0).code().name());
        assertEquals(java.util.Optional.empty(), report.failures().get(0).location(), "no origin given: not located");
        assertEquals(true, report.failures().get(0).message().contains("blocker/x.txt"), report.failures().get(0).message());
        assertEquals(List.of(ProjectPath.parse("blocker/x.txt")), report.failed().stream().map(OutputRecord::path).toList());
    }

    @Test
    void aFailureIsReportedAtTheOriginWithTheOutputNamed() throws Exception {
        Files.writeString(project.resolve("blocker"), "a file where a folder should be");
        io.github.sodagql.core.source.SourceLocation origin = new io.github.sodagql.core.source.SourceLocation(
                ProjectPath.parse("src/main/graphql/a.graphql"), 3, 1);

        WriteReport report = new OutputWriter(project).write(List.of(file("blocker/x.txt", "x")), java.util.Map.of(),
                WritePolicy.ANYWHERE, path -> java.util.Optional.of(origin));

        assertEquals(origin, report.failures().get(0).location().orElseThrow());
        assertEquals(true, report.failures().get(0).message().contains("blocker/x.txt"), report.failures().get(0).message());
    }

    @Test
    void aFileItDoesNotOwnIsNeitherOverwrittenNorDeleted() throws Exception {
        Files.createDirectories(project.resolve("out"));
        Files.writeString(project.resolve("out/BookCard.java"), "// the user's own");
        OutputWriter writer = new OutputWriter(project);

        WritePolicy nothingOwned = new WritePolicy() {
            @Override
            public boolean mayWrite(ProjectPath path) {
                return true;
            }

            @Override
            public boolean mayReplace(ProjectPath path) {
                return false;
            }
        };
        WriteReport report = writer.write(List.of(file("out/BookCard.java", "// generated")), java.util.Map.of(),
                nothingOwned, path -> java.util.Optional.empty());
        List<ProjectPath> deleted = writer.delete(List.of(ProjectPath.parse("out/BookCard.java")), nothingOwned);

        assertEquals(1, report.failures().size());
        assertEquals(List.of(), deleted);
        assertEquals("// the user's own", Files.readString(project.resolve("out/BookCard.java")));
    }
}
