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
import io.github.sodagql.core.config.ScalarMapping;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.output.OutputFile;
import io.github.sodagql.core.shape.EnumShape;
import io.github.sodagql.core.shape.FragmentShape;
import io.github.sodagql.core.shape.InputShape;
import io.github.sodagql.core.shape.OperationShape;
import io.github.sodagql.core.shape.SchemaUsage;
import io.github.sodagql.core.shape.VariableShape;
import io.github.sodagql.core.graph.DefinitionId;
import io.github.sodagql.core.source.ProjectPath;
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
     * The class name of every enum, input object, fragment and operation. Names depend only on names (never
     * on shapes), so a build that regenerates a few files allocates exactly the names a full build would.
     */
    public static GeneratedNames names(String pkg, SchemaUsage usage, java.util.Collection<String> fragments,
            java.util.Collection<OperationRef> operations) {
        NameScope topLevel = NameScope.forTypes(JavaNames.RESERVED_TYPES);
        Map<String, ClassName> schemaTypes = new TreeMap<>();
        for (EnumShape shape : usage.enums()) {
            schemaTypes.put(shape.name(), ClassName.get(pkg, allocate(topLevel, topLevelName(shape.name()), "Enum")));
        }
        for (InputShape shape : usage.inputs()) {
            schemaTypes.put(shape.name(), ClassName.get(pkg, allocate(topLevel, topLevelName(shape.name()), "Input")));
        }
        Map<String, ClassName> fragmentClasses = new TreeMap<>();
        for (String fragment : new java.util.TreeSet<>(fragments)) {
            fragmentClasses.put(fragment, ClassName.get(pkg, allocate(topLevel, topLevelName(fragment), "Fragment")));
        }
        Map<DefinitionId, ClassName> operationClasses = new LinkedHashMap<>();
        operations.stream().sorted(Comparator.comparing((OperationRef o) -> o.id().name()).thenComparing(o -> o.id().file()))
                .forEach(operation -> {
                    String suffix = JavaNames.type(operation.kind().keyword());
                    String base = topLevelName(operation.id().name());
                    operationClasses.put(operation.id(), ClassName.get(pkg,
                            allocate(topLevel, base.endsWith(suffix) ? base : base + suffix, "Operation")));
                });
        return new GeneratedNames(schemaTypes, fragmentClasses, operationClasses);
    }

    public static GeneratedSources generate(GenerationRequest request) {
        String pkg = request.javaPackage();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<String, ScalarMapping> scalars = usableScalars(request, diagnostics);
        GeneratedNames names = request.names();

        TypeMapping mapping = new TypeMapping(pkg, names.schemaTypes(), scalars);
        SelectionTypes selections = new SelectionTypes(mapping, names.fragments());
        ValueRecords values = new ValueRecords(mapping);
        List<GeneratedFile> files = new ArrayList<>();
        ProjectPath folder = request.outputDirectory().resolve(pkg.replace('.', '/'));

        if (request.includeShared()) {
            for (String support : SUPPORT_TYPES) {
                files.add(shared(folder, support, template(support, pkg)));
            }
            if (!scalars.values().stream().filter(s -> s.codecClass().isPresent()).toList().isEmpty()) {
                files.add(shared(folder, "CustomScalars", render(pkg, customScalars(pkg, scalars))));
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
        files.addAll(request.fragments().entrySet().parallelStream().map(entry -> {
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
        }).toList());
        files.addAll(request.operations().parallelStream().map(operation -> {
            ClassName name = names.operations().get(operation.operation().id());
            TypeSpec.Builder type = OperationClasses.operationClass(name, operation, selections, values, pkg);
            return owned(folder, name.simpleName(), render(pkg, type), operation.operation().id());
        }).toList());
        files.sort(Comparator.comparing(f -> f.file().path()));
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

    /** {@code base}, else {@code base + suffix}, else {@code base_2}, ... */
    private static String allocate(NameScope scope, String base, String suffix) {
        if (!scope.isTaken(base) && !JavaNames.OPERATION_CONSTANTS.contains(base)) {
            return scope.allocate(base);
        }
        if (!scope.isTaken(base + suffix)) {
            return scope.allocate(base + suffix);
        }
        return scope.allocate(base);
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

    private static TypeSpec.Builder customScalars(String pkg, Map<String, ScalarMapping> scalars) {
        TypeSpec.Builder type = TypeSpec.classBuilder("CustomScalars").addModifiers(Modifier.FINAL)
                .addJavadoc("The codecs of the custom scalars, one instance each.\n")
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        scalars.forEach((scalar, mapping) -> mapping.codecClass().ifPresent(codec -> type.addField(FieldSpec.builder(
                ParameterizedTypeName.get(ClassName.get(pkg, "ScalarCodec"), ClassName.bestGuess(mapping.javaType())),
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
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] template(String name, String pkg) {
        try (InputStream in = JavaGenerator.class.getResourceAsStream("support/" + name + ".java.txt")) {
            if (in == null) {
                throw new IllegalStateException("Missing template " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${package}", pkg)
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GeneratedFile shared(ProjectPath folder, String simpleName, byte[] bytes) {
        return new GeneratedFile(new OutputFile(folder.resolve(simpleName + ".java"), bytes), Optional.empty());
    }

    private static GeneratedFile owned(ProjectPath folder, String simpleName, byte[] bytes, DefinitionId owner) {
        return new GeneratedFile(new OutputFile(folder.resolve(simpleName + ".java"), bytes), Optional.of(owner));
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
