package io.github.sodagql.core.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.github.sodagql.core.config.Nullability;
import io.github.sodagql.core.config.ScalarMapping;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.shape.EnumShape;
import io.github.sodagql.core.shape.FragmentShape;
import io.github.sodagql.core.shape.InputShape;
import io.github.sodagql.core.shape.OperationShape;
import io.github.sodagql.core.shape.SchemaUsage;
import io.github.sodagql.core.shape.VariableShape;
import io.github.sodagql.core.graph.DefinitionId;
import io.github.sodagql.core.source.ProjectPath;
import io.github.sodagql.core.stack.LargeStack;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.Modifier;

/**
 * Generates the Java sources: a class per operation, a type per fragment, the enums and input objects the
 * operations use, the operation registry and a few fixed support types. The output needs only the JDK.
 *
 * <p>Names are allocated in a fixed order (support types, enums, input objects, fragments, operations,
 * each sorted), so the same inputs give the same names and bytes. The fixed support types are plain Java
 * templates: they do not vary with the input, so there is nothing for JavaPoet to build.
 */
public final class JavaGenerator {
    static final String GENERATOR = "io.github.sodagql";
    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    private static final List<String> SUPPORT_TYPES = List.of("GraphQLOperation", "GeneratedOperation", "Input", "GraphQLValues", "ScalarCodec");

    private JavaGenerator() {}

    /**
     * The class name of every enum, input object, fragment and operation, with a warning for each pair of
     * definitions that wanted one name.
     *
     * <p>User code refers to these classes, so adding a definition must never rename another's class. Each kind
     * therefore has names of its own, decided by the definition's own name and the schema, never by which other
     * definitions exist: schema types (enums and input objects) take their name; an operation's class ends in its
     * kind ({@code Query}, {@code Mutation}, {@code Subscription}) and yields only to schema types; a fragment
     * yields to every schema type name and never ends in an operation kind (such a fragment is suffixed
     * {@code Fragment}). Which enums and inputs are generated varies with use, so the schema's full list is what
     * counts. Only two definitions of one kind whose names differ in case alone, or an operation {@code Foo}
     * beside {@code FooQuery}, still compete; sort order decides, with a {@link DiagnosticCode#CLASS_NAME_TAKEN}
     * warning naming both. Names depend only on names (never on shapes), so a build that regenerates a few files
     * allocates exactly the names a full build would.
     *
     * @param enumTypes the names of every enum type in the schema, used or not
     * @param inputTypes the names of every input object type in the schema, used or not
     */
    public static GeneratedNames names(String pkg, SchemaUsage usage, java.util.Collection<String> enumTypes,
            java.util.Collection<String> inputTypes, java.util.Collection<String> fragments,
            java.util.Collection<OperationRef> operations) {
        ClassNames classes = new ClassNames();
        Map<String, ClassName> schemaTypeClasses = new TreeMap<>();
        // Every schema type's name is claimed, so a type that comes into use later finds its name free.
        Map<String, String> schemaNames = new TreeMap<>();
        java.util.SortedSet<String> schemaTypes = new java.util.TreeSet<>(enumTypes);
        schemaTypes.addAll(inputTypes);
        for (String type : schemaTypes) {
            schemaNames.put(type, classes.claim(topLevelName(type), inputTypes.contains(type) ? "Input" : "Enum",
                    "schema type '" + type + "'"));
        }
        for (EnumShape shape : usage.enums()) {
            schemaTypeClasses.put(shape.name(), ClassName.get(pkg, schemaNames.computeIfAbsent(shape.name(),
                    type -> classes.claim(topLevelName(type), "Enum", "schema type '" + type + "'"))));
        }
        for (InputShape shape : usage.inputs()) {
            schemaTypeClasses.put(shape.name(), ClassName.get(pkg, schemaNames.computeIfAbsent(shape.name(),
                    type -> classes.claim(topLevelName(type), "Input", "schema type '" + type + "'"))));
        }
        List<OperationRef> sortedOperations = operations.stream()
                .sorted(Comparator.comparing((OperationRef o) -> o.id().name()).thenComparing(o -> o.id().file())).toList();
        Map<DefinitionId, ClassName> operationClasses = new LinkedHashMap<>();
        for (OperationRef operation : sortedOperations) {
            String suffix = JavaNames.type(operation.kind().keyword());
            String base = topLevelName(operation.id().name());
            operationClasses.put(operation.id(), ClassName.get(pkg, classes.claim(base.endsWith(suffix) ? base : base + suffix,
                    "Operation", "operation '" + operation.id().name() + "' (" + operation.id().file().value() + ")")));
        }
        Map<String, ClassName> fragmentClasses = new TreeMap<>();
        for (String fragment : new java.util.TreeSet<>(fragments)) {
            String base = topLevelName(fragment);
            String owner = "fragment '" + fragment + "'";
            if (OPERATION_KINDS.stream().noneMatch(base::endsWith)) {
                fragmentClasses.put(fragment, ClassName.get(pkg, classes.claim(base, "Fragment", owner)));
                continue;
            }
            // Names ending in an operation kind belong to operations: the fragment is suffixed whether or not an
            // operation holds the name today, so an operation added later cannot take the fragment's name.
            String name = classes.claim(base + "Fragment", "Fragment", owner);
            classes.holder(base).ifPresent(holder -> classes.warn(owner, name, base, holder,
                    "Class names ending in Query, Mutation or Subscription belong to operations; rename the fragment to choose its class name."));
            fragmentClasses.put(fragment, ClassName.get(pkg, name));
        }
        return new GeneratedNames(schemaTypeClasses, fragmentClasses, operationClasses, classes.warnings());
    }

