package io.github.sodagql.core.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sodagql.core.TestProject;
import io.github.sodagql.core.session.BuildResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile schema and document text against the lean generated code and its text pass {@link SourceLayout}. */
class LeanCodeAttackTest {
    @TempDir
    Path first;
    @TempDir
    Path second;

    private static Map<String, String> generated(Path project) throws IOException {
        Path root = project.resolve("target/generated-sources/soda-gql");
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }

    /** Held: comment closers, backslash-u escapes, braces, // and ; in the schema's and document's text. */
    @Test
    void hostileTextCompilesWithWerrorAndIsDeterministic() throws IOException {
        BuildResult result = TestProject.copyOf("codegen/lean-attack", first).build();
        assertTrue(result.diagnostics().stream().noneMatch(d -> d.severity().toString().equals("ERROR")),
                result.diagnostics().toString());
        String output = JavaSourceCompiler.compile(first.resolve("target/generated-sources/soda-gql"),
                first.resolve("classes"), List.of());
        assertEquals("", output);

        TestProject.copyOf("codegen/lean-attack", second).build();
        assertEquals(generated(first), generated(second));
    }

    /** Finding: a deprecated enum value gets @Deprecated but its reason is nowhere (fields do get @deprecated). */
    @Test
    void deprecatedEnumValueKeepsItsReason() throws IOException {
        TestProject.copyOf("codegen/lean-attack", first).build();
        String plain = generated(first).get("com/example/test/Plain.java");
        assertTrue(plain.contains("@deprecated Use NEW"), plain);
    }

    /** Finding: a blank description becomes an empty three-line Javadoc comment, noise in lean code. */
    @Test
    void blankDescriptionWritesNoEmptyJavadoc() throws IOException {
        TestProject.copyOf("codegen/lean-attack", first).build();
        String plain = generated(first).get("com/example/test/Plain.java");
        assertFalse(plain.matches("(?s).*/\\*\\*\\s*\\*\\s*\\*/.*"), plain);
    }
}
