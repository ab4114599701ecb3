package io.github.sodagql.core.session;

import io.github.sodagql.core.schema.LoadedSchema;
import io.github.sodagql.core.source.ContentHash;
import io.github.sodagql.core.source.ProjectPath;
import java.lang.ref.SoftReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The schemas this JVM loaded lately, by content hash, for every session in it: a build in a JVM that stays
 * (the Maven daemon, an IDE, a reactor whose modules share one schema) does not build the same schema twice.
 * A schema is immutable and only read, so sessions may share it; the references are soft, so memory pressure
 * empties this before it fails a build.
 */
final class SchemaMemory {
    private static final int CAPACITY = 4;
    private static final Map<ContentHash, SoftReference<LoadedSchema>> RECENT = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ContentHash, SoftReference<LoadedSchema>> eldest) {
            return size() > CAPACITY;
        }
    };

    private SchemaMemory() {}

    /** The schema loaded from {@code sources} with this content hash, if this JVM still holds it. */
    static synchronized Optional<LoadedSchema> recall(ContentHash contentHash, List<ProjectPath> sources) {
        SoftReference<LoadedSchema> reference = RECENT.get(contentHash);
        LoadedSchema schema = reference == null ? null : reference.get();
        return schema != null && schema.sources().equals(sources) ? Optional.of(schema) : Optional.empty();
    }

    static synchronized void remember(LoadedSchema schema) {
        RECENT.put(schema.contentHash(), new SoftReference<>(schema));
    }

    /** For tests that count what a build in a new JVM would do. */
    static synchronized void forget() {
        RECENT.clear();
    }
}
