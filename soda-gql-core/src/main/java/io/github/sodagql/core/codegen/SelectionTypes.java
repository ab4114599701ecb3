package io.github.sodagql.core.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.sodagql.core.shape.FieldShape;
import io.github.sodagql.core.shape.FragmentRef;
import io.github.sodagql.core.shape.FragmentShape;
import io.github.sodagql.core.shape.SelectionShape;
import io.github.sodagql.core.shape.SelectionShape.Branch;
import io.github.sodagql.core.shape.SelectionShape.ObjectSelection;
import io.github.sodagql.core.shape.SelectionShape.PolymorphicSelection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Turns selection shapes into Java types: a record per object selection, a sealed interface with a
 * record per branch (plus {@code Other}) per polymorphic selection. Every type can {@code decode} itself
 * from a JSON value and give its {@code toMap()} back.
 */
final class SelectionTypes {
    static final ClassName MAP = ClassName.get(Map.class);
    private static final TypeName ANY_MAP = ParameterizedTypeName.get(MAP,
            com.palantir.javapoet.WildcardTypeName.subtypeOf(Object.class),
            com.palantir.javapoet.WildcardTypeName.subtypeOf(Object.class));
    private static final TypeName STRING_OBJECT_MAP = ParameterizedTypeName.get(MAP, ClassName.get(String.class), ClassName.OBJECT);

    private final TypeMapping mapping;
    private final Map<String, ClassName> fragmentClasses;
    private final java.util.function.Function<String, FragmentShape> fragments;

    SelectionTypes(TypeMapping mapping, Map<String, ClassName> fragmentClasses,
            java.util.function.Function<String, FragmentShape> fragments) {
        this.mapping = mapping;
        this.fragmentClasses = Map.copyOf(fragmentClasses);
        this.fragments = fragments;
    }

    static TypeName anyMap() {
        return ANY_MAP;
    }

    /** The Java type for a selection, named {@code name}, nested in types whose simple names are {@code enclosing}. */
    TypeSpec.Builder typeFor(ClassName name, SelectionShape selection, Set<String> enclosing, List<ClassName> implemented) {
        if (selection instanceof PolymorphicSelection polymorphic) {
            return sealedInterface(name, polymorphic, enclosing);
        }
        return record(name, (ObjectSelection) selection, enclosing, implemented).builder();
    }

    /** A record and, for interfaces, the accessors it has with their types. */
    private record BuiltRecord(TypeSpec.Builder builder, Map<String, TypeName> accessors) {}

