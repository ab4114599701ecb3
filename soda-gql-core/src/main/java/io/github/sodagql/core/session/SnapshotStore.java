package io.github.sodagql.core.session;

import io.github.sodagql.core.artifact.ArtifactOperation;
import io.github.sodagql.core.compose.VariableDeclaration;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.diagnostic.Severity;
import io.github.sodagql.core.discovery.Fingerprint;
import io.github.sodagql.core.graph.DefinitionId;
import io.github.sodagql.core.output.OutputRecord;
import io.github.sodagql.core.output.OutputWriter;
import io.github.sodagql.core.parse.OperationKind;
import io.github.sodagql.core.parse.ParsedDefinition;
import io.github.sodagql.core.parse.ParsedFile;
import io.github.sodagql.core.parse.ParsedFragment;
import io.github.sodagql.core.parse.ParsedOperation;
import io.github.sodagql.core.parse.SpreadReference;
import io.github.sodagql.core.source.ContentHash;
import io.github.sodagql.core.source.ProjectPath;
import io.github.sodagql.core.source.SourceLocation;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads and writes the snapshot: a small binary file, {@code snapshot.bin} in the state directory, written
 * atomically. Anything unreadable (missing, truncated, another format) is reported as such, never thrown:
 * the caller then builds fully.
 */
public final class SnapshotStore {
    public static final String FILE = "snapshot.bin";
    static final int FORMAT_VERSION = 3;
    private static final String MAGIC = "soda-gql snapshot";

    /** What loading found. */
    public sealed interface Loaded {
        record Found(Snapshot snapshot) implements Loaded {}

        record Missing() implements Loaded {}

        record Unusable(String reason) implements Loaded {}
    }

    private SnapshotStore() {}

