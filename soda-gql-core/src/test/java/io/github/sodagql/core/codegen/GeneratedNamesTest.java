package io.github.sodagql.core.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.session.BuildResult;
import io.github.sodagql.core.session.BuilderSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names the generated code cannot take: a schema and documents built from every public simple name of
 * {@code java.lang} and {@code java.util}, the Java keywords and the generated support types' names, used as
 * type, field, alias, fragment and operation names, and deep nesting. The output must compile with
 * {@code javac -Xlint:all -Werror}. The inputs are built here because they come from the running JDK.
 */
class GeneratedNamesTest {
    /** The names generated code itself uses: support types, and the nested types of operations and unions. */
    private static final List<String> GENERATED_NAMES = List.of("GraphQLOperation", "GeneratedOperation", "Operations",
            "Input", "GraphQLValues", "ScalarCodec", "CustomScalars", "Data", "Variables", "Builder", "Other",
            "OPERATION_NAME", "DOCUMENT", "INSTANCE", "map", "path", "value", "fromMap", "toMap", "decode", "builder");
    /** GraphQL's own names, which a schema cannot define. */
    private static final Set<String> NOT_OBJECT_TYPES = Set.of("String", "Int", "Float", "Boolean", "ID", "Query",
            "Thing", "AnyThing", "Map", "Filter", "Input");

    @TempDir
    Path temporary;

    @Test
    void jdkNamesKeywordsAndSupportNamesAsEveryKindOfNameCompile() throws IOException {
        List<String> names = stressNames();
        assertTrue(names.size() > 200, "names from the JDK: " + names.size());
        Path documents = temporary.resolve("src/main/graphql");
        Files.createDirectories(documents);
        Files.writeString(documents.resolve("schema.graphqls"), schema(names), StandardCharsets.UTF_8);
        for (String name : names) {
            Files.writeString(documents.resolve("n_" + name + ".graphql"), document(name), StandardCharsets.UTF_8);
        }
        Files.writeString(documents.resolve("all.graphql"), everyType(names), StandardCharsets.UTF_8);

        String output = generateAndCompile();

        assertEquals("", output);
    }

    @Test
    void aSelectionNestedThreeHundredLevelsDeepCompiles() throws IOException {
        Path documents = temporary.resolve("src/main/graphql");
        Files.createDirectories(documents);
        Files.writeString(documents.resolve("schema.graphqls"), """
                type Query { thing: Thing }
                type Thing { id: ID! averyveryverylongfieldname: Thing }
                """, StandardCharsets.UTF_8);
        Files.writeString(documents.resolve("deep.graphql"), "query Deep { thing { " + deep(300) + " } }\n"
                + "fragment DeepFragment on Thing { " + deep(300) + " }\n", StandardCharsets.UTF_8);

        String output = generateAndCompile();

        assertEquals("", output);
        try (Stream<Path> classes = Files.walk(temporary.resolve("classes"))) {
            int longest = classes.mapToInt(p -> p.getFileName().toString().length()).max().orElse(0);
            assertTrue(longest <= JavaNames.MAX_BINARY_NAME + ".class".length(), "longest class file name " + longest);
        }
    }

    static String deep(int levels) {
        return "averyveryverylongfieldname { id ".repeat(levels) + "}".repeat(levels);
    }

    private String generateAndCompile() {
        BuildResult result = new BuilderSession(SodaGqlConfig.builder(temporary).javaPackage("com.example.names").build())
                .buildInitial();
        assertEquals(List.of(), result.errors().stream().limit(5).map(Diagnostic::format).toList());
        return JavaSourceCompiler.compile(temporary.resolve("target/generated-sources/soda-gql"),
                temporary.resolve("classes"), List.of());
    }

