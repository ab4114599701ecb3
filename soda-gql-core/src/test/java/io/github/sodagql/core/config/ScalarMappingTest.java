package io.github.sodagql.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScalarMappingTest {

    @Test
    void textNamesATypeOrATypeAndACodec() {
        assertEquals(new ScalarMapping("DateTime", "java.time.OffsetDateTime", Optional.empty()),
                ScalarMapping.parse("DateTime", " java.time.OffsetDateTime "));
        assertEquals(new ScalarMapping("Money", "com.acme.Money", Optional.of("com.acme.MoneyCodec")),
                ScalarMapping.parse("Money", "com.acme.Money : com.acme.MoneyCodec"));
    }

    @Test
    void aSecondColonStaysInTheCodecSoTheConfigReportsIt() {
        ScalarMapping mapping = ScalarMapping.parse("Money", "com.acme.Money:com.acme.Codec:extra");

        assertEquals(Optional.of("com.acme.Codec:extra"), mapping.codecClass());
        assertEquals(java.util.List.of("Configuration 'scalars' codec 'com.acme.Codec:extra' of scalar 'Money' is not a Java class name."),
                SodaGqlConfig.builder(java.nio.file.Path.of("/p").toAbsolutePath()).javaPackage("com.example")
                        .scalar(mapping).build().problems().stream().map(d -> d.message()).toList());
    }

    @Test
    void missingTextIsAnEmptyTypeThatTheConfigReports() {
        assertEquals(ScalarMapping.of("JSON", ""), ScalarMapping.parse("JSON", null));
    }
}
