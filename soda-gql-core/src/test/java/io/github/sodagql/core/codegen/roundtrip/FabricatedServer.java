package io.github.sodagql.core.codegen.roundtrip;

import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import graphql.schema.TypeResolver;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.InterfaceWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.ScalarWiringEnvironment;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnionWiringEnvironment;
import graphql.schema.idl.WiringFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;

/**
 * A graphql-java engine over any schema whose every field fabricates its value from its type: no data to
 * write by hand, so it serves a whole corpus. Between executions it rotates, separately for every
 * position of a response (its path without list indices), the concrete type of an interface or union and
 * the value of an enum; {@link #covered()} says when every position has served each of its concrete types
 * twice, so that callers alternating a condition per execution see each type under both values.
 */
final class FabricatedServer {
    private final GraphQL graphQL;
    private final Engine engine;
    private final Map<String, Object> scalarSamples;
    /** Per position: how many times it was served, and how many concrete types it has (1 when not abstract). */
    private final Map<String, int[]> positions = new HashMap<>();
    private final Map<String, int[]> enumPositions = new HashMap<>();
    private final Map<String, PreparsedDocumentEntry> prepared = new HashMap<>();
    private boolean nulls;

    /** @param scalarSamples a value for each custom scalar the generated code maps (as its codec reads it) */
    FabricatedServer(String schemaText, Map<String, Object> scalarSamples) {
        this.scalarSamples = Map.copyOf(scalarSamples);
        TypeDefinitionRegistry registry = new SchemaParser().parse(schemaText);
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring().wiringFactory(new Fabrication()).build();
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(registry, wiring);
        // An operation runs many times: parse and validate its document once (the cache is per operation).
        this.graphQL = GraphQL.newGraphQL(schema).preparsedDocumentProvider((input, parseAndValidate) ->
                CompletableFuture.completedFuture(prepared.computeIfAbsent(input.getQuery(),
                        query -> parseAndValidate.apply(input)))).build();
        this.engine = new Engine(graphQL, new HashMap<>(), null);
    }

    GraphQLSchema schema() {
        return graphQL.getGraphQLSchema();
    }

    /** Starts serving a new operation: every position starts over at its first type. */
    void reset() {
        positions.clear();
        enumPositions.clear();
        prepared.clear();
        nulls = false;
    }

    /** From now on every nullable field is null (to check how the generated code reads nulls). */
    void serveNulls(boolean nulls) {
        this.nulls = nulls;
    }

    /** True when every position seen so far has served each of its concrete types at least twice. */
    boolean covered() {
        return positions.values().stream().allMatch(served -> served[0] >= 2 * served[1]);
    }

    /** The {@code data} of each response: one for a query or mutation, one per event of a subscription. */
    List<Map<String, Object>> execute(String kind, String document, Map<String, Object> variables) {
        return kind.equals("subscription") ? engine.subscribe(document, variables)
                : List.of(engine.execute(document, variables));
    }

    /**
     * Rotates a choice among {@code count} at a position; each choice is served twice in a row. Only
     * {@code counted} positions (concrete types) must come round before {@link #covered()}; enum values
     * rotate along as far as the executions go.
     */
    private int choose(DataFetchingEnvironment env, int count, boolean counted) {
        String position = String.join("/", env.getExecutionStepInfo().getPath().getKeysOnly());
        int[] served = (counted ? positions : enumPositions).computeIfAbsent(position, key -> new int[] {0, 1});
        served[1] = Math.max(served[1], count);
        return served[0]++ / 2 % count;
    }

