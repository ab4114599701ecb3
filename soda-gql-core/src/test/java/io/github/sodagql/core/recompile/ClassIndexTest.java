package io.github.sodagql.core.recompile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sodagql.core.output.SealedBytes;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stale-class check's index of parsed class files: it saves work, never changes what the check does. */
class ClassIndexTest {
    private static final String HELLO = "com/example/graphql/HelloQuery.java";
    private static final String HELLO_CLASSES = "com/example/graphql/HelloQuery";

    @TempDir
    Path folder;

    @Test
    void aSecondCheckParsesOnlyTheClassesJavacRewrote() throws IOException {
        CompiledProject project = new CompiledProject(folder);
        project.edit(project.generated.resolve(HELLO), "greeting", "salutation");
        StaleClassReport first = project.mark();
        assertEquals(0, first.classesFromIndex());
        int rewritten = project.javacRewrote(HELLO_CLASSES);
        assertTrue(rewritten > 0 && rewritten < first.classesRead(), rewritten + " of " + first.classesRead());
        project.edit(project.generated.resolve(HELLO), "salutation", "greeting");
        StaleClassReport second = project.mark();
        assertEquals(rewritten, second.classesRead(), second.toString());
        assertEquals(first.classesRead() - rewritten, second.classesFromIndex());
        assertTrue(second.warnings().isEmpty(), second.warnings().toString());
    }

    @Test
    void theIndexChangesNothingTheCheckDoes() throws IOException {
        List<Consumer<CompiledProject>> edits = List.of(
                p -> edit(p, p.generated.resolve(HELLO), "greeting", "salutation"),
                p -> edit(p, p.generated.resolve(HELLO), "greeting }", "hello }"),
                p -> edit(p, p.main.resolve("com/example/app/Holder.java"), "get()", "fetch()"),
                p -> delete(p.generated.resolve("com/example/graphql/Badge.java")));
        for (int i = 0; i < edits.size(); i++) {
            StaleClassReport withIndex = secondCheck(folder.resolve("with-" + i), edits.get(i), p -> {});
            StaleClassReport without = secondCheck(folder.resolve("without-" + i), edits.get(i), ClassIndexTest::dropIndexes);
            assertTrue(withIndex.classesFromIndex() > 0, withIndex.toString());
            assertEquals(0, without.classesFromIndex());
            assertEquals(without.marked(), withIndex.marked(), "edit " + i);
            assertEquals(without.deleted(), withIndex.deleted(), "edit " + i);
            assertEquals(List.of(), without.warnings(), "a missing index is silent");
        }
    }

    @Test
    void aDamagedIndexIsReadAsNoneWithAWarning() throws IOException {
        Map<String, Consumer<Path>> damages = Map.of(
                "flipped", file -> rewrite(file, bytes -> bytes[bytes.length / 2] ^= 1),
                "truncated", file -> write(file, Arrays.copyOf(read(file), read(file).length / 2)),
                "empty", file -> write(file, new byte[0]),
                "oversized", ClassIndexTest::oversize,
                "huge count", file -> write(file, forgedHeader(folder.resolve("huge count/classes"), Integer.MAX_VALUE)),
                "outside path", file -> write(file, outsideEntry(folder.resolve("outside path/classes"))));
        StaleClassReport control = secondCheck(folder.resolve("control"),
                p -> edit(p, p.generated.resolve(HELLO), "greeting", "salutation"), ClassIndexTest::dropIndexes);
        for (Map.Entry<String, Consumer<Path>> damage : damages.entrySet()) {
            StaleClassReport report = secondCheck(folder.resolve(damage.getKey()),
                    p -> edit(p, p.generated.resolve(HELLO), "greeting", "salutation"),
                    p -> indexes(p).forEach(damage.getValue()));
            assertEquals(0, report.classesFromIndex(), damage.getKey());
            assertEquals(control.classesRead(), report.classesRead(), damage.getKey());
            assertEquals(control.marked(), report.marked(), damage.getKey());
            assertEquals(control.deleted(), report.deleted(), damage.getKey());
            assertTrue(report.warnings().stream().anyMatch(w -> w.contains("ignoring the class index")),
                    damage.getKey() + ": " + report.warnings());
        }
        assertFalse(Files.exists(folder.resolve("outside path/outside")));
    }

    @Test
    void anIndexIsWrittenOnlyWhenItChanged() throws IOException {
        CompiledProject project = new CompiledProject(folder);
        ClassScan first = ClassScan.of(project.classes, ClassIndex.load(project.state, project.classes));
        first.saveIndex(project.state);
        Path index = ClassIndex.fileFor(project.state, project.classes);
        Files.setLastModifiedTime(index, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 1_000));
        var stamp = Files.getLastModifiedTime(index);
        ClassScan second = ClassScan.of(project.classes, ClassIndex.load(project.state, project.classes));
        second.saveIndex(project.state);
        assertEquals(0, second.parsed());
        assertEquals(first.parsed(), second.reused());
        assertEquals(first.classes(), second.classes());
        assertEquals(stamp, Files.getLastModifiedTime(index));
    }

    @Test
    void eachClassesFolderHasItsOwnIndex() {
        Path state = folder.resolve("state");
        assertFalse(ClassIndex.fileFor(state, folder.resolve("a/classes"))
                .equals(ClassIndex.fileFor(state, folder.resolve("b/classes"))));
        assertTrue(ClassIndex.isPlainClassPath("com/example/Foo$Bar.class"));
        for (String bad : List.of("../x.class", "/x.class", "a//b.class", "a/./b.class", "a\\b.class", "c:x.class", "a.java")) {
            assertFalse(ClassIndex.isPlainClassPath(bad), bad);
        }
    }

    /** A project after one check that built the index and a javac run, then {@code edit}, then the check. */
    private static StaleClassReport secondCheck(Path root, Consumer<CompiledProject> edit,
            Consumer<CompiledProject> beforeCheck) throws IOException {
        CompiledProject project = new CompiledProject(root);
        project.edit(project.main.resolve("com/example/app/Unrelated.java"), "class", "class");
        project.mark();
        project.javacRewrote("com/example/app/Unrelated");
        edit.accept(project);
        beforeCheck.accept(project);
        return project.mark();
    }

    private static List<Path> indexes(CompiledProject project) {
        try (Stream<Path> files = Files.list(project.state)) {
            return files.filter(f -> f.getFileName().toString().startsWith(ClassIndex.FILE_PREFIX)).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void dropIndexes(CompiledProject project) {
        assertEquals(2, indexes(project).size());
        indexes(project).forEach(ClassIndexTest::delete);
    }

    private static byte[] forgedHeader(Path classes, int strings) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0x53474349);
            out.writeInt(ClassIndex.FORMAT_VERSION);
            out.writeUTF(classes.toAbsolutePath().normalize().toString());
            out.writeInt(strings);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return SealedBytes.seal(bytes.toByteArray());
    }

    /** A well-sealed index whose one entry names a file outside the classes folder. */
    private static byte[] outsideEntry(Path classes) {
        ClassFile type = new ClassFile("../outside/Evil", Optional.of("Evil.java"), Set.of(), false);
        return new ClassIndex(Map.of("../outside/Evil.class", new ClassIndex.Entry(1, 1, type))).encode(classes);
    }

    private static void oversize(Path file) {
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(ClassIndex.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void edit(CompiledProject project, Path source, String from, String to) {
        try {
            project.edit(source, from, to);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void rewrite(Path file, Consumer<byte[]> change) {
        byte[] bytes = read(file);
        change.accept(bytes);
        write(file, bytes);
    }
}
