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
import java.util.List;
import java.util.Optional;

/**
 * The parsed schema of the last build that loaded one, next to the snapshot: an edit in a new JVM (every
 * {@code mvn} run) reads it back in a fifth of the time graphql-java takes to parse the SDL again. It is only
 * a cache: it is used when its schema hash is the snapshot's and the schema files' fingerprints are
 * unchanged; anything else (missing, damaged, another graphql-java) means parsing the schema, silently.
 *
 * <p>graphql-java's syntax tree is {@link java.io.Serializable}, which is why this uses Java serialization;
 * the filter admits only graphql-java's and the JDK's own value classes, so the file cannot make the build
 * instantiate anything else. The file is untrusted (its checksum is easy to forge), and a stream of a few hundred
 * objects can still cost centuries: nested hash sets whose elements share children make every {@code hashCode}
 * exponential. So reading is bounded three ways: the filter's limits (depth, references, array length, bytes);
 * {@link BoundedInput}, which refuses any collection whose hashing would visit more than {@link
 * #MAX_HASH_COST} elements, before a set or map gets to hash it; and a time bound, past which the cache is a miss.
 * Our own format instead (as the snapshot has) would need a writer and a reader for each of graphql-java's
 * forty-odd syntax node classes, to be kept in step with every graphql-java release: more risk than these bounds.
 */
final class SchemaRegistryStore {
    static final String FILE = "schema.bin";
    private static final String MAGIC = "soda-gql schema registry 1";
    private static final String SYNTAX_TREE_CLASSES =
            "graphql.**;java.util.**;java.lang.**;java.math.BigInteger;java.math.BigDecimal;!*";
    /** The most elements hashing one collection may visit; a real schema's largest map is far below. */
    static final long MAX_HASH_COST = 1_000_000;
    /** Past this, a read is abandoned as a miss (a real schema's takes well under a second). */
    static final long MAX_READ_MILLIS = 20_000;

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

    /**
     * The registry saved for {@code schemaHash} by this compiler version, if the file holds exactly that and can be
     * read within {@link #MAX_READ_MILLIS}.
     */
    static Optional<TypeDefinitionRegistry> load(Path stateDirectory, ContentHash schemaHash) {
        return load(stateDirectory, schemaHash, java.util.Collections.synchronizedList(new java.util.ArrayList<>()));
    }

    /** As {@link #load(Path, ContentHash)}; a miss for any reason but an absent or other schema's file is noted. */
    static Optional<TypeDefinitionRegistry> load(Path stateDirectory, ContentHash schemaHash, List<String> debugNotes) {
        java.util.concurrent.CompletableFuture<Optional<TypeDefinitionRegistry>> read = new java.util.concurrent.CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                read.complete(read(stateDirectory, schemaHash, debugNotes));
            } catch (Throwable e) {
                debugNotes.add("cannot read " + FILE + " (" + e + ")");
                read.complete(Optional.empty());
            }
        }, "soda-gql-schema-cache");
        reader.setDaemon(true);
        reader.start();
        try {
            return read.get(MAX_READ_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            // The reader cannot be stopped safely; it is a daemon, and the file it chokes on goes, so no later
            // build starts another.
            debugNotes.add("gave up reading " + FILE + " after " + MAX_READ_MILLIS + " ms; deleting it");
            reader.interrupt();
            try {
                Files.deleteIfExists(stateDirectory.resolve(FILE));
            } catch (IOException deletion) {
                // Still a miss.
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Optional<TypeDefinitionRegistry> read(Path stateDirectory, ContentHash schemaHash, List<String> debugNotes) {
        try {
            byte[] whole = Files.readAllBytes(stateDirectory.resolve(FILE));
            if (!SnapshotStore.intact(whole)) {
                debugNotes.add(FILE + " fails its checksum; parsing the schema instead");
                return Optional.empty();
            }
            DataInputStream header = new DataInputStream(new ByteArrayInputStream(whole, 0, whole.length - Long.BYTES));
            if (!MAGIC.equals(header.readUTF()) || !CompilerVersion.CURRENT.equals(header.readUTF())
                    || !schemaHash.hex().equals(header.readUTF())) {
                return Optional.empty();
            }
            try (ObjectInputStream in = new BoundedInput(header)) {
                in.setObjectInputFilter(ObjectInputFilter.Config.createFilter("maxdepth=200;maxrefs=" + whole.length
                        + ";maxarray=" + whole.length + ";maxbytes=" + whole.length + ";" + SYNTAX_TREE_CLASSES));
                return in.readObject() instanceof TypeDefinitionRegistry registry ? Optional.of(registry) : Optional.empty();
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | ClassNotFoundException | RuntimeException | StackOverflowError e) {
            // A cache miss, whatever the reason: the schema is parsed from its files instead. Noted, so that a
            // bug behind the miss shows.
            debugNotes.add("cannot read " + FILE + " (" + e + "); parsing the schema instead");
            return Optional.empty();
        }
    }

    /**
     * Checks every collection and map as it is read, before anything can hash it: the elements its {@code hashCode}
     * (and a deep {@code equals}) would visit, counted once per object with the counts of what it holds, may not
     * pass {@link #MAX_HASH_COST}. Objects are resolved children first, so each count costs its direct elements.
     */
    private static final class BoundedInput extends ObjectInputStream {
        private final java.util.IdentityHashMap<Object, Long> costs = new java.util.IdentityHashMap<>();

        BoundedInput(java.io.InputStream in) throws IOException {
            super(in);
            enableResolveObject(true);
        }

        @Override
        protected Object resolveObject(Object object) throws IOException {
            if (object instanceof java.util.Map.Entry<?, ?> entry) {
                costs.put(object, Long.MAX_VALUE);
                long cost = 1 + costOf(entry.getKey()) + costOf(entry.getValue());
                if (cost > MAX_HASH_COST) {
                    throw new java.io.InvalidObjectException("an entry too costly to hash");
                }
                costs.put(object, cost);
            } else if (object instanceof java.util.Collection<?> || object instanceof java.util.Map<?, ?>) {
                costs.put(object, Long.MAX_VALUE); // a collection that holds itself costs as much as it can
                long cost = 1;
                Iterable<?> elements = object instanceof java.util.Map<?, ?> map ? map.entrySet() : (java.util.Collection<?>) object;
                for (Object element : elements) {
                    cost += element instanceof java.util.Map.Entry<?, ?> entry ? costOf(entry.getKey()) + costOf(entry.getValue())
                            : costOf(element);
                    if (cost > MAX_HASH_COST) {
                        throw new java.io.InvalidObjectException("a collection too costly to hash");
                    }
                }
                costs.put(object, cost);
            }
            return object;
        }

        private long costOf(Object element) {
            Long cost = costs.get(element);
            return cost == null ? 1 : cost;
        }
    }
}
