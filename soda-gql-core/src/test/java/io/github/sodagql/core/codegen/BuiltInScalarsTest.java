package io.github.sodagql.core.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.sodagql.core.TestProject;
import io.github.sodagql.core.config.ScalarMapping;
import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.session.BuildResult;
import io.github.sodagql.core.session.BuilderSession;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scalar mappings that need no codec of the user's: JSON values passed through as {@code Object} or
 * {@code Map}, and the boxed numbers and {@code Boolean}. The generated code compiles with {@code -Werror}, decodes
 * what a JSON library gives, refuses wrong types and out-of-range numbers with the response path, and encodes
 * every value back as it came.
 */
class BuiltInScalarsTest {
    @TempDir
    static Path temporary;
    private static URLClassLoader loader;

    @BeforeAll
    static void buildAndCompile() throws Exception {
        TestProject project = TestProject.copyOf("codegen/scalars", temporary);
        SodaGqlConfig.Builder config = project.config();
        Map.of("JSON", "java.lang.Object", "JSONObject", " java.util.Map ", "PositiveInt", "java.lang.Integer",
                "SmallInt", "java.lang.Short", "Tiny", "java.lang.Byte", "Ratio", "java.lang.Float",
                "Weight", "java.lang.Double", "Flag", "java.lang.Boolean")
                .forEach((name, text) -> config.scalar(ScalarMapping.parse(name, text)));
        BuildResult result = new BuilderSession(config.build()).buildInitial();
        assertEquals(List.of(), result.diagnostics());
        Path classes = temporary.resolve("classes");
        assertEquals("", JavaSourceCompiler.compile(temporary.resolve("target/generated-sources/soda-gql"), classes, List.of()));
        loader = new URLClassLoader(new URL[] {classes.toUri().toURL()});
    }

    private static Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("raw", List.of(1, Map.of("a", true)));
        settings.put("values", Arrays.asList("x", null, 2.5));
        settings.put("object", Map.of("k", List.of("v")));
        settings.put("count", 7);
        settings.put("small", -300);
        settings.put("tiny", 127);
        settings.put("ratio", 0.5);
        settings.put("weight", 12.25);
        settings.put("flag", null);
        return settings;
    }

    private static Object decode(Map<String, Object> settings) throws Exception {
        Class<?> data = loader.loadClass("com.example.test.SettingsQuery$Data");
        try {
            return data.getMethod("fromMap", Map.class).invoke(null, Map.of("settings", settings));
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    private static Object component(Object record, String name) throws Exception {
        return record.getClass().getMethod(name).invoke(record);
    }

    @Test
    void jsonAndBoxedScalarsDecodeToTheirJavaTypesAndEncodeBack() throws Exception {
        Object data = decode(settings());
        Object settings = component(data, "settings");

        assertEquals(List.of(1, Map.of("a", true)), component(settings, "raw"));
        assertEquals(Map.of("k", List.of("v")), component(settings, "object"));
        assertEquals((short) -300, component(settings, "small"));
        assertEquals((byte) 127, component(settings, "tiny"));
        assertEquals(0.5f, component(settings, "ratio"));
        assertEquals(12.25, component(settings, "weight"));
        // Numbers come back as the mapped Java type gave them, as for the built-in scalars.
        Map<String, Object> encoded = settings();
        encoded.put("small", (short) -300);
        encoded.put("tiny", (byte) 127);
        encoded.put("ratio", 0.5f);
        assertEquals(Map.of("settings", encoded), data.getClass().getMethod("toMap").invoke(data));
    }

    @Test
    void componentsHaveTheMappedTypesNonNullOnesUnboxedLikeTheBuiltInInt() throws Exception {
        Class<?> settings = loader.loadClass("com.example.test.SettingsQuery$Data$Settings");

        assertEquals("java.lang.Object", settings.getMethod("raw").getGenericReturnType().getTypeName());
        assertEquals("java.util.List<java.lang.Object>", settings.getMethod("values").getGenericReturnType().getTypeName());
        assertEquals("java.util.Map<java.lang.String, java.lang.Object>",
                settings.getMethod("object").getGenericReturnType().getTypeName());
        assertEquals(int.class, settings.getMethod("count").getReturnType());
        assertEquals(Short.class, settings.getMethod("small").getReturnType());
        assertEquals(byte.class, settings.getMethod("tiny").getReturnType());
        assertEquals(Float.class, settings.getMethod("ratio").getReturnType());
        assertEquals(double.class, settings.getMethod("weight").getReturnType());
        assertEquals(Boolean.class, settings.getMethod("flag").getReturnType());
    }

    @Test
    void wrongTypesAndOutOfRangeNumbersFailWithThePath() {
        assertEquals("Expected an object at data.settings.object, got String {}",
                failure("object", "{}"));
        assertEquals("Expected a Short at data.settings.small, got 40000, outside [-32768, 32767]",
                failure("small", 40000));
        assertEquals("Expected a Byte at data.settings.tiny, got 128, outside [-128, 127]", failure("tiny", 128));
        assertEquals("Expected a Byte at data.settings.tiny, got 1.5", failure("tiny", 1.5));
        assertEquals("Expected a Float at data.settings.ratio, got 1.0E300, beyond the range of float",
                failure("ratio", 1e300));
        assertEquals("Expected an Int at data.settings.count, got String 7", failure("count", "7"));
        assertEquals("Expected a Boolean at data.settings.flag, got String yes", failure("flag", "yes"));
    }

    private static String failure(String field, Object value) {
        Map<String, Object> settings = settings();
        settings.put(field, value);
        return assertThrows(IllegalArgumentException.class, () -> decode(settings)).getMessage();
    }

    @Test
    void variablesOfJsonScalarsAreSentAsGiven() throws Exception {
        Class<?> variables = loader.loadClass("com.example.test.SaveMutation$Variables");
        Object builder = variables.getMethod("builder").invoke(null);
        Map<String, Object> payload = Map.of("deep", List.of(Map.of()));
        builder.getClass().getMethod("payload", Object.class).invoke(builder, payload);
        builder.getClass().getMethod("ratio", Float.class).invoke(builder, 0.25f);
        Object built = builder.getClass().getMethod("build").invoke(builder);

        assertEquals(Map.of("payload", payload, "ratio", 0.25f), variables.getMethod("toMap").invoke(built));
        assertEquals(true, Files.isRegularFile(temporary.resolve("target/generated-sources/soda-gql/com/example/test/SaveMutation.java")));
    }
}
