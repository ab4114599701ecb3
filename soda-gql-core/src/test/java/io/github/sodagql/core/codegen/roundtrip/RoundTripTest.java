package io.github.sodagql.core.codegen.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * Real execution round trips of every operation of the three it-fixtures: the generated sources are
 * compiled and loaded, each operation's {@code DOCUMENT} and {@code Variables.toMap()} are executed by a
 * graphql-java engine over the fixture's schema and in-memory data, and the {@code data} is decoded with
 * the generated {@code Data.fromMap}.
 *
 * <p>The field-by-field checks are typed Java against the generated API, in
 * {@code src/test/resources/codegen/roundtrip/<Fixture>Checks.java}, compiled together with the generated
 * classes at test time; every {@code public static void name(Engine)} method there is one test here.
 */
class RoundTripTest {
    /** A fixture and the server that serves its schema. */
    private record Fixture(String name, Function<Path, Engine> server) {}

    private static final List<Fixture> FIXTURES = List.of(
            new Fixture("small-app", SmallAppServer::start),
            new Fixture("medium-app", MediumAppServer::start),
            new Fixture("large-app", LargeAppServer::start));

    /**
     * Where {@code Data.fromMap(data).toMap()} is known to differ from the engine's data because of a
     * generator bug, by fixture and operation: the expected differences. Fixing the bug makes the test
     * fail here, so the entry must then be removed.
     */
    private static final Map<String, List<String>> KNOWN_TO_MAP_DIFFERENCES = Map.of();

    @TempDir
    static Path work;

    /** Each fixture generated, compiled and loaded once; a fixture that fails to build fails only its own tests. */
    private static final Map<String, Object> BUILT = new HashMap<>();

    @TestFactory
    Stream<DynamicNode> everyOperationOfTheRegistryIsInTheFixtureDocumentsAndHasSampleVariables() {
        return perFixture((fixture, compiled) -> DynamicTest.dynamicTest(fixture.name(), () -> {
            Set<String> registry = new TreeSet<>();
            for (Object operation : operations(compiled)) {
                registry.add((String) call(operation, "name"));
            }
            assertEquals(operationNamesInDocuments(compiled), registry, "Operations.all()");
            assertEquals(registry, new TreeSet<>(sampleVariables(compiled).keySet()), "sampleVariables()");
        }));
    }

    @TestFactory
    Stream<DynamicNode> everyOperationExecutesWithoutErrorsAndDecodesBackToTheEngineData() {
        return perFixture((fixture, compiled) -> DynamicContainer.dynamicContainer(fixture.name(),
                operations(compiled).stream().map(operation -> named(fixture, (String) call(operation, "name"),
                        () -> executeAndDecode(fixture, compiled, operation)))));
    }

    @TestFactory
    Stream<DynamicNode> fieldByFieldChecks() {
        return perFixture((fixture, compiled) -> {
            String source = compiled.checksSource();
            List<Method> checks = Arrays.stream(compiled.checks().getMethods())
                    .filter(m -> Modifier.isStatic(m.getModifiers()) && m.getReturnType() == void.class
                            && Arrays.equals(m.getParameterTypes(), new Class<?>[] {Engine.class}))
                    .sorted(Comparator.comparingInt(m -> source.indexOf(" void " + m.getName() + "(")))
                    .toList();
            assertFalse(checks.isEmpty(), "No checks for " + fixture.name());
            return DynamicContainer.dynamicContainer(fixture.name(), checks.stream().map(check -> named(fixture,
                    check.getName(), () -> invoke(check, null, fixture.server().apply(compiled.schema())))));
        });
    }

    /**
     * A dynamic test whose failure message starts with the fixture and test name: build reports show
     * dynamic tests by index only.
     */
    private static DynamicTest named(Fixture fixture, String name, Executable body) {
        String prefix = fixture.name() + " " + name + ": ";
        return DynamicTest.dynamicTest(name, () -> {
            try {
                body.execute();
            } catch (AssertionFailedError e) {
                throw e.isExpectedDefined() && e.isActualDefined()
                        ? new AssertionFailedError(prefix + e.getMessage(), e.getExpected().getValue(), e.getActual().getValue(), e)
                        : new AssertionFailedError(prefix + e.getMessage(), e);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionFailedError(prefix + e, e);
            }
        });
    }

    /** One node per fixture; a fixture that does not build becomes a failing test of that name. */
    private static Stream<DynamicNode> perFixture(BiFunction<Fixture, CompiledFixture, DynamicNode> nodes) {
        return FIXTURES.stream().map(fixture -> {
            Object built;
            synchronized (BUILT) {
                built = BUILT.computeIfAbsent(fixture.name(), name -> {
                    try {
                        return CompiledFixture.build(name, work);
                    } catch (RuntimeException | AssertionError e) {
                        return e;
                    }
                });
            }
            if (built instanceof Throwable failure) {
                return DynamicTest.dynamicTest(fixture.name() + " builds", () -> {
                    throw failure;
                });
            }
            return nodes.apply(fixture, (CompiledFixture) built);
        });
    }