    private static final List<String> OPERATION_KINDS = List.of("Query", "Mutation", "Subscription");

    /** Top-level class names, claimed in order: a taken name gets the kind's suffix, then {@code _2}, ... */
    private static final class ClassNames {
        private final NameScope scope = NameScope.forTypes(JavaNames.RESERVED_TYPES);
        private final Map<String, String> holders = new java.util.HashMap<>();
        private final List<Diagnostic> warnings = new ArrayList<>();

        String claim(String base, String suffix, String owner) {
            String name;
            if (!scope.isTaken(base) && !JavaNames.OPERATION_CONSTANTS.contains(base)) {
                name = scope.allocate(base);
            } else {
                name = scope.allocate(scope.isTaken(base + suffix) ? base : base + suffix);
                holder(base).ifPresent(holder -> warn(owner, name, base, holder, "Rename one of them to choose. Class"
                        + " names never depend on which other definitions exist, except for two of one kind whose names"
                        + " differ only in case (or an operation 'Foo' beside 'FooQuery'): sort order decides those."));
            }
            holders.putIfAbsent(name.toLowerCase(java.util.Locale.ROOT), owner);
            return name;
        }

        /** The definition that holds {@code name} (a file system may ignore case, so case is ignored). */
        Optional<String> holder(String name) {
            return Optional.ofNullable(holders.get(name.toLowerCase(java.util.Locale.ROOT)));
        }

        void warn(String owner, String name, String wanted, String holder, String hint) {
            warnings.add(Diagnostic.global(DiagnosticCode.CLASS_NAME_TAKEN, capitalized(owner) + " is generated as '"
                    + name + "', because '" + wanted + "' is the class of " + holder + ".", hint));
        }

        List<Diagnostic> warnings() {
            return warnings;
        }

        private static String capitalized(String text) {
            return Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }
    }

    public static GeneratedSources generate(GenerationRequest request) {
        String pkg = request.javaPackage();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<String, ScalarMapping> scalars = usableScalars(request, diagnostics);
        GeneratedNames names = request.names();
        diagnostics.addAll(names.warnings());

        TypeMapping mapping = new TypeMapping(pkg, names.schemaTypes(), scalars, request.nullability());
        SelectionTypes selections = new SelectionTypes(mapping, names.fragments());
        ValueRecords values = new ValueRecords(mapping);
        List<GeneratedFile> files = new ArrayList<>();
        ProjectPath folder = request.outputDirectory().resolve(pkg.replace('.', '/'));

        if (request.includeShared()) {
            for (String support : SUPPORT_TYPES) {
                files.add(shared(folder, support, template(support, pkg, request.nullability())));
            }
            if (request.nullability() == Nullability.JSPECIFY) {
                files.add(shared(folder, "package-info", packageInfo(pkg)));
            }
            if (!scalars.values().stream().filter(s -> s.codecClass().isPresent()).toList().isEmpty()) {
                files.add(shared(folder, "CustomScalars", render(pkg, customScalars(pkg, scalars, mapping))));
            }
            for (EnumShape shape : request.usage().enums()) {
                ClassName name = names.schemaTypes().get(shape.name());
                files.add(shared(folder, name.simpleName(), render(pkg, SchemaTypes.enumType(name, shape, mapping))));
            }
            for (InputShape shape : request.usage().inputs()) {
                ClassName name = names.schemaTypes().get(shape.name());
                files.add(shared(folder, name.simpleName(), render(pkg, SchemaTypes.inputType(name, shape, values))));
            }
            files.add(shared(folder, "Operations", render(pkg, registry(pkg, names.operations().values()))));
        }
        // Units are independent of each other, so they render in parallel; the result is sorted below.
        files.addAll(request.fragments().entrySet().parallelStream().map(entry -> LargeStack.retryingOnOverflow("soda-gql-codegen", () -> {
            FragmentShape fragment = entry.getValue();
            ClassName name = names.fragments().get(fragment.name());
            SelectionTypes.Unit unit = new SelectionTypes.Unit(name, selections.referencedNames(fragment.selection()));
            TypeSpec.Builder type = selections.typeFor(name, fragment.selection(), Set.of(name.simpleName()), List.of(), unit)
                    .addJavadoc("The fragment {@code $L} on {@code $L}, from {@code $L}.\n",
                            JavaNames.javadoc(fragment.name()), JavaNames.javadoc(fragment.typeCondition()),
                            JavaNames.javadoc(fragment.source().value()))
                    .addMethod(rootFromMap(name, fragment.name()))
                    .addTypes(unit.hoisted());
            return owned(folder, name.simpleName(), render(pkg, type), entry.getKey());
        })).toList());
        files.addAll(request.operations().parallelStream().map(operation -> LargeStack.retryingOnOverflow("soda-gql-codegen", () -> {
            ClassName name = names.operations().get(operation.operation().id());
            TypeSpec.Builder type = OperationClasses.operationClass(name, operation, selections, values, pkg);
            return owned(folder, name.simpleName(), render(pkg, type), operation.operation().id());
        })).toList());
        files.sort(Comparator.comparing(GeneratedFile::path));
        return new GeneratedSources(files, diagnostics);
    }