    /** Every public top-level simple name of java.lang and java.util, the Java keywords, the generated names. */
    static List<String> stressNames() {
        Set<String> names = new TreeSet<>();
        try (FileSystem jrt = FileSystems.newFileSystem(URI.create("jrt:/"), java.util.Map.of())) {
            for (String pkg : List.of("java/lang", "java/util")) {
                try (Stream<Path> files = Files.list(jrt.getPath("/modules/java.base", pkg))) {
                    files.map(p -> p.getFileName().toString())
                            .filter(f -> f.endsWith(".class") && !f.contains("$") && !f.equals("module-info.class"))
                            .map(f -> f.substring(0, f.length() - ".class".length()))
                            .filter(simple -> isPublic(pkg.replace('/', '.') + "." + simple))
                            .forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        names.addAll(JavaNames.KEYWORDS);
        names.addAll(GENERATED_NAMES);
        return names.stream().filter(n -> n.matches("[_A-Za-z][_0-9A-Za-z]*") && !n.startsWith("__") && !n.equals("on"))
                .collect(Collectors.toList());
    }

    private static boolean isPublic(String className) {
        try {
            return Modifier.isPublic(Class.forName(className, false, GeneratedNamesTest.class.getClassLoader()).getModifiers());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * {@code Thing} has a field of every name; every name is also an object type (a union member), and a few
     * are enums and input objects that variables use.
     */
    private static String schema(List<String> names) {
        StringBuilder schema = new StringBuilder("type Query {\n  thing(filter: Filter): Thing\n  any: [AnyThing!]!\n}\n");
        schema.append("type Thing {\n  id: ID!\n  self: Thing\n  kind: Map\n");
        for (String name : names) {
            if (!Set.of("id", "self", "kind").contains(name)) {
                schema.append("  ").append(name).append(": Thing\n");
            }
        }
        schema.append("}\n");
        for (String name : objectTypes(names)) {
            schema.append("type ").append(name).append(" {\n  id: ID\n  ").append(lowerFirst(name)).append(": Thing\n}\n");
        }
        schema.append("union AnyThing = ").append(String.join(" | ", objectTypes(names))).append("\n");
        // Enums and inputs take names of the generated code's own types.
        schema.append("enum Map { List String Objects }\n");
        schema.append("input Filter { list: [Map!] objects: String input: Input }\n");
        schema.append("input Input { map: Map optional: String }\n");
        return schema.toString();
    }

    /**
     * A fragment and a query named {@code name}. The name is a field, an alias (as written and in lower case,
     * so nested records take it), a spread beside a field of the same name, and a variable.
     */
    private static String document(String name) {
        String lower = lowerFirst(name);
        String field = Set.of("id", "self", "kind").contains(name) ? "self" : name;
        return "fragment " + name + " on Thing {\n  id\n  " + field + " { id kind }\n  " + lower + ": self { id }\n}\n"
                + "query " + name + "($" + lower + ": Filter) {\n  thing(filter: $" + lower + ") {\n    ..." + name + "\n"
                + "    " + field + " { ..." + name + " " + field + " { ..." + name + " } }\n"
                + "    " + lower + ": self { " + name + ": self { id } }\n"
                + "    " + name + "_: self { list: self { string: self { id } } }\n  }\n}\n";
    }

    private static String everyType(List<String> names) {
        StringBuilder query = new StringBuilder("query EveryType {\n  any {\n    __typename\n");
        for (String name : objectTypes(names)) {
            query.append("    ... on ").append(name).append(" { id ").append(lowerFirst(name)).append(" { id } }\n");
        }
        return query.append("  }\n}\n").toString();
    }

    private static List<String> objectTypes(List<String> names) {
        return names.stream().filter(n -> !NOT_OBJECT_TYPES.contains(n)).toList();
    }

    private static String lowerFirst(String name) {
        String lower = name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
        return lower.equals(name) ? name + "Lower" : lower;
    }

    @Test
    void stressNamesIncludeTheOnesThatBrokeCompilation() {
        List<String> missing = new ArrayList<>(List.of("List", "String", "Map", "Objects", "Override", "Record", "class",
                "GraphQLValues", "Input", "Operations"));
        missing.removeAll(stressNames());
        assertEquals(List.of(), missing);
    }
}
