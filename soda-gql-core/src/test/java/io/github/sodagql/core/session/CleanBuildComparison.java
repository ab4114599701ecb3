package io.github.sodagql.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.discovery.Fingerprint;
import io.github.sodagql.core.graph.DefinitionId;
import io.github.sodagql.core.output.OutputRecord;
import io.github.sodagql.core.parse.ParsedFile;
import io.github.sodagql.core.source.ProjectPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The check behind the incremental proofs: a build's diagnostics, artifact bytes and (without errors)
 * generated tree equal those of a clean build of a copy of the same documents.
 */
final class CleanBuildComparison {
    static final String DOCUMENTS = "src/main/graphql";
    private static final String ARTIFACT = "target/soda-gql/artifact.json";
    private static final String GENERATED = "target/generated-sources/soda-gql";
    private static final String STATE = "target/soda-gql";
    /** Left by a killed build's atomic write; never compiled (hidden, not .java). */
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.tmp");

    private CleanBuildComparison() {}

    /** Builds {@code clean} from a copy of {@code project}'s documents and asserts {@code result} equals it. */
    static BuildResult assertSameAsCleanBuild(Path project, BuildResult result, Path clean,
            Function<Path, SodaGqlConfig> config, String context) throws IOException {
        BuildResult reference = new CleanReference(clean, config).of(project);
        assertSameAs(reference, clean, project, result, context);
        return reference;
    }

    private static void assertSameAs(BuildResult reference, Path clean, Path project, BuildResult result, String context)
            throws IOException {
        assertEquals(formatted(reference.diagnostics()), formatted(result.diagnostics()), context);
        assertEquals(Files.readString(clean.resolve(ARTIFACT)), Files.readString(project.resolve(ARTIFACT)), context);
        if (!reference.hasErrors()) {
            Map<String, String> expected = tree(clean.resolve(GENERATED));
            Map<String, String> actual = tree(project.resolve(GENERATED));
            assertEquals(expected.keySet(), actual.keySet(), "generated files; " + context);
            for (String path : expected.keySet()) {
                assertEquals(expected.get(path), actual.get(path), path + "; " + context);
            }
        }
    }

    /**
     * As {@link #assertSameAsCleanBuild}, and byte for byte: every generated file and every file of the state
     * directory (the artifact, the output ledger; no pending list left; the schema cache by name) has the clean build's
     * bytes, and the snapshot records what the clean one records (with errors, only the names of the state files
     * are compared besides the artifact). Left out: the lock, {@code report.json} (a log
     * with times) and the snapshot's bytes, whose stats (mtimes) differ between two copies of a project.
     */
    static BuildResult assertSameBytesAndStateAsCleanBuild(Path project, BuildResult result, CleanReference clean,
            String context) throws IOException {
        BuildResult reference = clean.of(project);
        assertSameAs(reference, clean.folder, project, result, context);
        if (reference.hasErrors()) {
            // Nothing was generated: the project still owns (and its snapshot tracks) what earlier builds wrote.
            assertEquals(bytes(clean.folder.resolve(STATE)).keySet(), bytes(project.resolve(STATE)).keySet(),
                    "state directory; " + context);
            return reference;
        }
        assertSameBytes(clean.folder.resolve(GENERATED), project.resolve(GENERATED), "generated files; " + context);
        assertSameBytes(clean.folder.resolve(STATE), project.resolve(STATE), "state directory; " + context);
        assertEquals(withoutStats(clean.folder.resolve(STATE)), withoutStats(project.resolve(STATE)), "snapshot; " + context);
        return reference;
    }

    /**
     * A clean build (in a fresh folder) of a copy of a project's documents; built again only when the documents
     * differ from those of the last one, since a clean build of a large project costs more than the checks.
     */
    static final class CleanReference {
        private final Path folder;
        private final Function<Path, SodaGqlConfig> config;
        private String digest = "";
        private BuildResult result;
        private int builds;

        CleanReference(Path folder, Function<Path, SodaGqlConfig> config) {
            this.folder = folder;
            this.config = config;
        }

        BuildResult of(Path project) throws IOException {
            String documents = digest(project.resolve(DOCUMENTS));
            if (!documents.equals(digest)) {
                IncrementalDifferentialTest.deleteTree(folder);
                IncrementalDifferentialTest.copy(project.resolve(DOCUMENTS), folder.resolve(DOCUMENTS));
                result = new BuilderSession(config.apply(folder)).buildInitial();
                digest = documents;
                builds++;
            }
            return result;
        }