    /** The scalar mappings that can be generated; warns about unmapped scalars and rejects unusable mappings. */
    private static Map<String, ScalarMapping> usableScalars(GenerationRequest request, List<Diagnostic> diagnostics) {
        Map<String, ScalarMapping> usable = new TreeMap<>();
        for (String scalar : request.usage().customScalars()) {
            ScalarMapping mapping = request.scalars().get(scalar);
            if (mapping == null) {
                diagnostics.add(Diagnostic.global(DiagnosticCode.UNMAPPED_SCALAR,
                        "Custom scalar '" + scalar + "' has no Java mapping, so it is generated as Object.",
                        "Map it in 'scalars', e.g. " + scalar + " -> java.time.OffsetDateTime, or name a codec class."));
            } else if (mapping.codecClass().isEmpty() && !TypeMapping.BUILT_IN_CODECS.containsKey(mapping.javaType())) {
                diagnostics.add(Diagnostic.global(DiagnosticCode.CONFIG_INVALID,
                        "Configuration 'scalars' maps '" + scalar + "' to " + mapping.javaType()
                                + ", which has no built-in codec.",
                        "Name a codec class implementing ScalarCodec, or use one of " + new java.util.TreeSet<>(
                                TypeMapping.BUILT_IN_CODECS.keySet()) + "."));
            } else {
                usable.put(scalar, mapping);
            }
        }
        return usable;
    }

    private static String topLevelName(String graphqlName) {
        return JavaNames.capped(JavaNames.type(graphqlName), JavaNames.MAX_TOP_LEVEL_NAME);
    }

    static AnnotationSpec generated() {
        return AnnotationSpec.builder(GENERATED).addMember("value", "$S", GENERATOR).build();
    }

    /** {@code fromMap(map)} for a top-level type: the response path starts at the type's GraphQL name. */
    static MethodSpec rootFromMap(ClassName name, String path) {
        return MethodSpec.methodBuilder("fromMap")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(name)
                .addParameter(SelectionTypes.anyMap(), "map")
                .addStatement("return fromMap(map, $S)", path)
                .build();
    }

    private static TypeSpec.Builder customScalars(String pkg, Map<String, ScalarMapping> scalars, TypeMapping types) {
        TypeSpec.Builder type = TypeSpec.classBuilder("CustomScalars").addModifiers(Modifier.FINAL)
                .addJavadoc("The codecs of the custom scalars, one instance each.\n")
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        scalars.forEach((scalar, mapping) -> mapping.codecClass().ifPresent(codec -> type.addField(FieldSpec.builder(
                ParameterizedTypeName.get(ClassName.get(pkg, "ScalarCodec"), types.scalarType(mapping)),
                TypeMapping.codecField(scalar), Modifier.STATIC, Modifier.FINAL)
                .initializer("new $T()", ClassName.bestGuess(codec)).build())));
        return type;
    }

