package io.github.sodagql.core.codegen.roundtrip;

import graphql.language.Document;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Round trips every generated operation of a compiled corpus on a {@link FabricatedServer}: each operation
 * is executed until every abstract position of its response has served each of its concrete types under
 * both values of every Boolean variable (they drive {@code @include}/{@code @skip}), then once more with
 * every nullable field null. Each response's {@code data} is decoded with the generated operation's
 * {@code decode} and encoded back with {@code toMap()}; the two must be equal, numbers by value.
 */
public final class CorpusRoundTrip {
    /** More executions than this for one operation means the coverage cannot be reached. */
    private static final int MAX_EXECUTIONS = 2_000;

    /** The result for a corpus: how many operations, and one line per operation that failed. */
    public record Result(int operations, List<String> failures, long executions) {
        public int passed() {
            return operations - failures.size();
        }
    }

    private CorpusRoundTrip() {}

    /**
     * @param classes the compiled generated sources (and nothing else needed: they use only the JDK)
     * @param javaPackage the generated package, where {@code Operations} is
     * @param scalarSamples a value of each mapped custom scalar, as its codec reads and writes it
     */
    public static Result run(Path classes, String javaPackage, String schemaText, Map<String, Object> scalarSamples) {
        FabricatedServer server = new FabricatedServer(schemaText, scalarSamples);
        List<String> failures = new ArrayList<>();
        long executions = 0;
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {classes.toUri().toURL()},
                CorpusRoundTrip.class.getClassLoader())) {
            Class<?> operationType = Class.forName(javaPackage + ".GraphQLOperation", true, loader);
            Method decode = operationType.getMethod("decode", Map.class);
            List<?> operations = (List<?>) invoke(Class.forName(javaPackage + ".Operations", true, loader)
                    .getMethod("all"), null);
            for (Object operation : operations) {
                String name = (String) invoke(operationType.getMethod("name"), operation);
                try {
                    executions += roundTrip(server, operationType, decode, operation);
                } catch (RuntimeException | AssertionError e) {
                    failures.add(name + ": " + e.getMessage());
                }
            }
            return new Result(operations.size(), failures, executions);
        } catch (ReflectiveOperationException | java.io.IOException e) {
            throw new AssertionError("Cannot load the generated operations of " + javaPackage, e);
        }
    }

    private static int roundTrip(FabricatedServer server, Class<?> operationType, Method decode, Object operation)
            throws ReflectiveOperationException {
        String kind = (String) invoke(operationType.getMethod("kind"), operation);
        String document = (String) invoke(operationType.getMethod("document"), operation);
        OperationDefinition definition = operationOf(Parser.parse(document));
        server.reset();
        int execution = 0;
        boolean nullsServed = false;
        while (!nullsServed) {
            boolean conditions = execution % 2 == 0;
            if (execution >= 2 && execution % 2 == 0 && server.covered()) {
                server.serveNulls(true);
                nullsServed = true;
            }
            if (execution == MAX_EXECUTIONS) {
                throw new AssertionError("the concrete types are not all covered after " + execution + " executions");
            }
            Map<String, Object> variables = variables(definition, server.schema(), conditions);
            for (Map<String, Object> data : server.execute(kind, document, variables)) {
                Object decoded = invoke(decode, operation, data);
                Object encoded = invoke(decoded.getClass().getMethod("toMap"), decoded);
                List<String> differences = differences(data, encoded, "data");
                if (!differences.isEmpty()) {
                    throw new AssertionError("execution " + execution + " (Boolean variables " + conditions
                            + (nullsServed ? ", nullable fields null" : "") + "): " + differences);
                }
            }
            execution++;
        }
        return execution;
    }

    private static OperationDefinition operationOf(Document document) {
        return document.getDefinitionsOfType(OperationDefinition.class).get(0);
    }

    /**
     * Every Boolean variable set to {@code conditions}; every other variable that must be given, fabricated
     * from its type; the rest left out.
     */
    private static Map<String, Object> variables(OperationDefinition operation, GraphQLSchema schema, boolean conditions) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (VariableDefinition variable : operation.getVariableDefinitions()) {
            Type<?> type = variable.getType();
            Type<?> inner = type instanceof NonNullType nonNull ? nonNull.getType() : type;
            if (inner instanceof TypeName name && name.getName().equals("Boolean")) {
                variables.put(variable.getName(), conditions);
            } else if (type instanceof NonNullType && variable.getDefaultValue() == null) {
                variables.put(variable.getName(), input(type, schema));
            }
        }
        return variables;
    }

    private static Object input(Type<?> type, GraphQLSchema schema) {
        if (type instanceof NonNullType nonNull) {
            return input(nonNull.getType(), schema);
        }
        if (type instanceof ListType list) {
            return List.of(input(list.getType(), schema));
        }
        return input((GraphQLNamedType) schema.getType(((TypeName) type).getName()), schema);
    }

    private static Object input(GraphQLNamedType type, GraphQLSchema schema) {
        if (type instanceof GraphQLEnumType enumType) {
            return enumType.getValues().get(0).getName();
        }
        if (type instanceof GraphQLInputObjectType object) {
            Map<String, Object> value = new LinkedHashMap<>();
            for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
                if (object.isOneOf() || graphql.schema.GraphQLTypeUtil.isNonNull(field.getType()) && !field.hasSetDefaultValue()) {
                    value.put(field.getName(), inputOf(field.getType(), schema));
                    if (object.isOneOf()) {
                        break;
                    }
                }
            }
            return value;
        }
        return switch (type.getName()) {
            case "Int" -> 3;
            case "Float" -> 1.5;
            case "Boolean" -> true;
            default -> "1";
        };
    }

    private static Object inputOf(graphql.schema.GraphQLInputType type, GraphQLSchema schema) {
        if (type instanceof graphql.schema.GraphQLNonNull nonNull) {
            return inputOf((graphql.schema.GraphQLInputType) nonNull.getWrappedType(), schema);
        }
        if (type instanceof graphql.schema.GraphQLList list) {
            return List.of(inputOf((graphql.schema.GraphQLInputType) list.getWrappedType(), schema));
        }
        return input((GraphQLNamedType) type, schema);
    }

    /**
     * Where {@code actual} differs from {@code expected}, one line per path. Maps compare by keys (order
     * does not matter), numbers by value (a JSON library's Long for an Int is the same number), other
     * values by equals.
     */
    static List<String> differences(Object expected, Object actual, String path) {
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
        } else if (expected instanceof Number number && actual instanceof Number other) {
            if (new BigDecimal(number.toString()).compareTo(new BigDecimal(other.toString())) != 0) {
                differences.add(path + ": " + number + " became " + other);
            }
        } else if (!Objects.equals(expected, actual)) {
            differences.add(path + ": " + describe(expected) + " became " + describe(actual));
        }
        return differences;
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
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
