package io.github.sodagql.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.github.sodagql.core.source.ContentHash;
import io.github.sodagql.core.source.ProjectPath;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The order of the schema caches, and that a cache that fails says so. */
class SchemaCacheTest {
    private static final String SDL = "type Query { a: Int }";
    private static final ContentHash HASH = ContentHash.of(SDL);
    private static final List<ProjectPath> SOURCES = List.of(ProjectPath.parse("schema.graphqls"));

    private final AtomicInteger parses = new AtomicInteger();
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());

    private SchemaLoadResult parse(Optional<ContentHash> validated) {
        parses.incrementAndGet();
        TypeDefinitionRegistry registry = new SchemaParser().parse(SDL);
        return new SchemaLoadResult(Optional.of(new LoadedSchema(UnExecutableSchemaGenerator.makeUnExecutableSchema(registry),
                HASH, SOURCES)), List.of(), Optional.of(registry));
    }

    private static SchemaCache.Recent nothingRecent() {
        return new SchemaCache.Recent() {
            @Override
            public Optional<LoadedSchema> recall(ContentHash contentHash, List<ProjectPath> sources) {
                return Optional.empty();
            }

            @Override
            public void remember(LoadedSchema schema) {}
        };
    }

    private static SchemaCache.Saved saved(Optional<TypeDefinitionRegistry> registry, boolean saveFails) {
        return new SchemaCache.Saved() {
            @Override
            public Optional<TypeDefinitionRegistry> load(ContentHash contentHash, List<String> debugNotes) {
                return registry;
            }

            @Override
            public void save(ContentHash contentHash, TypeDefinitionRegistry parsed) throws IOException {
                if (saveFails) {
                    throw new IOException("disk full");
                }
            }
        };
    }

    private static SchemaCache.Known unchanged() {
        return new SchemaCache.Known(Optional.of(HASH), SOURCES, List.of());
    }

    @Test
    void aChangedSchemaIsParsedAndASaveThatFailsIsNoted() {
        SchemaCache cache = new SchemaCache(nothingRecent(), saved(Optional.empty(), true), Runnable::run);

        SchemaCache.Loaded loaded = cache.load(new SchemaCache.Known(Optional.empty(), SOURCES, List.of()), this::parse, notes);
        cache.awaitSave();

        assertTrue(loaded.parsed());
        assertEquals(1, parses.get());
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("cannot save the parsed schema"), notes.get(0));
    }

    @Test
    void anUnchangedSchemaComesFromTheSessionThenFromTheSavedParseWithoutParsing() {
        SchemaCache cache = new SchemaCache(nothingRecent(), saved(Optional.of(new SchemaParser().parse(SDL)), false),
                Runnable::run);

        SchemaCache.Loaded fromSaved = cache.load(unchanged(), this::parse, notes);
        SchemaCache.Loaded fromSession = cache.load(unchanged(), this::parse, notes);

        assertFalse(fromSaved.parsed());
        assertFalse(fromSession.parsed());
        assertEquals(0, parses.get());
        assertEquals(List.of(), notes);
    }

    @Test
    void aSavedParseThatDoesNotBuildIsNotedAndTheFilesAreParsed() {
        // A registry without a query type cannot become a schema.
        SchemaCache cache = new SchemaCache(nothingRecent(), saved(Optional.of(new SchemaParser().parse("type Other { a: Int }")),
                false), Runnable::run);

        SchemaCache.Loaded loaded = cache.load(unchanged(), this::parse, notes);

        assertTrue(loaded.parsed());
        assertEquals(1, parses.get());
        assertTrue(notes.stream().anyMatch(note -> note.startsWith("the saved schema parse does not build")), notes.toString());
    }
}
