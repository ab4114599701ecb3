package io.github.sodagql.core.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.github.sodagql.core.TestProject;
import io.github.sodagql.core.config.ScalarMapping;
import io.github.sodagql.core.session.BuildResult;
import io.github.sodagql.core.session.BuilderSession;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.NullUnmarked;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nullability=jspecify}: the output compiles with {@code -Werror} against the JSpecify jar, and every position
 * that may hold null is {@code @Nullable} while no other is. The check reads the compiled classes' type annotations
 * (JSpecify's are kept at run time) and compares each position with the schema and the documents, walking
 * records, sealed interfaces, fragments, list items at every depth, variables, input objects and their builders.
 */
class JSpecifyNullabilityTest {
    private static final String PACKAGE = "com.example.test";
    /** Record components that are null when {@code @include}/{@code @skip} left them out, as {@code Record.member}. */
    private static final Set<String> CONDITIONAL = Set.of("Item.next", "Item.itemExtras");

    @TempDir
    static Path temporary;
    private static URLClassLoader loader;
    private static GraphQLSchema schema;
    private static Path sources;
    private final List<String> checked = new ArrayList<>();

    @BeforeAll
    static void buildAndCompile() throws Exception {
        TestProject project = TestProject.copyOf("codegen/nullability", temporary);
        BuildResult result = new BuilderSession(project.config().nullability("jspecify")
                .scalar(ScalarMapping.parse("DateTime", "java.time.OffsetDateTime"))
                .scalar(ScalarMapping.parse("JSON", "java.lang.Object")).build()).buildInitial();
        assertEquals(List.of(), result.diagnostics());
        sources = temporary.resolve("target/generated-sources/soda-gql");
        Path classes = temporary.resolve("classes");
        assertEquals("", JavaSourceCompiler.compile(sources, classes, List.of(), List.of(JavaSourceCompiler.jspecifyJar())));

        // The test's loader as parent, so that the annotations are the classes this test refers to.
        loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, JSpecifyNullabilityTest.class.getClassLoader());
        schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(
                Files.readString(TestProject.resource("codegen/nullability/schema.graphqls"))));
    }

    private static Class<?> load(String binaryName) throws ClassNotFoundException {
        return loader.loadClass(PACKAGE + "." + binaryName);
    }

    @Test
    void thePackageIsNullMarkedAndTheRuntimeHelperIsNotClaimed() throws Exception {
        assertTrue(load("ItemQuery").getPackage().isAnnotationPresent(NullMarked.class));
        assertTrue(load("GraphQLValues").isAnnotationPresent(NullUnmarked.class));
        assertTrue(Files.isRegularFile(sources.resolve("com/example/test/package-info.java")));
    }

    @Test
    void responseRecordsAnnotateExactlyTheNullableFieldsAtEveryListDepth() throws Exception {
        checkSelection(load("ItemQuery$Data"), schema.getQueryType());
        checkSelection(load("SearchQuery$Data"), schema.getQueryType());
        checkSelection(load("ItemFields"), schema.getObjectType("Item"));
        checkSelection(load("ItemExtras"), schema.getObjectType("Item"));

        // Every kind of position was seen, so the walk cannot pass by finding nothing.
        assertTrue(checked.size() > 50, checked.toString());
        for (String kind : List.of("Data.item @Nullable", "ItemFields.title non-null", "ItemFields.tags[] @Nullable",
                "ItemFields.grid[][] non-null", "ItemFields.matrix[][] @Nullable", "ItemFields.count non-null",
                "Item.next @Nullable", "Item.itemExtras @Nullable", "Item.itemFields non-null",
                "Data.search[] non-null", "Data.items[] @Nullable", "Related.labels[] non-null", "Person.nick @Nullable", "Node.id non-null")) {
            assertTrue(checked.contains(kind), kind + " in " + checked);
        }
    }

    @Test
    void variablesInputObjectsAndBuildersAnnotateExactlyWhatMayBeNull() throws Exception {
        for (String file : List.of("item.graphql", "search.graphql")) {
            Document document = Parser.parse(Files.readString(TestProject.resource("codegen/nullability/" + file)));
            for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
                Class<?> variables = load(operation.getName() + "Query$Variables");
                for (VariableDefinition variable : operation.getVariableDefinitions()) {
                    checkValueMember(variables, variable.getName(), resolve(variable.getType()),
                            variable.getDefaultValue() != null);
                }
            }
        }
        GraphQLInputObjectType filter = schema.getTypeAs("Filter");
        Class<?> filterClass = load("Filter");
        for (GraphQLInputObjectField field : filter.getFieldDefinitions()) {
            checkValueMember(filterClass, field.getName(), field.getType(), field.hasSetDefaultValue());
        }

        assertTrue(checked.contains("Filter.tags Input<List<>>"), checked.toString());
        assertTrue(checked.contains("Filter.names[] @Nullable"), checked.toString());
        assertTrue(checked.contains("Filter.limit non-null"), checked.toString());
        assertTrue(checked.contains("Filter.offset (setter) @Nullable"), checked.toString());
        assertTrue(checked.contains("ItemQuery$Variables.id non-null"), checked.toString());
        assertTrue(checked.contains("SearchQuery$Variables.names Input<List<@Nullable>>"), checked.toString());
    }

    @Test
    void toMapValuesEnumRawValuesAndInputPayloadsMayBeNull() throws Exception {
        for (String type : List.of("ItemQuery$Variables", "ItemQuery$Data", "ItemFields", "Filter", "SearchQuery$Data$Search",
                "GraphQLOperation$Variables")) {
            AnnotatedParameterizedType map = (AnnotatedParameterizedType) load(type).getMethod("toMap").getAnnotatedReturnType();
            assertEquals(false, map.isAnnotationPresent(Nullable.class), type);
            assertEquals(false, map.getAnnotatedActualTypeArguments()[0].isAnnotationPresent(Nullable.class), type);
            assertEquals(true, map.getAnnotatedActualTypeArguments()[1].isAnnotationPresent(Nullable.class), type);
        }
        assertTrue(load("Status").getMethod("rawValue").getAnnotatedReturnType().isAnnotationPresent(Nullable.class));
        assertEquals(false, load("Status").getMethod("fromRawValue", String.class).getAnnotatedReturnType()
                .isAnnotationPresent(Nullable.class));
        Method ofNullable = load("Input").getMethod("ofNullable", Object.class);
        assertTrue(ofNullable.getAnnotatedParameterTypes()[0].isAnnotationPresent(Nullable.class));
        assertEquals(false, load("Input").getMethod("of", Object.class).getAnnotatedParameterTypes()[0]
                .isAnnotationPresent(Nullable.class));
    }

    @Test
    void sourcesReadLikeHandWrittenJSpecifyCode() throws Exception {
        String fields = Files.readString(sources.resolve("com/example/test/ItemFields.java"));

        assertTrue(fields.contains("import org.jspecify.annotations.Nullable;"), fields);
        assertTrue(fields.contains("@Nullable String name,"), fields);
        assertTrue(fields.contains("String title,"), fields);
        assertTrue(fields.contains("List<@Nullable String> tags,"), fields);
        assertTrue(fields.contains("@Nullable List<String> labels,"), fields);
        assertTrue(fields.contains("@Nullable List<@Nullable List<@Nullable Integer>> matrix,"), fields);
        assertTrue(fields.contains("List<List<Integer>> grid,"), fields);
        assertTrue(fields.contains("int count,"), fields);
        assertEquals("/** Generated by soda-gql. Every position that may hold null is {@code @Nullable}; no other is. */\n"
                + "@org.jspecify.annotations.NullMarked\n@javax.annotation.processing.Generated(\"io.github.sodagql\")\n"
                + "package com.example.test;\n", Files.readString(sources.resolve("com/example/test/package-info.java")));
    }

    /** A record or sealed interface for a selection on {@code parent} (a fragment on it, or a field of that type). */
    private void checkSelection(Class<?> type, GraphQLType parent) throws Exception {
        GraphQLNamedType named = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(parent);
        if (type.isInterface()) {
            for (Class<?> branch : type.getPermittedSubclasses()) {
                GraphQLType concrete = branch.getSimpleName().equals("Other") ? named : schema.getType(branch.getSimpleName());
                checkSelection(branch, concrete);
            }
            for (Method accessor : type.getDeclaredMethods()) {
                if (Modifier.isAbstract(accessor.getModifiers()) && !accessor.getName().equals("toMap")) {
                    check(type.getSimpleName() + "." + accessor.getName(), accessor.getAnnotatedReturnType(),
                            fieldType(named, accessor.getName()), false);
                }
            }
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String name = type.getSimpleName() + "." + component.getName();
            Class<?> raw = component.getType();
            boolean conditional = CONDITIONAL.contains(name);
            if (raw.getName().startsWith(PACKAGE + ".") && raw.getEnclosingClass() == null && !raw.isEnum()) {
                // A fragment spread: non-null unless @include/@skip may leave it out.
                check(name, component.getAnnotatedType(), conditional ? named : GraphQLNonNull.nonNull(named), false);
                continue;
            }
            GraphQLType fieldType = fieldType(named, component.getName());
            check(name, component.getAnnotatedType(), fieldType, conditional);
            // The accessor and the canonical constructor's parameter carry the component's annotations.
            assertEquals(component.getAnnotatedType().isAnnotationPresent(Nullable.class),
                    component.getAccessor().getAnnotatedReturnType().isAnnotationPresent(Nullable.class), name);
            Class<?> nested = innermost(component.getGenericType());
            if (nested.getName().startsWith(PACKAGE + ".") && nested.getEnclosingClass() != null) {
                checkSelection(nested, fieldType);
            }
        }
    }

    private static GraphQLType fieldType(GraphQLNamedType parent, String name) {
        if (name.equals("__typename")) {
            return GraphQLNonNull.nonNull(graphql.Scalars.GraphQLString);
        }
        GraphQLFieldDefinition field = ((GraphQLFieldsContainer) parent).getFieldDefinition(name);
        assertTrue(field != null, "no field " + name + " on " + parent.getName());
        return field.getType();
    }

    /**
     * A variable or input field: a required one (non-null, no default) is its type; any other is a non-null
     * {@code Input<T>} whose {@code T} is the type without its outer nullability, list items annotated as they may
     * be null. The builder's setter takes {@code @Nullable} exactly for the latter.
     */
    private void checkValueMember(Class<?> record, String graphqlName, GraphQLType type, boolean hasDefault) throws Exception {
        String name = record.getName().substring(PACKAGE.length() + 1) + "." + graphqlName;
        RecordComponent component = List.of(record.getRecordComponents()).stream()
                .filter(c -> c.getName().equals(graphqlName)).findFirst().orElseThrow();
        Class<?> builder = List.of(record.getDeclaredClasses()).stream().filter(c -> c.getSimpleName().equals("Builder"))
                .findFirst().orElseThrow();
        Method setter = List.of(builder.getMethods()).stream().filter(m -> m.getName().equals(graphqlName)).findFirst().orElseThrow();
        boolean required = type instanceof GraphQLNonNull && !hasDefault;
        if (required) {
            check(name, component.getAnnotatedType(), type, false);
            check(name + " (setter)", setter.getAnnotatedParameterTypes()[0], type, false);
            return;
        }
        AnnotatedParameterizedType input = (AnnotatedParameterizedType) component.getAnnotatedType();
        assertEquals(false, input.isAnnotationPresent(Nullable.class), name);
        AnnotatedType payload = input.getAnnotatedActualTypeArguments()[0];
        assertEquals(false, payload.isAnnotationPresent(Nullable.class), name + ": Input.Null stands for null");
        check(name + " (payload)", payload, GraphQLNonNull.nonNull(GraphQLTypeUtil.unwrapNonNull(type)), false);
        check(name + " (setter)", setter.getAnnotatedParameterTypes()[0], GraphQLTypeUtil.unwrapNonNull(type), false);
        checked.add(name + " Input<" + shape(payload) + ">");
    }

    private static String shape(AnnotatedType type) {
        if (type instanceof AnnotatedParameterizedType list) {
            AnnotatedType item = list.getAnnotatedActualTypeArguments()[0];
            return "List<" + (item.isAnnotationPresent(Nullable.class) ? "@Nullable" : "") + ">";
        }
        return "T";
    }

    /** A position against its GraphQL type, list items included; {@code forceNullable} for a field under @include. */
    private void check(String name, AnnotatedType actual, GraphQLType expected, boolean forceNullable) {
        boolean nullable = forceNullable || !(expected instanceof GraphQLNonNull);
        assertEquals(nullable, actual.isAnnotationPresent(Nullable.class), name + ": " + actual + " for " + GraphQLTypeUtil.simplePrint(expected));
        if (actual.getType() instanceof Class<?> primitive && primitive.isPrimitive()) {
            assertEquals(false, nullable, name);
        }
        checked.add(name + (nullable ? " @Nullable" : " non-null"));
        GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(expected);
        if (unwrapped instanceof GraphQLList list) {
            AnnotatedType item = ((AnnotatedParameterizedType) actual).getAnnotatedActualTypeArguments()[0];
            check(name + "[]", item, list.getWrappedType(), false);
        }
    }

    private static Class<?> innermost(java.lang.reflect.Type type) {
        while (type instanceof java.lang.reflect.ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            type = parameterized.getActualTypeArguments()[0];
        }
        return type instanceof java.lang.reflect.ParameterizedType parameterized ? (Class<?>) parameterized.getRawType() : (Class<?>) type;
    }

    private static GraphQLType resolve(graphql.language.Type<?> type) {
        if (type instanceof graphql.language.NonNullType nonNull) {
            return GraphQLNonNull.nonNull(resolve(nonNull.getType()));
        }
        if (type instanceof graphql.language.ListType list) {
            return GraphQLList.list(resolve(list.getType()));
        }
        return schema.getType(((graphql.language.TypeName) type).getName());
    }
}
