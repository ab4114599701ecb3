package io.github.sodagql.core.config;

import java.util.Objects;
import java.util.Optional;

/** How one custom GraphQL scalar maps to Java: a type, and optionally a codec class that converts it. */
public record ScalarMapping(String graphqlName, String javaType, Optional<String> codecClass) {

    public ScalarMapping {
        Objects.requireNonNull(graphqlName, "graphqlName");
        Objects.requireNonNull(javaType, "javaType");
        Objects.requireNonNull(codecClass, "codecClass");
    }

    public static ScalarMapping of(String graphqlName, String javaType) {
        return new ScalarMapping(graphqlName, javaType, Optional.empty());
    }

    /**
     * The mapping that the text form {@code java.Type} or {@code java.Type:codec.Class} gives {@code graphqlName}
     * (the Maven plugin's {@code <Name>text</Name>}, the command line's {@code --scalar Name=text}). Blanks around
     * each part are ignored. Names are not checked here: {@link SodaGqlConfig#problems()} reports a bad one as
     * {@code CONFIG_INVALID}, like every other field.
     */
    public static ScalarMapping parse(String graphqlName, String text) {
        String trimmed = text == null ? "" : text.strip();
        int colon = trimmed.indexOf(':');
        return colon < 0
                ? of(graphqlName.strip(), trimmed)
                : new ScalarMapping(graphqlName.strip(), trimmed.substring(0, colon).strip(),
                        Optional.of(trimmed.substring(colon + 1).strip()));
    }
}