    private Object fabricate(DataFetchingEnvironment env, GraphQLType type, boolean nonNull) {
        if (type instanceof GraphQLNonNull wrapped) {
            return fabricate(env, wrapped.getWrappedType(), true);
        }
        if (nulls && !nonNull) {
            return null;
        }
        if (type instanceof GraphQLList list) {
            GraphQLType item = list.getWrappedType();
            int size = GraphQLTypeUtil.isLeaf(item) ? 2 : 1;
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                items.add(fabricate(env, item, false));
            }
            return items;
        }
        if (type instanceof GraphQLObjectType object) {
            return new Fabricated(object.getName());
        }
        if (type instanceof GraphQLInterfaceType || type instanceof GraphQLUnionType) {
            List<GraphQLObjectType> possible = possibleTypes(env.getGraphQLSchema(), (GraphQLCompositeType) type);
            return new Fabricated(possible.get(choose(env, possible.size(), true)).getName());
        }
        if (type instanceof GraphQLEnumType enumType) {
            return enumType.getValues().get(choose(env, enumType.getValues().size(), false)).getValue();
        }
        String scalar = ((GraphQLScalarType) type).getName();
        return switch (scalar) {
            case "Int" -> 7;
            case "Float" -> 2.5;
            case "String" -> "text";
            case "Boolean" -> true;
            case "ID" -> "id-1";
            default -> scalarSamples.getOrDefault(scalar, "value of " + scalar);
        };
    }

    static List<GraphQLObjectType> possibleTypes(GraphQLSchema schema, GraphQLCompositeType type) {
        List<GraphQLObjectType> types = new ArrayList<>();
        if (type instanceof GraphQLObjectType object) {
            types.add(object);
        } else if (type instanceof GraphQLInterfaceType iface) {
            types.addAll(schema.getImplementations(iface));
        } else {
            ((GraphQLUnionType) type).getTypes().forEach(member -> types.add((GraphQLObjectType) member));
        }
        types.sort(Comparator.comparing(GraphQLObjectType::getName));
        return types;
    }

    /** An object of a concrete type; its fields are fabricated when asked for. */
    private record Fabricated(String typeName) {}

    /** Every field fabricates, every abstract type resolves from the fabricated object, every custom scalar passes values through. */
    private final class Fabrication implements WiringFactory {
        private final TypeResolver byFabricatedType = env -> env.getSchema()
                .getObjectType(((Fabricated) env.getObject()).typeName());

        @Override
        public boolean providesTypeResolver(InterfaceWiringEnvironment environment) {
            return true;
        }

        @Override
        public TypeResolver getTypeResolver(InterfaceWiringEnvironment environment) {
            return byFabricatedType;
        }

        @Override
        public boolean providesTypeResolver(UnionWiringEnvironment environment) {
            return true;
        }

        @Override
        public TypeResolver getTypeResolver(UnionWiringEnvironment environment) {
            return byFabricatedType;
        }

        @Override
        public boolean providesScalar(ScalarWiringEnvironment environment) {
            return !ScalarInfo.isGraphqlSpecifiedScalar(environment.getScalarTypeDefinition().getName());
        }

        @Override
        public GraphQLScalarType getScalar(ScalarWiringEnvironment environment) {
            return GraphQLScalarType.newScalar().name(environment.getScalarTypeDefinition().getName())
                    .coercing(PASS_THROUGH).build();
        }

        @Override
        public DataFetcher<?> getDefaultDataFetcher(FieldWiringEnvironment environment) {
            return env -> {
                Object value = fabricate(env, env.getFieldType(), false);
                GraphQLObjectType subscription = env.getGraphQLSchema().getSubscriptionType();
                return subscription != null && env.getParentType() == subscription ? oneEvent(value) : value;
            };
        }
    }

    /** A custom scalar that serializes what the data fetcher gives and accepts any input. */
    private static final Coercing<Object, Object> PASS_THROUGH = new Coercing<>() {
        @Override
        public Object serialize(Object value, GraphQLContext context, Locale locale) {
            return value;
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            return input;
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            return literal(input, variables);
        }
    };

    private static Object literal(Value<?> value, CoercedVariables variables) {
        if (value instanceof StringValue string) {
            return string.getValue();
        } else if (value instanceof IntValue integer) {
            return integer.getValue();
        } else if (value instanceof FloatValue decimal) {
            return decimal.getValue();
        } else if (value instanceof BooleanValue bool) {
            return bool.isValue();
        } else if (value instanceof EnumValue enumValue) {
            return enumValue.getName();
        } else if (value instanceof VariableReference variable) {
            return variables.get(variable.getName());
        } else if (value instanceof ArrayValue array) {
            return array.getValues().stream().map(item -> literal(item, variables)).toList();
        } else if (value instanceof ObjectValue object) {
            Map<String, Object> map = new LinkedHashMap<>();
            object.getObjectFields().forEach(field -> map.put(field.getName(), literal(field.getValue(), variables)));
            return map;
        }
        return null;
    }

    /** The source stream of a subscription field: one event, then completion. */
    private static Publisher<Object> oneEvent(Object event) {
        return subscriber -> subscriber.onSubscribe(new Subscription() {
            private boolean done;

            @Override
            public void request(long n) {
                if (!done && n > 0) {
                    done = true;
                    subscriber.onNext(event);
                    subscriber.onComplete();
                }
            }

            @Override
            public void cancel() {
                done = true;
            }
        });
    }
}
