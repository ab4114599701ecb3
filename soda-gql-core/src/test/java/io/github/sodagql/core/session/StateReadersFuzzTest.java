package io.github.sodagql.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sodagql.core.TestProject;
import io.github.sodagql.core.source.ContentHash;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, item 5 and the fuzzing of the state readers: whatever bytes {@code snapshot.bin} and {@code schema.bin}
 * hold (random, truncated, bits flipped behind a re-forged checksum, nested collections behind a valid header),
 * reading them ends in bounded time and never throws, and a build over them succeeds as a full one. The time
 * bound is a generous hang guard, not a timing assertion. {@code -Dsoda-gql.state-fuzz.cases=N} changes the volume.
 */
class StateReadersFuzzTest {
    private static final int CASES = Integer.getInteger("soda-gql.state-fuzz.cases", 300);
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @TempDir
    Path temporary;

    @Test
    void aForgedSchemaCacheOfNestedSetsIsAMissNotAHang() throws IOException {
        TestProject project = TestProject.copyOf("session/ownership", temporary);
        project.build();
        Path state = project.directory().resolve("target/soda-gql");
        ContentHash schemaHash = loadedSnapshot(state).schemaHash().orElseThrow();
        Files.write(state.resolve(SchemaRegistryStore.FILE), forgedSchemaCache(schemaHash, nestedSets(100)));

        assertTimeoutPreemptively(HANG_GUARD, () -> assertTrue(SchemaRegistryStore.load(state, schemaHash).isEmpty()));
        // Refused as too costly to hash, not abandoned at the time bound (which deletes the file).
        assertTrue(Files.exists(state.resolve(SchemaRegistryStore.FILE)));
        SchemaMemory.forget();
        BuildResult build = assertTimeoutPreemptively(HANG_GUARD, () -> {
            project.write("src/main/graphql/more.graphql", "query More {\n  books {\n    title\n  }\n}\n");
            return project.build();
        });
        assertEquals(List.of(), build.diagnostics());
        assertEquals(1, build.report().counters().schemaParsed(), "the forged cache was not used");
    }

    @Test
    void randomAndDamagedSchemaCachesAreMisses() throws IOException {
        TestProject project = TestProject.copyOf("session/ownership", temporary);
        project.build();
        Path state = project.directory().resolve("target/soda-gql");
        ContentHash schemaHash = loadedSnapshot(state).schemaHash().orElseThrow();
        byte[] real = waitForSchemaCache(state);
        Random random = new Random(20261204L);
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (int i = 0; i < CASES; i++) {
                byte[] bytes = mutation(real, random, i);
                Files.write(state.resolve(SchemaRegistryStore.FILE), bytes);
                SchemaRegistryStore.load(state, schemaHash); // a miss or a hit, never a throw
            }
        });
    }

    @Test
    void randomAndDamagedSnapshotsCostOnlyAFullBuild() throws IOException {
        TestProject project = TestProject.copyOf("session/ownership", temporary);
        BuildResult clean = project.build();
        Path state = project.directory().resolve("target/soda-gql");
        byte[] real = Files.readAllBytes(state.resolve(SnapshotStore.FILE));
        Random random = new Random(20261205L);
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (int i = 0; i < CASES; i++) {
                Files.write(state.resolve(SnapshotStore.FILE), mutation(real, random, i));
                SnapshotStore.Loaded loaded = SnapshotStore.load(state);
                assertFalse(loaded instanceof SnapshotStore.Loaded.Missing);
            }
        });
        for (int i = 0; i < 12; i++) {
            Files.write(state.resolve(SnapshotStore.FILE), mutation(real, random, i));
            BuildResult build = assertTimeoutPreemptively(HANG_GUARD, project::build);
            assertEquals(clean.diagnostics(), build.diagnostics(), "case " + i);
        }
    }

    /** Random bytes, a truncation, or flipped bytes behind a checksum made to match (a forged header included). */
    private static byte[] mutation(byte[] real, Random random, int i) {
        switch (i % 4) {
            case 0 -> {
                byte[] bytes = new byte[random.nextInt(256)];
                random.nextBytes(bytes);
                return bytes;
            }
            case 1 -> {
                return java.util.Arrays.copyOf(real, random.nextInt(real.length));
            }
            default -> {
                byte[] body = java.util.Arrays.copyOf(real, real.length - Long.BYTES);
                int flips = 1 + random.nextInt(i % 4 == 2 ? 2 : 16);
                for (int f = 0; f < flips; f++) {
                    // Half the flips land in the first bytes: the header, the lengths and counts.
                    int at = random.nextBoolean() ? random.nextInt(Math.min(64, body.length)) : random.nextInt(body.length);
                    body[at] = (byte) random.nextInt(256);
                }
                return SnapshotStore.sealed(body);
            }
        }
    }

    private static Snapshot loadedSnapshot(Path state) {
        return ((SnapshotStore.Loaded.Found) SnapshotStore.load(state)).snapshot();
    }

    private static byte[] waitForSchemaCache(Path state) throws IOException {
        Path file = state.resolve(SchemaRegistryStore.FILE);
        assertTrue(Files.isRegularFile(file), "the build saved its schema parse");
        return Files.readAllBytes(file);
    }

    /** The classic deserialization bomb: each level's two sets both hold the next level's two. */
    static Set<Object> nestedSets(int depth) {
        Set<Object> root = new HashSet<>();
        Set<Object> s1 = root;
        Set<Object> s2 = new HashSet<>();
        for (int i = 0; i < depth; i++) {
            Set<Object> t1 = new HashSet<>();
            Set<Object> t2 = new HashSet<>();
            t1.add("soda");
            s1.add(t1);
            s1.add(t2);
            s2.add(t1);
            s2.add(t2);
            s1 = t1;
            s2 = t2;
        }
        return root;
    }

    /** A schema cache with a valid header (this compiler, this schema) and checksum around {@code payload}. */
    static byte[] forgedSchemaCache(ContentHash schemaHash, Object payload) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream header = new DataOutputStream(bytes)) {
            header.writeUTF("soda-gql schema registry 1");
            header.writeUTF(CompilerVersion.CURRENT);
            header.writeUTF(schemaHash.hex());
            try (ObjectOutputStream out = new ObjectOutputStream(header)) {
                out.writeObject(payload);
            }
        }
        return SnapshotStore.sealed(bytes.toByteArray());
    }
}
