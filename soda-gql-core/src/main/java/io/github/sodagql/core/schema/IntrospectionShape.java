package io.github.sodagql.core.schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that a parsed introspection result has the shape graphql-java's reader expects, before it reads it:
 * that reader casts as it goes, so a malformed dump fails with a {@code ClassCastException} or "should never
 * happen". The first problem found is described with its JSON path, e.g.
 * {@code __schema.types[3].fields[0].type: expected an object, found a number}.
 */
final class IntrospectionShape {
    private static final Set<String> NAMED_KINDS = Set.of("SCALAR", "OBJECT", "INTERFACE", "UNION", "ENUM", "INPUT_OBJECT");
    /** A type reference nests LIST and NON_NULL; real ones stop within a few levels. */
    private static final int MAX_TYPE_REFERENCE_DEPTH = 64;

    private IntrospectionShape() {}

    /** The first thing wrong with {@code schema} (the value of {@code __schema}), if any. */
    static Optional<String> problemOf(Object schema) {
        try {
            check(schema);
            return Optional.empty();
        } catch (Malformed e) {
            return Optional.of(e.getMessage());
        }
    }

    private static void check(Object schemaValue) {
        Map<?, ?> schema = object(schemaValue, "__schema");
        rootType(schema, "queryType", true);
        rootType(schema, "mutationType", false);
        rootType(schema, "subscriptionType", false);
        List<?> types = list(schema.get("types"), "__schema.types");
        for (int i = 0; i < types.size(); i++) {
            String at = "__schema.types[" + i + "]";
            Map<?, ?> type = object(types.get(i), at);
            Object kind = type.get("kind");
            if (!(kind instanceof String k) || !NAMED_KINDS.contains(k)) {
                throw new Malformed(at + ".kind: expected one of " + String.join(", ", NAMED_KINDS.stream().sorted().toList())
                        + ", found " + describe(kind));
            }
            string(type.get("name"), at + ".name");
            optionalString(type.get("description"), at + ".description");
            switch (k) {
                case "OBJECT", "INTERFACE" -> {
                    List<?> fields = list(type.get("fields"), at + ".fields");
                    for (int f = 0; f < fields.size(); f++) {
                        String fieldAt = at + ".fields[" + f + "]";
                        Map<?, ?> field = object(fields.get(f), fieldAt);
                        member(field, fieldAt);
                        typeReference(field.get("type"), fieldAt + ".type", 0);
                        inputValues(field.get("args"), fieldAt + ".args", false);
                    }
                    typeReferences(type.get("interfaces"), at + ".interfaces", false);
                }
                case "UNION" -> typeReferences(type.get("possibleTypes"), at + ".possibleTypes", true);
                case "ENUM" -> {
                    List<?> values = list(type.get("enumValues"), at + ".enumValues");
                    for (int v = 0; v < values.size(); v++) {
                        member(object(values.get(v), at + ".enumValues[" + v + "]"), at + ".enumValues[" + v + "]");
                    }
                }
                case "INPUT_OBJECT" -> inputValues(type.get("inputFields"), at + ".inputFields", true);
                default -> {
                    // A scalar has nothing more to check.
                }
            }
        }
        Object directives = schema.get("directives");
        if (directives != null) {
            List<?> list = list(directives, "__schema.directives");
            for (int d = 0; d < list.size(); d++) {
                String at = "__schema.directives[" + d + "]";
                Map<?, ?> directive = object(list.get(d), at);
                string(directive.get("name"), at + ".name");
                optionalString(directive.get("description"), at + ".description");
                List<?> locations = list(directive.get("locations"), at + ".locations");
                for (int l = 0; l < locations.size(); l++) {
                    string(locations.get(l), at + ".locations[" + l + "]");
                }
                inputValues(directive.get("args"), at + ".args", false);
            }
        }
    }

    private static void rootType(Map<?, ?> schema, String key, boolean required) {
        Object value = schema.get(key);
        if (value == null && !required) {
            return;
        }
        if (value == null) {
            throw new Malformed("__schema.queryType: missing; every schema has a query type");
        }
        string(object(value, "__schema." + key).get("name"), "__schema." + key + ".name");
    }

    /** A field or enum value: a name, and optional description and deprecation. */
    private static void member(Map<?, ?> member, String at) {
        string(member.get("name"), at + ".name");
        optionalString(member.get("description"), at + ".description");
        optionalString(member.get("deprecationReason"), at + ".deprecationReason");
        Object deprecated = member.get("isDeprecated");
        if (deprecated != null && !(deprecated instanceof Boolean)) {
            throw new Malformed(at + ".isDeprecated: expected true or false, found " + describe(deprecated));
        }
    }

    private static void inputValues(Object value, String at, boolean required) {
        if (value == null && !required) {
            return;
        }
        List<?> values = list(value, at);
        for (int i = 0; i < values.size(); i++) {
            String valueAt = at + "[" + i + "]";
            Map<?, ?> input = object(values.get(i), valueAt);
            member(input, valueAt);
            typeReference(input.get("type"), valueAt + ".type", 0);
            optionalString(input.get("defaultValue"), valueAt + ".defaultValue");
        }
    }

    private static void typeReferences(Object value, String at, boolean required) {
        if (value == null && !required) {
            return;
        }
        List<?> references = list(value, at);
        for (int i = 0; i < references.size(); i++) {
            typeReference(references.get(i), at + "[" + i + "]", 0);
        }
    }

    private static void typeReference(Object value, String at, int depth) {
        if (depth > MAX_TYPE_REFERENCE_DEPTH) {
            throw new Malformed(at + ": type reference nested more than " + MAX_TYPE_REFERENCE_DEPTH + " levels");
        }
        Map<?, ?> reference = object(value, at);
        Object kind = reference.get("kind");
        if ("LIST".equals(kind) || "NON_NULL".equals(kind)) {
            typeReference(reference.get("ofType"), at + ".ofType", depth + 1);
        } else if (kind instanceof String k && NAMED_KINDS.contains(k)) {
            string(reference.get("name"), at + ".name");
        } else {
            throw new Malformed(at + ".kind: expected LIST, NON_NULL or a named kind, found " + describe(kind));
        }
    }

    private static Map<?, ?> object(Object value, String at) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new Malformed(at + ": expected an object, found " + describe(value));
    }

    private static List<?> list(Object value, String at) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw new Malformed(at + ": expected an array, found " + describe(value));
    }

    private static void string(Object value, String at) {
        if (!(value instanceof String)) {
            throw new Malformed(at + ": expected a string, found " + describe(value));
        }
    }

    private static void optionalString(Object value, String at) {
        if (value != null) {
            string(value, at);
        }
    }

    private static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof String s) {
            return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        return value instanceof List ? "an array" : "an object";
    }

    /** Stops the walk at the first problem; carries its description only. */
    private static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }
}