    public static void save(Path stateDirectory, Snapshot snapshot) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(MAGIC);
            out.writeInt(FORMAT_VERSION);
            string(out, snapshot.compilerVersion());
            string(out, snapshot.configHash().hex());
            optional(out, snapshot.schemaHash().map(ContentHash::hex));
            out.writeInt(snapshot.schemaInputs().size());
            for (Map.Entry<ProjectPath, Fingerprint> input : snapshot.schemaInputs().entrySet()) {
                string(out, input.getKey().value());
                fingerprint(out, input.getValue());
            }
            diagnostics(out, snapshot.schemaDiagnostics());
            out.writeInt(snapshot.files().size());
            for (ParsedFile file : snapshot.files().values()) {
                string(out, file.path().value());
                out.writeBoolean(file.fingerprint().isPresent());
                if (file.fingerprint().isPresent()) {
                    fingerprint(out, file.fingerprint().get());
                }
                string(out, file.text());
                out.writeInt(file.definitions().size());
                for (ParsedDefinition definition : file.definitions()) {
                    definition(out, definition);
                }
                diagnostics(out, file.diagnostics());
            }
            diagnostics(out, snapshot.graphDiagnostics());
            out.writeInt(snapshot.definitions().size());
            for (DefinitionRecord record : snapshot.definitions().values()) {
                id(out, record.id());
                diagnostics(out, record.diagnostics());
                out.writeBoolean(record.artifactEntry().isPresent());
                if (record.artifactEntry().isPresent()) {
                    artifactEntry(out, record.artifactEntry().get());
                }
                strings(out, List.copyOf(record.typesUsed()));
                outputs(out, record.outputs());
                out.writeBoolean(record.outputsCurrent());
            }
            outputs(out, snapshot.sharedOutputs());
            diagnostics(out, snapshot.generationDiagnostics());
            out.writeInt(snapshot.classNames().size());
            for (Map.Entry<String, String> name : new TreeMap<>(snapshot.classNames()).entrySet()) {
                string(out, name.getKey());
                string(out, name.getValue());
            }
            out.writeBoolean(snapshot.generated());
            outputs(out, snapshot.artifactOutput().stream().toList());
        }
        OutputWriter.writeAtomically(stateDirectory.resolve(FILE), sealed(bytes.toByteArray()));
    }

    /**
     * {@code body} followed by its CRC32C: a damaged state file that still parses must not be trusted. The
     * snapshot and the saved schema parse both end so.
     */
    static byte[] sealed(byte[] body) {
        java.util.zip.CRC32C checksum = new java.util.zip.CRC32C();
        checksum.update(body);
        byte[] whole = java.util.Arrays.copyOf(body, body.length + Long.BYTES);
        java.nio.ByteBuffer.wrap(whole, body.length, Long.BYTES).putLong(checksum.getValue());
        return whole;
    }

    /** Whether {@code whole} ends with the checksum of what precedes it, as {@link #sealed} wrote it. */
    static boolean intact(byte[] whole) {
        if (whole.length < Long.BYTES) {
            return false;
        }
        java.util.zip.CRC32C checksum = new java.util.zip.CRC32C();
        checksum.update(whole, 0, whole.length - Long.BYTES);
        return java.nio.ByteBuffer.wrap(whole, whole.length - Long.BYTES, Long.BYTES).getLong() == checksum.getValue();
    }

    public static Loaded load(Path stateDirectory) {
        Path file = stateDirectory.resolve(FILE);
        byte[] whole;
        try {
            whole = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Loaded.Missing();
        } catch (IOException e) {
            return new Loaded.Unusable("it cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (whole.length < Long.BYTES) {
            return new Loaded.Unusable("it is truncated");
        }
        if (!intact(whole)) {
            return new Loaded.Unusable("its checksum does not match its content");
        }
        try {
            Input in = new Input(whole, whole.length - Long.BYTES);
            if (!MAGIC.equals(in.readUTF())) {
                return new Loaded.Unusable("it is not a soda-gql snapshot");
            }
            int format = in.readInt();
            if (format != FORMAT_VERSION) {
                return new Loaded.Unusable("it has format " + format + ", this version reads " + FORMAT_VERSION);
            }
            String compilerVersion = string(in);
            ContentHash configHash = new ContentHash(string(in));
            Optional<ContentHash> schemaHash = optional(in).map(ContentHash::new);
            SortedMap<ProjectPath, Fingerprint> schemaInputs = new TreeMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                schemaInputs.put(new ProjectPath(string(in)), fingerprint(in));
            }
            List<Diagnostic> schemaDiagnostics = diagnostics(in);
            SortedMap<ProjectPath, ParsedFile> files = new TreeMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                ProjectPath path = new ProjectPath(string(in));
                Optional<Fingerprint> fingerprint = in.readBoolean() ? Optional.of(fingerprint(in)) : Optional.empty();
                String text = string(in);
                List<ParsedDefinition> definitions = new ArrayList<>();
                for (int d = in.readInt(); d > 0; d--) {
                    definitions.add(definition(in));
                }
                files.put(path, new ParsedFile(path, fingerprint, text, definitions, diagnostics(in), Optional.empty()));
            }
            List<Diagnostic> graphDiagnostics = diagnostics(in);
            SortedMap<DefinitionId, DefinitionRecord> definitions = new TreeMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                DefinitionId id = id(in);
                List<Diagnostic> diagnostics = diagnostics(in);
                Optional<ArtifactOperation> entry = in.readBoolean() ? Optional.of(artifactEntry(in)) : Optional.empty();
                TreeSet<String> types = new TreeSet<>(strings(in));
                List<OutputRecord> outputs = outputs(in);
                definitions.put(id, new DefinitionRecord(id, diagnostics, entry, types, outputs, in.readBoolean()));
            }
            List<OutputRecord> shared = outputs(in);
            List<Diagnostic> generation = diagnostics(in);
            Map<String, String> classNames = new TreeMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                classNames.put(string(in), string(in));
            }
            boolean generated = in.readBoolean();
            Optional<OutputRecord> artifactOutput = outputs(in).stream().findFirst();
            if (in.read() != -1) {
                return new Loaded.Unusable("it has bytes after its end");
            }
            return new Loaded.Found(new Snapshot(compilerVersion, configHash, schemaHash, schemaInputs, schemaDiagnostics,
                    files, graphDiagnostics, definitions, shared, generation, classNames, generated, artifactOutput));
        } catch (IOException | RuntimeException e) {
            return new Loaded.Unusable("it cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(Input in) throws IOException {
        return in.readString();
    }

    private static void optional(DataOutputStream out, Optional<String> value) throws IOException {
        out.writeBoolean(value.isPresent());
        if (value.isPresent()) {
            string(out, value.get());
        }
    }

    private static Optional<String> optional(Input in) throws IOException {
        return in.readBoolean() ? Optional.of(string(in)) : Optional.empty();
    }

    private static void strings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            string(out, value);
        }
    }

    private static List<String> strings(Input in) throws IOException {
        List<String> values = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            values.add(string(in));
        }
        return values;
    }

    private static void fingerprint(DataOutputStream out, Fingerprint fingerprint) throws IOException {
        out.writeLong(fingerprint.size());
        out.writeLong(fingerprint.modifiedMillis());
        string(out, fingerprint.contentHash().hex());
    }

    private static Fingerprint fingerprint(Input in) throws IOException {
        return new Fingerprint(in.readLong(), in.readLong(), new ContentHash(string(in)));
    }

    private static void location(DataOutputStream out, SourceLocation location) throws IOException {
        string(out, location.file().value());
        out.writeInt(location.line());
        out.writeInt(location.column());
    }

    private static SourceLocation location(Input in) throws IOException {
        return new SourceLocation(new ProjectPath(string(in)), in.readInt(), in.readInt());
    }

    private static void definition(DataOutputStream out, ParsedDefinition definition) throws IOException {
        out.writeBoolean(definition instanceof ParsedOperation);
        string(out, definition.name());
        if (definition instanceof ParsedOperation operation) {
            string(out, operation.kind().name());
        } else {
            string(out, ((ParsedFragment) definition).typeCondition());
        }
        location(out, definition.location());
        out.writeInt(definition.depth());
        out.writeInt(definition.spreads().size());
        for (SpreadReference spread : definition.spreads()) {
            string(out, spread.fragmentName());
            location(out, spread.location());
            out.writeInt(spread.depth());
        }
    }

    private static ParsedDefinition definition(Input in) throws IOException {
        boolean operation = in.readBoolean();
        String name = string(in);
        String kindOrType = string(in);
        SourceLocation location = location(in);
        int depth = in.readInt();
        List<SpreadReference> spreads = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            spreads.add(new SpreadReference(string(in), location(in), in.readInt()));
        }
        return operation
                ? new ParsedOperation(name, OperationKind.valueOf(kindOrType), location, spreads, depth)
                : new ParsedFragment(name, kindOrType, location, spreads, depth);
    }

    private static void diagnostics(DataOutputStream out, List<Diagnostic> diagnostics) throws IOException {
        out.writeInt(diagnostics.size());
        for (Diagnostic diagnostic : diagnostics) {
            string(out, diagnostic.code().name());
            string(out, diagnostic.severity().name());
            out.writeBoolean(diagnostic.location().isPresent());
            if (diagnostic.location().isPresent()) {
                location(out, diagnostic.location().get());
            }
            string(out, diagnostic.message());
            string(out, diagnostic.hint());
            out.writeInt(diagnostic.related().size());
            for (SourceLocation related : diagnostic.related()) {
                location(out, related);
            }
        }
    }

    private static List<Diagnostic> diagnostics(Input in) throws IOException {
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            DiagnosticCode code = DiagnosticCode.valueOf(string(in));
            Severity severity = Severity.valueOf(string(in));
            Optional<SourceLocation> location = in.readBoolean() ? Optional.of(location(in)) : Optional.empty();
            String message = string(in);
            String hint = string(in);
            List<SourceLocation> related = new ArrayList<>();
            for (int r = in.readInt(); r > 0; r--) {
                related.add(location(in));
            }
            diagnostics.add(new Diagnostic(code, severity, location, message, hint, related));
        }
        return diagnostics;
    }

    private static void id(DataOutputStream out, DefinitionId id) throws IOException {
        string(out, id.file().value());
        string(out, id.name());
        string(out, id.kind().name());
    }

    private static DefinitionId id(Input in) throws IOException {
        return new DefinitionId(new ProjectPath(string(in)), string(in), DefinitionId.Kind.valueOf(string(in)));
    }

    private static void artifactEntry(DataOutputStream out, ArtifactOperation entry) throws IOException {
        string(out, entry.id().hex());
        string(out, entry.name());
        string(out, entry.kind().name());
        string(out, entry.document());
        string(out, entry.source().value());
        strings(out, entry.fragments());
        out.writeInt(entry.variables().size());
        for (VariableDeclaration variable : entry.variables()) {
            string(out, variable.name());
            string(out, variable.type());
            optional(out, variable.defaultValue());
        }
    }

    private static ArtifactOperation artifactEntry(Input in) throws IOException {
        ContentHash id = new ContentHash(string(in));
        String name = string(in);
        OperationKind kind = OperationKind.valueOf(string(in));
        String document = string(in);
        ProjectPath source = new ProjectPath(string(in));
        List<String> fragments = strings(in);
        List<VariableDeclaration> variables = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            variables.add(new VariableDeclaration(string(in), string(in), optional(in)));
        }
        return new ArtifactOperation(id, name, kind, document, source, fragments, variables);
    }

    private static void outputs(DataOutputStream out, List<OutputRecord> outputs) throws IOException {
        out.writeInt(outputs.size());
        for (OutputRecord output : outputs) {
            string(out, output.path().value());
            string(out, output.hash().hex());
            out.writeLong(output.size());
            out.writeLong(output.modifiedMillis());
        }
    }

    private static List<OutputRecord> outputs(Input in) throws IOException {
        List<OutputRecord> outputs = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            outputs.add(new OutputRecord(new ProjectPath(string(in)), new ContentHash(string(in)), in.readLong(), in.readLong()));
        }
        return outputs;
    }

    /**
     * The snapshot's bytes, read as {@link DataOutputStream} wrote them. Not a DataInputStream: a load decodes
     * tens of thousands of strings, and reading them in place, without a stream's copies and locks, took the
     * no-op load of artsy (3.2 MB) from 6 to 4 ms.
     */
    private static final class Input {
        private final java.nio.ByteBuffer buffer;

        Input(byte[] bytes, int length) {
            this.buffer = java.nio.ByteBuffer.wrap(bytes, 0, length);
        }

        int readInt() throws IOException {
            need(Integer.BYTES);
            return buffer.getInt();
        }

        long readLong() throws IOException {
            need(Long.BYTES);
            return buffer.getLong();
        }

        boolean readBoolean() throws IOException {
            need(1);
            return buffer.get() != 0;
        }

        /** The next byte, or -1 at the end. */
        int read() {
            return buffer.hasRemaining() ? buffer.get() & 0xFF : -1;
        }

        /** {@link DataOutputStream#writeUTF} of an ASCII text (the magic), read back. */
        String readUTF() throws IOException {
            need(2);
            int length = buffer.getShort() & 0xFFFF;
            need(length);
            String value = new String(buffer.array(), buffer.position(), length, StandardCharsets.ISO_8859_1);
            buffer.position(buffer.position() + length);
            return value;
        }

        String readString() throws IOException {
            int length = readInt();
            if (length < 0 || length > (1 << 28)) {
                throw new IOException("bad length " + length);
            }
            need(length);
            String value = new String(buffer.array(), buffer.position(), length, StandardCharsets.UTF_8);
            buffer.position(buffer.position() + length);
            return value;
        }

        private void need(int bytes) throws IOException {
            if (buffer.remaining() < bytes) {
                throw new java.io.EOFException("the snapshot ends early");
            }
        }
    }
}