        /** How many clean builds were made. */
        int builds() {
            return builds;
        }

        private static String digest(Path documents) throws IOException {
            try {
                java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
                for (Map.Entry<String, byte[]> file : bytes(documents).entrySet()) {
                    sha.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                    sha.update(Integer.toString(file.getValue().length).getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                    sha.update(file.getValue());
                }
                return java.util.HexFormat.of().formatHex(sha.digest());
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void assertSameBytes(Path expectedRoot, Path actualRoot, String context) throws IOException {
        Map<String, byte[]> expected = bytes(expectedRoot);
        Map<String, byte[]> actual = bytes(actualRoot);
        assertEquals(expected.keySet(), actual.keySet(), context);
        for (String path : expected.keySet()) {
            if (path.equals(SchemaRegistryStore.FILE)) {
                // A cache keyed by the schema's hash: a killed build may leave the entry of a schema edited since,
                // which is a miss (the schema is parsed again), never a wrong schema.
                continue;
            }
            if (!Arrays.equals(expected.get(path), actual.get(path))) {
                assertEquals(new String(expected.get(path), StandardCharsets.ISO_8859_1),
                        new String(actual.get(path), StandardCharsets.ISO_8859_1), path + "; " + context);
            }
        }
    }

    /** The snapshot in a state directory with every mtime zeroed (sizes and hashes kept). */
    private static Snapshot withoutStats(Path state) {
        SnapshotStore.Loaded loaded = SnapshotStore.load(state);
        if (!(loaded instanceof SnapshotStore.Loaded.Found found)) {
            throw new AssertionError("no snapshot in " + state + ": " + loaded);
        }
        Snapshot s = found.snapshot();
        SortedMap<ProjectPath, Fingerprint> schemaInputs =
                new TreeMap<>();
        s.schemaInputs().forEach((path, print) -> schemaInputs.put(path, withoutStat(print)));
        SortedMap<ProjectPath, ParsedFile> files = new TreeMap<>();
        s.files().forEach((path, f) -> files.put(path, new ParsedFile(f.path(),
                f.fingerprint().map(CleanBuildComparison::withoutStat), f.text(), f.definitions(), f.diagnostics(),
                f.document())));
        SortedMap<DefinitionId, DefinitionRecord> definitions = new TreeMap<>();
        s.definitions().forEach((id, r) -> definitions.put(id, new DefinitionRecord(r.id(), r.diagnostics(),
                r.artifactEntry(), r.typesUsed(), r.outputs().stream().map(CleanBuildComparison::withoutStat).toList(),
                r.outputsCurrent())));
        return new Snapshot(s.compilerVersion(), s.configHash(), s.schemaHash(), schemaInputs, s.schemaDiagnostics(), files,
                s.graphDiagnostics(), definitions, s.sharedOutputs().stream().map(CleanBuildComparison::withoutStat).toList(),
                s.generationDiagnostics(), s.classNames(), s.generated(), s.artifactOutput().map(CleanBuildComparison::withoutStat));
    }

    private static Fingerprint withoutStat(Fingerprint print) {
        return new Fingerprint(print.size(), 0, print.contentHash());
    }

    private static OutputRecord withoutStat(OutputRecord record) {
        return new OutputRecord(record.path(), record.hash(), record.size(), 0);
    }

    private static Map<String, byte[]> bytes(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    String name = file.getFileName().toString();
                    boolean log = root.endsWith(STATE) && (name.equals(StateLock.FILE) || name.equals(BuilderSession.REPORT_FILE)
                            || name.equals(SnapshotStore.FILE));
                    if (!TEMPORARY.matcher(name).matches() && !log) {
                        files.put(root.relativize(file).toString(), Files.readAllBytes(file));
                    }
                }
            }
        }
        return files;
    }

    /** The temporary files of atomic writes under {@code root} (relative paths), which a finished build never leaves. */
    static Set<String> temporaryFiles(Path root) throws IOException {
        Set<String> found = new TreeSet<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> TEMPORARY.matcher(p.getFileName().toString()).matches())
                        .forEach(p -> found.add(root.relativize(p).toString()));
            }
        }
        return found;
    }

    private static List<String> formatted(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::format).toList();
    }

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    if (!TEMPORARY.matcher(file.getFileName().toString()).matches()) {
                        files.put(root.relativize(file).toString(), Files.readString(file));
                    }
                }
            }
        }
        return files;
    }
}
