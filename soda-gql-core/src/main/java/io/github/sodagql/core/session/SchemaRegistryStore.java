package io.github.sodagql.core.session;

import graphql.schema.idl.TypeDefinitionRegistry;
import io.github.sodagql.core.output.OutputWriter;
import io.github.sodagql.core.source.ContentHash;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The parsed schema of the last build that loaded one, next to the snapshot: an edit in a new JVM (every
 * {@code mvn} run) reads it back in a fifth of the time graphql-java takes to parse the SDL again. It is only
 * a cache: it is used when its schema hash is the snapshot's and the schema files' fingerprints are
 * unchanged; anything else (missing, damaged, another graphql-java) means parsing the schema, silently.
 *
 * <p>graphql-java's syntax tree is {@link java.io.Serializable}, which is why this uses Java serialization;
 * the filter admits only graphql-java's and the JDK's own value classes, so the file cannot make the build
 * instantiate anything else.
 */
final class SchemaRegistryStore {
    static final String FILE = "schema.bin";
    private static final String MAGIC = "soda-gql schema registry 1";
    private static final ObjectInputFilter ONLY_SYNTAX_TREES = ObjectInputFilter.Config.createFilter(
            "maxdepth=200;graphql.**;java.util.**;java.lang.**;java.math.BigInteger;java.math.BigDecimal;!*");

    private SchemaRegistryStore() {}

    static void save(Path stateDirectory, ContentHash schemaHash, TypeDefinitionRegistry registry) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (DataOutputStream header = new DataOutputStream(bytes)) {
            header.writeUTF(MAGIC);
            header.writeUTF(CompilerVersion.CURRENT);
            header.writeUTF(schemaHash.hex());
            try (ObjectOutputStream out = new ObjectOutputStream(header)) {
                out.writeObject(registry);
            }
        }
        OutputWriter.writeAtomically(stateDirectory.resolve(FILE), SnapshotStore.sealed(bytes.toByteArray()));
    }

    /** The registry saved for {@code schemaHash} by this compiler version, if the file holds exactly that. */
    static Optional<TypeDefinitionRegistry> load(Path stateDirectory, ContentHash schemaHash) {
        try {
            byte[] whole = Files.readAllBytes(stateDirectory.resolve(FILE));
            if (!SnapshotStore.intact(whole)) {
                return Optional.empty();
            }
            DataInputStream header = new DataInputStream(new ByteArrayInputStream(whole, 0, whole.length - Long.BYTES));
            if (!MAGIC.equals(header.readUTF()) || !CompilerVersion.CURRENT.equals(header.readUTF())
                    || !schemaHash.hex().equals(header.readUTF())) {
                return Optional.empty();
            }
            try (ObjectInputStream in = new ObjectInputStream(header)) {
                in.setObjectInputFilter(ONLY_SYNTAX_TREES);
                return in.readObject() instanceof TypeDefinitionRegistry registry ? Optional.of(registry) : Optional.empty();
            }
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            // A cache miss, whatever the reason: the schema is parsed from its files instead.
            return Optional.empty();
        }
    }
}
