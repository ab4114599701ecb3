package io.github.sodagql.core.codegen.roundtrip;

import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLScalarType;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.TypeRuntimeWiring;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * The in-memory server of a fixture: data as {@code Map}s (graphql-java's default data fetcher reads a
 * field from the map key of the same name), data fetchers for fields with arguments and for mutations and
 * subscriptions, and type resolvers reading the {@link #TYPE} key. Every registered fetcher records the
 * arguments it receives, so a test can see what the engine made of absent, null and given variables.
 */
abstract class FixtureServer {
    /** The map key naming an object's concrete GraphQL type, for interfaces and unions. */
    static final String TYPE = "@type";

    /** {@code DateTime}: an ISO-8601 string with offset on the wire, an OffsetDateTime (or string) in the data. */
    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
            .name("DateTime")
            .coercing(new Coercing<OffsetDateTime, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    try {
                        OffsetDateTime time = value instanceof OffsetDateTime t ? t : OffsetDateTime.parse((String) value);
                        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
                    } catch (ClassCastException | DateTimeParseException e) {
                        throw new CoercingSerializeException("Not a DateTime: " + value, e);
                    }
                }

                @Override
                public OffsetDateTime parseValue(Object value, GraphQLContext context, Locale locale) {
                    try {
                        return OffsetDateTime.parse((String) value);
                    } catch (ClassCastException | DateTimeParseException e) {
                        throw new CoercingParseValueException("Not a DateTime: " + value, e);
                    }
                }

                @Override
                public OffsetDateTime parseLiteral(Value<?> literal, CoercedVariables variables, GraphQLContext context,
                        Locale locale) {
                    try {
                        return OffsetDateTime.parse(((StringValue) literal).getValue());
                    } catch (ClassCastException | DateTimeParseException e) {
                        throw new CoercingParseLiteralException("Not a DateTime: " + literal, e);
                    }
                }
            })
            .build();

    private final Map<String, TypeRuntimeWiring.Builder> types = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> received = Collections.synchronizedMap(new LinkedHashMap<>());

    /** Registers the data fetcher of {@code type.field}; the arguments it receives are recorded. */
    protected final void field(String type, String field, DataFetcher<?> fetcher) {
        types.computeIfAbsent(type, TypeRuntimeWiring::newTypeWiring).dataFetcher(field, env -> {
            received.put(type + "." + field, Collections.unmodifiableMap(new LinkedHashMap<>(env.getArguments())));
            return fetcher.get(env);
        });
    }

    /** Resolves an interface or union from the {@link #TYPE} key of the object. */
    protected final void abstractType(String name) {
        types.computeIfAbsent(name, TypeRuntimeWiring::newTypeWiring)
                .typeResolver(env -> env.getSchema().getObjectType((String) ((Map<?, ?>) env.getObject()).get(TYPE)));
    }

    /**
     * The engine over {@code schema} plus {@code extraSdl} (what a newer server added, if anything).
     *
     * @param newer the engine {@link Engine#newerServer()} gives, or null
     */
    protected final Engine start(Path schema, String extraSdl, Supplier<Engine> newer) {
        try {
            TypeDefinitionRegistry registry = new SchemaParser().parse(Files.readString(schema) + "\n" + extraSdl);
            RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
            if (registry.scalars().containsKey("DateTime")) {
                wiring.scalar(DATE_TIME);
            }
            types.values().forEach(wiring::type);
            return new Engine(GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(registry, wiring.build())).build(),
                    received, newer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An object of the data: key, value, key, value, ... */
    protected static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** An object of an interface or union member type. */
    protected static Map<String, Object> typed(String type, Object... keysAndValues) {
        Map<String, Object> map = object(keysAndValues);
        map.put(TYPE, type);
        return map;
    }

    /** A copy of {@code base} with some keys replaced. */
    protected static Map<String, Object> with(Map<String, Object> base, Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>(base);
        map.putAll(object(keysAndValues));
        return map;
    }

    @SafeVarargs
    protected static <T> List<T> list(T... items) {
        List<T> list = new ArrayList<>(items.length);
        for (T item : items) {
            list.add(item);
        }
        return Collections.unmodifiableList(list);
    }

    /** A member object of {@code object}; the data are built by hand, so the cast holds. */
    @SuppressWarnings("unchecked")
    protected static Map<String, Object> map(Map<String, Object> object, String key) {
        return (Map<String, Object>) object.get(key);
    }

    /** A member list of objects of {@code object}. */
    @SuppressWarnings("unchecked")
    protected static List<Map<String, Object>> maps(Map<String, Object> object, String key) {
        return (List<Map<String, Object>>) object.get(key);
    }

    /** The object whose field is being fetched. */
    protected static Map<String, Object> parent(DataFetchingEnvironment env) {
        return env.getSource();
    }

    protected static String text(Map<String, Object> object, String key) {
        return (String) object.get(key);
    }

    protected static int number(Map<String, Object> object, String key) {
        return (Integer) object.get(key);
    }

    /** Relay-style pagination over {@code items}: {@code after} is the id of the last item seen. */
    protected static Map<String, Object> connection(List<Map<String, Object>> items, Integer first, String after) {
        int start = 0;
        if (after != null) {
            for (int i = 0; i < items.size(); i++) {
                if (after.equals(items.get(i).get("id"))) {
                    start = i + 1;
                }
            }
        }
        int end = first == null ? items.size() : Math.min(items.size(), start + first);
        List<Map<String, Object>> edges = new ArrayList<>();
        for (Map<String, Object> item : items.subList(Math.min(start, end), end)) {
            edges.add(object("cursor", item.get("id"), "node", item));
        }
        return object(
                "edges", edges,
                "totalCount", items.size(),
                "pageInfo", object(
                        "hasNextPage", end < items.size(),
                        "hasPreviousPage", start > 0,
                        "startCursor", edges.isEmpty() ? null : edges.get(0).get("cursor"),
                        "endCursor", edges.isEmpty() ? null : edges.get(edges.size() - 1).get("cursor")));
    }

    /** The source stream of a subscription field: these events, in order, then completion. */
    protected static Publisher<Object> events(List<?> events) {
        return new Publisher<>() {
            @Override
            public void subscribe(Subscriber<? super Object> subscriber) {
                subscriber.onSubscribe(new Subscription() {
                    private int next;
                    private boolean done;

                    @Override
                    public void request(long n) {
                        for (long i = 0; i < n && next < events.size() && !done; i++) {
                            subscriber.onNext(events.get(next++));
                        }
                        if (next == events.size() && !done) {
                            done = true;
                            subscriber.onComplete();
                        }
                    }

                    @Override
                    public void cancel() {
                        done = true;
                    }
                });
            }
        };
    }
}