    /**
     * Executes one operation with its sample variables and decodes the result; a subscription is executed
     * for real and every event it publishes is decoded.
     */
    private static void executeAndDecode(Fixture fixture, CompiledFixture compiled, Object operation) {
        String name = (String) call(operation, "name");
        String kind = (String) call(operation, "kind");
        Class<?> type = compiled.generatedClass(name + Character.toUpperCase(kind.charAt(0)) + kind.substring(1));
        String document = (String) staticField(type, "DOCUMENT");
        assertEquals(call(operation, "document"), document, "document() returns DOCUMENT");
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = (Map<String, Object>) call(sampleVariables(compiled).get(name), "toMap");
        Method fromMap = method(compiled.generatedClass(type.getSimpleName() + "$Data"), "fromMap", Map.class);
        Engine engine = fixture.server().apply(compiled.schema());

        List<Map<String, Object>> responses = kind.equals("subscription")
                ? engine.subscribe(document, variables)
                : List.of(engine.execute(document, variables));

        assertFalse(responses.isEmpty(), "the subscription published no event");
        for (Map<String, Object> data : responses) {
            Object decoded = invoke(fromMap, null, data);
            assertEquals(KNOWN_TO_MAP_DIFFERENCES.getOrDefault(fixture.name() + "/" + name, List.of()),
                    differences(data, call(decoded, "toMap"), "data"), "Data.fromMap(data).toMap() against data");
        }
    }

    /**
     * Where {@code actual} differs from {@code expected}, one line per path. Maps compare by keys (order
     * does not matter); scalars by equals, so an Integer where the engine gave a Long would show.
     */
    private static List<String> differences(Object expected, Object actual, String path) {
        List<String> differences = new ArrayList<>();
        if (expected instanceof Map<?, ?> map && actual instanceof Map<?, ?> other) {
            for (Object key : map.keySet()) {
                if (!other.containsKey(key)) {
                    differences.add(path + "." + key + " is missing");
                } else {
                    differences.addAll(differences(map.get(key), other.get(key), path + "." + key));
                }
            }
            other.keySet().stream().filter(key -> !map.containsKey(key))
                    .forEach(key -> differences.add(path + "." + key + " is extra"));
        } else if (expected instanceof List<?> list && actual instanceof List<?> other && list.size() == other.size()) {
            for (int i = 0; i < list.size(); i++) {
                differences.addAll(differences(list.get(i), other.get(i), path + "[" + i + "]"));
            }
        } else if (!Objects.equals(expected, actual) || expected != null && expected.getClass() != actual.getClass()) {
            differences.add(path + ": " + describe(expected) + " became " + describe(actual));
        }
        return differences;
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
    }

    private static List<?> operations(CompiledFixture fixture) {
        return (List<?>) invoke(method(fixture.generatedClass("Operations"), "all"), null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sampleVariables(CompiledFixture fixture) {
        return (Map<String, Object>) invoke(method(fixture.checks(), "sampleVariables"), null);
    }

    /** The names of the operations written in the fixture's documents. */
    private static Set<String> operationNamesInDocuments(CompiledFixture fixture) throws IOException {
        Pattern definition = Pattern.compile("(?m)^(?:query|mutation|subscription)\\s+(\\w+)");
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(fixture.schema().getParent())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".graphql")).toList()) {
                Matcher matcher = definition.matcher(Files.readString(file));
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return names;
    }

    private static Object staticField(Class<?> type, String name) {
        try {
            return type.getField(name).get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(type.getSimpleName() + " has no public " + name, e);
        }
    }

    /** Calls a public no-argument method through the public type that declares it. */
    private static Object call(Object target, String name) {
        return invoke(publicMethod(target.getClass(), name), target);
    }

    private static Method publicMethod(Class<?> type, String name) {
        for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
            if (Modifier.isPublic(candidate.getModifiers())) {
                try {
                    return candidate.getMethod(name);
                } catch (NoSuchMethodException e) {
                    // look further up
                }
            }
            for (Class<?> implemented : candidate.getInterfaces()) {
                if (Modifier.isPublic(implemented.getModifiers())) {
                    try {
                        return implemented.getMethod(name);
                    } catch (NoSuchMethodException e) {
                        // look further
                    }
                }
            }
        }
        throw new AssertionError("No public " + name + "() on " + type.getName());
    }

    private static Method method(Class<?> type, String name, Class<?>... parameters) {
        try {
            return type.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(type.getName() + " has no public " + name, e);
        }
    }

    private static Object invoke(Method method, Object target, Object... arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new AssertionError(cause);
        }
    }
}
