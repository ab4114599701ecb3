package io.github.sodagql.core.schema;

import graphql.schema.idl.TypeDefinitionRegistry;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.source.ContentHash;
import io.github.sodagql.core.source.ProjectPath;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The one way to a schema whose files did not change: this session's last schema, else one this JVM loaded
 * lately ({@link Recent}), else the parse saved beside the snapshot ({@link Saved}), not validated again; only
 * then are the files parsed, and that parse is saved on its own thread for the next build. A cache never fails
 * a build: what goes wrong in one is a debug note, and the files are parsed instead.
 *
 * <p>The stores are the session's (it alone holds state between builds); this class holds the policy.
 */
public final class SchemaCache {

    /** The schemas this JVM loaded lately, by content hash. */
    public interface Recent {
        Optional<LoadedSchema> recall(ContentHash contentHash, List<ProjectPath> sources);

        void remember(LoadedSchema schema);
    }

    /** The parse of the schema saved beside the snapshot, for a build in a new JVM. */
    public interface Saved {
        Optional<TypeDefinitionRegistry> load(ContentHash contentHash, List<String> debugNotes);

        void save(ContentHash contentHash, TypeDefinitionRegistry parsed) throws IOException;
    }

    /**
     * What the last build knew of the schema.
     *
     * @param unchanged the content hash of the schema, when it loaded then and its files have not changed since
     * @param sources its files
     * @param diagnostics its problems (warnings) then
     */
    public record Known(Optional<ContentHash> unchanged, List<ProjectPath> sources, List<Diagnostic> diagnostics) {
        public Known {
            sources = List.copyOf(sources);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /** The schema, and whether its files were parsed to get it. */
    public record Loaded(SchemaLoadResult result, boolean parsed) {}

    private final Recent recent;
    private final Saved saved;
    private final Executor background;
    private Optional<LoadedSchema> last = Optional.empty();
    private CompletableFuture<Void> saving = CompletableFuture.completedFuture(null);

    public SchemaCache(Recent recent, Saved saved, Executor background) {
        this.recent = recent;
        this.saved = saved;
        this.background = background;
    }

    /**
     * The schema: from a cache when {@code known} says it did not change, else by {@code parse}.
     *
     * @param parse loads the schema from its files; given the hash of a schema validated before, when there is one
     */
    public Loaded load(Known known, java.util.function.Function<Optional<ContentHash>, SchemaLoadResult> parse,
            List<String> debugNotes) {
        Optional<ContentHash> validated = known.unchanged();
        if (validated.isPresent() && validated.equals(last.map(LoadedSchema::contentHash))) {
            return new Loaded(new SchemaLoadResult(last, known.diagnostics()), false);
        }
        Optional<LoadedSchema> remembered = validated.flatMap(hash -> recent.recall(hash, known.sources()));
        if (remembered.isPresent()) {
            last = remembered;
            return new Loaded(new SchemaLoadResult(remembered, known.diagnostics()), false);
        }
        Optional<SchemaLoadResult> fromSaved = validated.flatMap(hash -> saved.load(hash, debugNotes)
                .flatMap(registry -> fromSaved(registry, hash, known, debugNotes)));
        SchemaLoadResult result = fromSaved.orElseGet(() -> parse.apply(validated));
        last = result.schema();
        result.schema().ifPresent(recent::remember);
        if (result.schema().isPresent() && result.parsed().isPresent()) {
            ContentHash hash = result.schema().get().contentHash();
            TypeDefinitionRegistry parsed = result.parsed().get();
            saving = CompletableFuture.runAsync(() -> {
                try {
                    saved.save(hash, parsed);
                } catch (IOException | RuntimeException | StackOverflowError e) {
                    // Only a cache (a schema nested too deep for serialization included): the next build
                    // parses the schema instead.
                    synchronized (debugNotes) {
                        debugNotes.add("cannot save the parsed schema (" + e + "); the next build parses it again");
                    }
                }
            }, background);
        }
        return new Loaded(result, fromSaved.isEmpty());
    }

    /** Waits for the saving of the last parse, if one is running; it never fails. */
    public void awaitSave() {
        saving.handle((done, problem) -> null).join();
    }

    /** The schema from a saved parse; empty, so that the files are parsed, if that parse does not build. */
    private static Optional<SchemaLoadResult> fromSaved(TypeDefinitionRegistry parse, ContentHash hash, Known known,
            List<String> debugNotes) {
        try {
            return Optional.of(SchemaLoader.fromParsed(parse, hash, known.sources(), known.diagnostics()));
        } catch (RuntimeException | StackOverflowError e) {
            debugNotes.add("the saved schema parse does not build (" + e + "); parsing the files instead");
            return Optional.empty();
        }
    }
}
