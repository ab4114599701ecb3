package io.github.sodagql.core.config;

import java.util.Arrays;
import java.util.Optional;

/** How the generated types say which values may be null, by the name users configure it with. */
public enum Nullability {
    /** Nothing is annotated: the generated code needs only the JDK. */
    NONE("none"),
    /**
     * JSpecify: the package is {@code @NullMarked} (a generated {@code package-info.java}) and every position that
     * may hold null is {@code @Nullable}. The annotations are needed to compile only.
     */
    JSPECIFY("jspecify");

    private final String configName;

    Nullability(String configName) {
        this.configName = configName;
    }

    /** The name in the {@code nullability} parameter. */
    public String configName() {
        return configName;
    }

    public static Optional<Nullability> named(String configName) {
        return Arrays.stream(values()).filter(mode -> mode.configName.equals(configName.strip())).findFirst();
    }
}
