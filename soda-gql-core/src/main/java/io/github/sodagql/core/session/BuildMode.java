package io.github.sodagql.core.session;

import java.util.Objects;

/**
 * What a build could reuse, as the report states it: everything it could ({@link Incremental}), everything but
 * the schema's results ({@link SchemaChanged}), or nothing ({@link Full}, with why).
 */
public sealed interface BuildMode {

    /** The report's words for it: {@code incremental}, {@code incremental, schema changed} or {@code full: <reason>}. */
    String label();

    default boolean isFull() {
        return this instanceof Full;
    }

    /** Whether every definition was checked again: nothing of the last build's checks could be reused. */
    default boolean affectsEverything() {
        return !(this instanceof Incremental);
    }

    /** Nothing of the last build reused: there was none, it cannot be trusted, or a full build was asked for. */
    record Full(String reason) implements BuildMode {
        public Full {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String label() {
            return "full: " + reason;
        }
    }

    /** Only what changed, and what depends on it, was built again. */
    record Incremental() implements BuildMode {
        @Override
        public String label() {
            return "incremental";
        }
    }

    /** The schema changed: every definition was checked again, and outputs rewritten only where bytes differ. */
    record SchemaChanged() implements BuildMode {
        @Override
        public String label() {
            return "incremental, schema changed";
        }
    }
}
