package io.github.sodagql.core.catalogue;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sodagql.core.TestProject;
import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.session.BuildResult;
import io.github.sodagql.core.session.BuilderSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates real documents and schemas ({@code ../shared/corpora}, Apollo's compiler fixtures; skipped when absent)
 * at random, with a seeded generator, and builds each mutant through {@link BuilderSession}: a build must end in
 * coded diagnostics or an artifact, never an exception or a leaked stack trace. Each fixture folder gets one
 * session, so a mutant costs an incremental build. Seed and volume: {@code -Dsodagql.fuzz.seed},
 * {@code -Dsodagql.fuzz.rounds} (per kind); the run prints both, and how the mutants ended.
 */
class CorpusFuzzTest {
    private static final String FIXTURES = "apollo-kotlin/libraries/apollo-compiler/src/test/graphql";
    private static final long SEED = Long.getLong("sodagql.fuzz.seed", 20_261_204L);
    private static final int ROUNDS = Integer.getInteger("sodagql.fuzz.rounds", 80);
    private static final int FOLDERS = 8;
    private static final String[] TOKENS = {"{", "}", "(", ")", "[", "]", "...", " on ", "fragment ", "query ", "\"",
            "\"\"\"", "#", "@include(if: true)", "@skip", "$v", ":", "!", "=", "__typename", "\n", "null", "[[[", "}}}",
            "__x", "extend ", "type ", "interface ", "union U = ", "input ", "enum ", "implements ", "schema ", "\\u",
            "1e999", "-", "&", "|", "\u0000", "\uFFFD", "\u00e9", "\uD83D\uDE00", "\r", "\t", ",", "directive @d on FIELD"};

    @TempDir
    Path temporary;

    @Test
    void mutatedDocumentsAndSchemasEndInCodedDiagnosticsOrABuild() throws IOException {
        Path fixtures = TestProject.corpus(FIXTURES);
        Random random = new Random(SEED);
        List<Path> folders;
        try (Stream<Path> children = Files.list(fixtures.resolve("com/example"))) {
            folders = children.filter(Files::isDirectory).filter(f -> documentsOf(f).size() > 0).sorted().toList();
        }
        int[] outcomes = new int[3]; // built, ended in errors, mutants
        for (int f = 0; f < FOLDERS; f++) {
            Path folder = folders.get(random.nextInt(folders.size()));
            Path schema = Files.exists(folder.resolve("schema.graphqls")) ? folder.resolve("schema.graphqls")
                    : fixtures.resolve("schema.graphqls");
            Path project = temporary.resolve("p" + f);
            Path documents = project.resolve("src/main/graphql");
            Files.createDirectories(documents);
            List<Path> inputs = new ArrayList<>(documentsOf(folder));
            for (Path document : inputs) {
                Files.copy(document, documents.resolve(document.getFileName().toString()));
            }
            Files.copy(schema, documents.resolve("schema.graphqls"));
            inputs.add(schema);
            BuilderSession session = new BuilderSession(SodaGqlConfig.builder(project).javaPackage("com.example.fuzz").build());
            check(session.buildInitial(), folder + " as it is", outcomes);
            for (int round = 0; round < 2 * ROUNDS / FOLDERS; round++) {
                // Half the mutants are schemas, half documents.
                Path original = round % 2 == 0 ? schema : inputs.get(random.nextInt(inputs.size() - 1));
                Path target = documents.resolve(original == schema ? "schema.graphqls" : original.getFileName().toString());
                byte[] mutant = mutate(Files.readAllBytes(original), random);
                Files.write(target, mutant);
                check(session.rebuild(), folder.getFileName() + "/" + original.getFileName() + " mutant "
                        + new String(mutant, StandardCharsets.UTF_8).lines().limit(3).toList(), outcomes);
                Files.copy(original, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                outcomes[2]++;
            }
        }
        System.out.printf("soda-gql fuzz: seed %d, %d mutants (%d schema, %d document) in %d fixture folders: "
                + "%d built, %d ended in errors%n", SEED, outcomes[2], (outcomes[2] + 1) / 2, outcomes[2] / 2, FOLDERS,
                outcomes[0], outcomes[1]);
        assertTrue(outcomes[2] >= ROUNDS, "mutants run");
    }

    private static List<Path> documentsOf(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".graphql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(BuildResult result, String what, int[] outcomes) {
        for (Diagnostic diagnostic : result.diagnostics()) {
            assertFalse(diagnostic.message().contains("Exception") || diagnostic.message().contains("should never happen")
                            || diagnostic.message().contains("\n"), what + ": " + diagnostic.formatWithHint());
        }
        if (result.hasErrors()) {
            outcomes[1]++;
        } else {
            assertTrue(result.artifact().isPresent(), what + " built without an artifact");
            outcomes[0]++;
        }
    }

    /** One to three random edits: delete, duplicate or swap a span, insert a token or a stray byte, truncate. */
    static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original;
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int length = bytes.length;
            int at = length == 0 ? 0 : random.nextInt(length);
            int span = Math.min(length - at, 1 + random.nextInt(24));
            ByteArrayOutputStream out = new ByteArrayOutputStream(length + 32);
            switch (random.nextInt(6)) {
                case 0 -> { // delete a span
                    out.write(bytes, 0, at);
                    out.write(bytes, at + span, length - at - span);
                }
                case 1 -> { // duplicate a span
                    out.write(bytes, 0, at + span);
                    out.write(bytes, at, length - at);
                }
                case 2 -> { // insert a token
                    out.write(bytes, 0, at);
                    out.writeBytes(TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
                    out.write(bytes, at, length - at);
                }
                case 3 -> { // a stray byte, often not UTF-8
                    out.write(bytes, 0, at);
                    out.write(random.nextInt(256));
                    out.write(bytes, Math.min(length, at + 1), Math.max(0, length - at - 1));
                }
                case 4 -> out.write(bytes, 0, at); // truncate
                default -> { // move a span elsewhere
                    int to = length == 0 ? 0 : random.nextInt(length);
                    byte[] moved = java.util.Arrays.copyOfRange(bytes, at, at + span);
                    byte[] rest = new byte[length - span];
                    System.arraycopy(bytes, 0, rest, 0, at);
                    System.arraycopy(bytes, at + span, rest, at, length - at - span);
                    int insert = Math.min(to, rest.length);
                    out.write(rest, 0, insert);
                    out.writeBytes(moved);
                    out.write(rest, insert, rest.length - insert);
                }
            }
            bytes = out.toByteArray();
        }
        return bytes;
    }
}