    private BuiltRecord record(ClassName name, ObjectSelection selection, Set<String> enclosing, List<ClassName> implemented) {
        NameScope members = NameScope.forMembers(JavaNames.RESERVED_MEMBERS);
        Set<String> inner = new HashSet<>(enclosing);
        inner.add(name.simpleName());
        NameScope nestedTypes = NameScope.forTypes(inner);

        TypeSpec.Builder type = TypeSpec.recordBuilder(name).addModifiers(Modifier.PUBLIC);
        implemented.forEach(type::addSuperinterface);
        MethodSpec.Builder constructor = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
        CodeBlock.Builder decodeArguments = CodeBlock.builder();
        CodeBlock.Builder encode = CodeBlock.builder()
                .addStatement("$T map = new $T<>()", STRING_OBJECT_MAP, ClassName.get(LinkedHashMap.class));
        Map<String, TypeName> accessors = new LinkedHashMap<>();
        List<String> paramDocs = new ArrayList<>();
        boolean first = true;

        for (FieldShape field : selection.fields()) {
            String member = members.allocate(JavaNames.member(field.responseName()));
            Optional<TypeName> nested = Optional.empty();
            if (field.selection().isPresent()) {
                ClassName nestedName = name.nestedClass(nestedTypes.allocate(JavaNames.type(field.responseName())));
                Set<String> nestedEnclosing = new HashSet<>(inner);
                nestedEnclosing.add(nestedName.simpleName());
                TypeSpec.Builder nestedType = typeFor(nestedName, field.selection().get(), nestedEnclosing, List.of());
                nestedType.addModifiers(Modifier.STATIC);
                type.addType(nestedType.build());
                nested = Optional.of(nestedName);
            }
            io.github.sodagql.core.shape.TypeRef fieldType = field.conditional()
                    ? field.type().withoutNonNull() : field.type();
            TypeName javaType = mapping.javaType(fieldType, nested, true);
            constructor.addParameter(javaType, member);
            field.deprecationReason().ifPresent(reason -> type.addMethod(deprecatedAccessor(member, javaType, reason)));
            if (!fieldType.nullable() && !javaType.isPrimitive()) {
                constructor.addStatement("$T.requireNonNull($N, $S)", Objects.class, member, member);
            }
            field.description().ifPresent(text -> paramDocs.add("@param " + member + " " + JavaNames.javadoc(text)));
            CodeBlock value = field.conditional()
                    ? CodeBlock.of("map.get($S)", field.responseName())
                    : CodeBlock.of("$T.field(map, $S, path)", mapping.values(), field.responseName());
            decodeArguments.add(first ? "\n$L.decode($L, path + $S)" : ",\n$L.decode($L, path + $S)",
                    mapping.decoder(fieldType, nested), value, "." + field.responseName());
            first = false;
            if (field.conditional()) {
                // Left out by @include/@skip: absent in the response, so absent in toMap() too.
                encode.beginControlFlow("if (this.$N != null)", member);
            }
            encode.addStatement("map.put($S, $T.encode(this.$N, $L))", field.responseName(), mapping.values(), member,
                    mapping.encoder(fieldType, nested));
            if (field.conditional()) {
                encode.endControlFlow();
            }
            if (field.selection().isEmpty()) {
                accessors.put(member, javaType);
            }
        }
        for (FragmentRef spread : selection.fragments()) {
            ClassName fragmentClass = fragmentClasses.get(spread.fragmentName());
            String member = members.allocate(JavaNames.member(lowerFirst(fragmentClass.simpleName())));
            constructor.addParameter(fragmentClass, member);
            CodeBlock decoded;
            if (spread.conditional()) {
                decoded = CodeBlock.of("$T.hasAll(map$L) ? $T.fromMap(map, path) : null", mapping.values(),
                        presenceKeys(spread), fragmentClass);
                encode.beginControlFlow("if (this.$N != null)", member).addStatement("$T.merge(map, this.$N.toMap())", mapping.values(), member)
                        .endControlFlow();
            } else {
                constructor.addStatement("$T.requireNonNull($N, $S)", Objects.class, member, member);
                decoded = CodeBlock.of("$T.fromMap(map, path)", fragmentClass);
                encode.addStatement("$T.merge(map, this.$N.toMap())", mapping.values(), member);
                accessors.put(member, fragmentClass);
            }
            decodeArguments.add(first ? "\n$L" : ",\n$L", decoded);
            first = false;
        }
        encode.addStatement("return map");
        if (!paramDocs.isEmpty()) {
            type.addJavadoc("$L\n", String.join("\n", paramDocs));
        }
        type.recordConstructor(constructor.build());
        type.addMethod(MethodSpec.methodBuilder("fromMap")
                .addJavadoc("Decodes this selection from a response object; {@code path} names it in errors.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(name)
                .addParameter(ANY_MAP, "map")
                .addParameter(String.class, "path")
                .addStatement("return new $T($L)", name, decodeArguments.build())
                .build());
        type.addMethod(decodeMethod(name));
        MethodSpec.Builder toMap = MethodSpec.methodBuilder("toMap")
                .addJavadoc("This value as a response object, as a JSON library would give it.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(STRING_OBJECT_MAP)
                .addCode(encode.build());
        if (!implemented.isEmpty()) {
            toMap.addAnnotation(Override.class);
        }
        type.addMethod(toMap.build());
        return new BuiltRecord(type, accessors);
    }

    private TypeSpec.Builder sealedInterface(ClassName name, PolymorphicSelection selection, Set<String> enclosing) {
        Set<String> inner = new HashSet<>(enclosing);
        inner.add(name.simpleName());
        NameScope nestedTypes = NameScope.forTypes(inner);
        TypeSpec.Builder type = TypeSpec.interfaceBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.SEALED);
        CodeBlock.Builder cases = CodeBlock.builder();
        List<BuiltRecord> records = new ArrayList<>();
        for (Branch branch : selection.branches()) {
            ClassName branchName = name.nestedClass(nestedTypes.allocate(JavaNames.type(branch.label())));
            records.add(addBranch(type, branchName, branch.selection(), inner));
            cases.add("case $L -> $T.fromMap(map, path);\n", String.join(", ",
                    branch.concreteTypes().stream().map(t -> CodeBlock.of("$S", t).toString()).toList()), branchName);
        }
        ClassName other = name.nestedClass(nestedTypes.allocate("Other"));
        records.add(addBranch(type, other, selection.fallback(), inner));
        cases.add("default -> $T.fromMap(map, path);\n", other);

        // An accessor goes on the interface when every record has it with the same type.
        Map<String, TypeName> common = new LinkedHashMap<>(records.get(0).accessors());
        for (BuiltRecord record : records) {
            common.entrySet().removeIf(e -> !e.getValue().equals(record.accessors().get(e.getKey())));
        }
        common.forEach((member, javaType) -> type.addMethod(MethodSpec.methodBuilder(member)
                .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT).returns(javaType).build()));
        type.addMethod(MethodSpec.methodBuilder("toMap")
                .addJavadoc("This value as a response object, as a JSON library would give it.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT).returns(STRING_OBJECT_MAP).build());
        type.addMethod(MethodSpec.methodBuilder("fromMap")
                .addJavadoc("Decodes the record of the object's concrete type, or {@code $N} for a type this client does not know.\n", other.simpleName())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(name)
                .addParameter(ANY_MAP, "map")
                .addParameter(String.class, "path")
                .addStatement("$T typename = $T.string($T.field(map, $S, path), path + $S)", String.class,
                        mapping.values(), mapping.values(), "__typename", ".__typename")
                .addCode("return switch (typename) {\n$>$L$<};\n", cases.build())
                .build());
        type.addMethod(decodeMethod(name));
        return type;
    }

    private BuiltRecord addBranch(TypeSpec.Builder sealed, ClassName branchName, ObjectSelection selection, Set<String> enclosing) {
        Set<String> branchEnclosing = new HashSet<>(enclosing);
        branchEnclosing.add(branchName.simpleName());
        BuiltRecord record = record(branchName, selection, branchEnclosing, List.of(branchName.enclosingClassName()));
        record.builder().addModifiers(Modifier.STATIC);
        TypeSpec built = record.builder().build();
        sealed.addType(built);
        sealed.addPermittedSubclass(branchName);
        return record;
    }

    /**
     * The accessor of a deprecated component, declared so that it carries {@code @Deprecated}: on the
     * component itself javac 17 also puts it on the constructor parameter and warns.
     */
    static MethodSpec deprecatedAccessor(String member, TypeName javaType, String reason) {
        return MethodSpec.methodBuilder(member).addModifiers(Modifier.PUBLIC).returns(javaType)
                .addAnnotation(Deprecated.class)
                .addJavadoc("@deprecated $L\n", reason.isBlank() ? "No longer supported." : JavaNames.javadoc(reason))
                .addStatement("return $N", member).build();
    }

    private MethodSpec decodeMethod(ClassName name) {
        return MethodSpec.methodBuilder("decode")
                .addJavadoc("Decodes a JSON value that must be an object; {@code path} names it in errors.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(name)
                .addParameter(Object.class, "value")
                .addParameter(String.class, "path")
                .addStatement("return fromMap($T.object(value, path), path)", mapping.values())
                .build();
    }

    /** The arguments of the check that a conditional spread was included (see {@link FragmentRef#presenceKeys()}). */
    private static String presenceKeys(FragmentRef spread) {
        StringBuilder arguments = new StringBuilder();
        spread.presenceKeys().forEach(key -> arguments.append(", ").append(CodeBlock.of("$S", key)));
        return arguments.toString();
    }

    private static String lowerFirst(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