    private static TypeSpec.Builder registry(String pkg, java.util.Collection<ClassName> operations) {
        TypeName operation = ParameterizedTypeName.get(ClassName.get(pkg, "GraphQLOperation"),
                WildcardTypeName.subtypeOf(Object.class), WildcardTypeName.subtypeOf(Object.class));
        TypeName list = ParameterizedTypeName.get(ClassName.get(List.class), operation);
        TypeName map = ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), operation);
        CodeBlock.Builder all = CodeBlock.builder().add("$T.of(", List.class);
        boolean first = true;
        for (ClassName name : operations) {
            all.add(first ? "\n$>$>$T.INSTANCE" : ",\n$T.INSTANCE", name);
            first = false;
        }
        all.add(first ? ")" : "$<$<)");
        return TypeSpec.classBuilder("Operations").addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("Every generated operation, found by persisted-query id or by name.\n")
                .addField(FieldSpec.builder(list, "ALL", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer(all.build()).build())
                .addField(FieldSpec.builder(map, "BY_ID", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("index(true)").build())
                .addField(FieldSpec.builder(map, "BY_NAME", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("index(false)").build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(MethodSpec.methodBuilder("all").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(list)
                        .addJavadoc("Every operation, sorted by name.\n").addStatement("return ALL").build())
                .addMethod(MethodSpec.methodBuilder("byId").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), operation))
                        .addParameter(String.class, "id")
                        .addStatement("return $T.ofNullable(BY_ID.get(id))", Optional.class).build())
                .addMethod(MethodSpec.methodBuilder("byName").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), operation))
                        .addParameter(String.class, "name")
                        .addStatement("return $T.ofNullable(BY_NAME.get(name))", Optional.class).build())
                .addMethod(MethodSpec.methodBuilder("index").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(map)
                        .addParameter(TypeName.BOOLEAN, "byId")
                        .addStatement("$T index = new $T<>()", map, java.util.HashMap.class)
                        .beginControlFlow("for ($T operation : ALL)", operation)
                        .addStatement("index.putIfAbsent(byId ? operation.id() : operation.name(), operation)")
                        .endControlFlow()
                        .addStatement("return $T.unmodifiableMap(index)", java.util.Collections.class)
                        .build());
    }

    private static byte[] render(String pkg, TypeSpec.Builder type) {
        TypeSpec spec = type.addAnnotation(generated()).build();
        String text = JavaFile.builder(pkg, spec).indent("    ").skipJavaLangImports(true).build().toString();
        return SourceLayout.compact(text).getBytes(StandardCharsets.UTF_8);
    }


    /**
     * A support type's source. Its placeholders say what may be null: {@code ${Nullable}} before a type, and
     * {@code ${NullUnmarked}} before {@code GraphQLValues}, whose internals check nulls at run time rather than in
     * their types; both are empty without annotations, so the text is then exactly the template's.
     */
    private static byte[] template(String name, String pkg, Nullability nullability) {
        boolean jspecify = nullability == Nullability.JSPECIFY;
        try (InputStream in = JavaGenerator.class.getResourceAsStream("support/" + name + ".java.txt")) {
            if (in == null) {
                throw new IllegalStateException("Missing template " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${package}", pkg)
                    .replace("${Nullable}", jspecify ? "@" + TypeMapping.JSPECIFY_NULLABLE.canonicalName() + " " : "")
                    .replace("${NullUnmarked}", jspecify ? "@org.jspecify.annotations.NullUnmarked\n" : "")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code package-info.java} marking the package {@code @NullMarked}: a type without {@code @Nullable} is never null. */
    private static byte[] packageInfo(String pkg) {
        return ("/** Generated by soda-gql. Every position that may hold null is {@code @Nullable}; no other is. */\n"
                + "@org.jspecify.annotations.NullMarked\n"
                + "@javax.annotation.processing.Generated(\"" + GENERATOR + "\")\n"
                + "package " + pkg + ";\n").getBytes(StandardCharsets.UTF_8);
    }

    private static GeneratedFile shared(ProjectPath folder, String simpleName, byte[] bytes) {
        return new GeneratedFile(folder.resolve(simpleName + ".java"), bytes, Optional.empty());
    }

    private static GeneratedFile owned(ProjectPath folder, String simpleName, byte[] bytes, DefinitionId owner) {
        return new GeneratedFile(folder.resolve(simpleName + ".java"), bytes, Optional.of(owner));
    }

    static List<ValueRecords.Member> variableMembers(OperationShape operation) {
        List<ValueRecords.Member> members = new ArrayList<>();
        for (VariableShape variable : operation.variables()) {
            members.add(new ValueRecords.Member(variable.name(), variable.type(), variable.required(),
                    variable.defaultValue(), Optional.empty(), Optional.empty()));
        }
        return members;
    }
}
