package io.github.sodagql.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sodagql.core.config.ScalarMapping;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GenerateMojoTest {

    @Test
    void scalarMapsToATypeOrToATypeAndACodec() {
        assertEquals(new ScalarMapping("DateTime", "java.time.OffsetDateTime", Optional.empty()),
                GenerateMojo.scalarMapping("DateTime", " java.time.OffsetDateTime "));
        assertEquals(new ScalarMapping("Money", "com.acme.Money", Optional.of("com.acme.MoneyCodec")),
                GenerateMojo.scalarMapping("Money", "com.acme.Money : com.acme.MoneyCodec"));
    }
}
