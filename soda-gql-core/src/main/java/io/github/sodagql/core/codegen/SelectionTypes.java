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
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Turns selection shapes into Java types: a record per object selection, a sealed interface with a
 * record per branch (plus {@code Other}) per polymorphic selection. Every type can {@code decode} itself
 * from a JSON value and give its {@code toMap()} back.
 *
 * <p>Schema field descriptions are not copied onto these records: a record is one selection of a type, and
 * every selection of a field repeated its description (on artsy, 1,253 texts 8,579 times, 8% of the lines).
 * They stay where a type has one Java home: input objects, variables and enums.
 */
final class SelectionTypes {
    static final ClassName MAP = ClassName.get(Map.class);
    private static final TypeName ANY_MAP = ParameterizedTypeName.get(MAP,
            com.palantir.javapoet.WildcardTypeName.subtypeOf(Object.class),
            com.palantir.javapoet.WildcardTypeName.subtypeOf(Object.class));

    private final TypeMapping mapping;
    private final Map<String, ClassName> fragmentClasses;

    SelectionTypes(TypeMapping mapping, Map<String, ClassName> fragmentClasses) {
        this.mapping = mapping;
        this.fragmentClasses = Map.copyOf(fragmentClasses);
    }

    static TypeName anyMap() {
        return ANY_MAP;
    }

    /**
     * Where the nested types of one generated file go. A nested type whose class file name would grow past
     * {@link JavaNames#MAX_BINARY_NAME} moves up into the file's top-level type under a shortened name with a
     * stable hash, so any nesting depth gives class files the file system accepts. Nested types never take a
     * simple name the file refers to (JDK, support, fragment, enum, input and scalar types): in a record
     * header such a name would resolve to the nested type.
     */
    static final class Unit {
        private final ClassName top;
        private final Set<String> referenced;
        private final NameScope hoistedNames;
        private final List<TypeSpec> hoisted = new ArrayList<>();

        Unit(ClassName top, Set<String> referenced) {
            this.top = top;
            this.referenced = Set.copyOf(referenced);
            Set<String> reserved = new HashSet<>(referenced);
            reserved.add(top.simpleName());
            this.hoistedNames = NameScope.forTypes(reserved);
        }

        /** The types that moved up, to add to the top-level type. */
        List<TypeSpec> hoisted() {
            return List.copyOf(hoisted);
        }
    }

    /** The names of the package and JDK types the Java for a selection refers to by simple name. */
    Set<String> referencedNames(SelectionShape selection) {
        Set<String> names = new HashSet<>(JavaNames.RESERVED_TYPES);
        names.addAll(mapping.annotationNames());
        collectReferences(selection, names);
        return names;
    }

    private void collectReferences(SelectionShape selection, Set<String> names) {
        for (ObjectSelection object : selection.objects()) {
            for (FieldShape field : object.fields()) {
                if (field.selection().isPresent()) {
                    collectReferences(field.selection().get(), names);
                } else {
                    mapping.referencedName(field.type().named()).ifPresent(names::add);
                }
            }
            object.fragments().forEach(spread -> names.add(fragmentClasses.get(spread.fragmentName()).simpleName()));
        }
    }

    /** The Java type for a selection, named {@code name}, nested in types whose simple names are {@code enclosing}. */
    TypeSpec.Builder typeFor(ClassName name, SelectionShape selection, Set<String> enclosing, List<ClassName> implemented,
            Unit unit) {
        if (selection instanceof PolymorphicSelection polymorphic) {
            return sealedInterface(name, polymorphic, enclosing, unit);
        }
        return record(name, (ObjectSelection) selection, enclosing, implemented, unit).builder();
    }

    /** A record and, for interfaces, the accessors it has with their types. */
    private record BuiltRecord(TypeSpec.Builder builder, Map<String, TypeName> accessors) {}

    /** A scope for the types nested in {@code name}: not its enclosing types' names, nor any name the file refers to. */
    private static NameScope nestedScope(Set<String> inner, Unit unit) {
        Set<String> reserved = new HashSet<>(unit.referenced);
        reserved.addAll(inner);
        return NameScope.forTypes(reserved);
    }

    /**
     * Adds the type of a field's selection: nested in {@code parent}, or moved up into the file's top-level
     * type when its class file name would be too long.
     */
    private ClassName nestedType(ClassName parent, TypeSpec.Builder parentType, NameScope scope, Set<String> inner,
            String responseName, SelectionShape selection, Unit unit) {
        String simple = scope.allocate(JavaNames.capped(JavaNames.type(responseName), JavaNames.MAX_NESTED_NAME));
        ClassName nestedName = parent.nestedClass(simple);
        // Room for one more level: the records of a sealed interface are nested in it.
        boolean hoist = JavaNames.binaryNameLength(nestedName) + 1 + JavaNames.MAX_NESTED_NAME > JavaNames.MAX_BINARY_NAME;
        if (hoist) {
            nestedName = unit.top.nestedClass(unit.hoistedNames.allocate(
                    simple + "_" + JavaNames.shortHash(parent.reflectionName() + "$" + simple)));
        }
        Set<String> nestedEnclosing = hoist ? new HashSet<>(Set.of(unit.top.simpleName())) : new HashSet<>(inner);
        nestedEnclosing.add(nestedName.simpleName());
        TypeSpec nested = typeFor(nestedName, selection, nestedEnclosing, List.of(), unit)
                .addModifiers(Modifier.STATIC).build();
        if (hoist) {
            unit.hoisted.add(nested);
        } else {
            parentType.addType(nested);
        }
        return nestedName;
    }

    private BuiltRecord record(ClassName name, ObjectSelection selection, Set<String> enclosing, List<ClassName> implemented,
            Unit unit) {
        NameScope members = NameScope.forMembers(JavaNames.RESERVED_MEMBERS);
        Set<String> inner = new HashSet<>(enclosing);
        inner.add(name.simpleName());
        NameScope nestedTypes = nestedScope(inner, unit);

        TypeSpec.Builder type = TypeSpec.recordBuilder(name).addModifiers(Modifier.PUBLIC);
        implemented.forEach(type::addSuperinterface);
        MethodSpec.Builder constructor = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
        List<CodeBlock> decoded = new ArrayList<>();
        List<CodeBlock> encoded = new ArrayList<>();
        List<CodeBlock> required = new ArrayList<>();
        Map<String, TypeName> accessors = new LinkedHashMap<>();

        for (FieldShape field : selection.fields()) {
            String member = members.allocate(JavaNames.member(field.responseName()));
            Optional<TypeName> nested = field.selection().map(nestedSelection ->
                    nestedType(name, type, nestedTypes, inner, field.responseName(), nestedSelection, unit));
            io.github.sodagql.core.shape.TypeRef fieldType = field.conditional()
                    ? field.type().withoutNonNull() : field.type();
            TypeName javaType = mapping.javaType(fieldType, nested, true);
            constructor.addParameter(javaType, member);
            field.deprecationReason().ifPresent(reason -> type.addMethod(deprecatedAccessor(member, javaType, reason)));
            if (!fieldType.nullable() && !javaType.isPrimitive()) {
                required.add(CodeBlock.of("$S, $N", member, member));
            }
            CodeBlock source = field.conditional()
                    ? CodeBlock.of("$T.included(map, $S)", mapping.values(), field.responseName())
                    : CodeBlock.of("map");
            decoded.add(mapping.fieldDecoder(fieldType, nested, source, field.responseName()));
            CodeBlock value = mapping.dataEncoder(fieldType, nested, CodeBlock.of("$N", member));
            // Left out by @include/@skip: absent in the response, so absent in toMap() too.
            encoded.add(field.conditional()
                    ? CodeBlock.of("$S, $T.ifIncluded($L)", field.responseName(), mapping.values(), value)
                    : CodeBlock.of("$S, $L", field.responseName(), value));
            if (field.selection().isEmpty()) {
                accessors.put(member, javaType);
            }
        }
        for (FragmentRef spread : selection.fragments()) {
            ClassName fragmentClass = fragmentClasses.get(spread.fragmentName());
            String member = members.allocate(JavaNames.member(lowerFirst(fragmentClass.simpleName())));
            // A conditional spread's component is null when the server left the fragment's fields out.
            constructor.addParameter(spread.conditional() ? mapping.nullable(fragmentClass) : fragmentClass, member);
            if (spread.conditional()) {
                decoded.add(CodeBlock.of("$T.hasAll(map$L) ? $T.fromMap(map, path) : null", mapping.values(),
                        presenceKeys(spread), fragmentClass));
                encoded.add(CodeBlock.of("$S, $N == null ? null : $N.toMap()", "...", member, member));
            } else {
                required.add(CodeBlock.of("$S, $N", member, member));
                decoded.add(CodeBlock.of("$T.fromMap(map, path)", fragmentClass));
                encoded.add(CodeBlock.of("$S, $N.toMap()", "...", member));
                accessors.put(member, fragmentClass);
            }
        }
        if (!required.isEmpty()) {
            constructor.addStatement("$T.requireNonNull($L)", mapping.values(), CodeBlock.join(required, ",$W"));
        }
        type.recordConstructor(constructor.build());
        type.addMethod(MethodSpec.methodBuilder("fromMap")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(name)
                .addParameter(ANY_MAP, "map")
                .addParameter(String.class, "path")
                .addStatement("return new $T($L)", name, CodeBlock.join(decoded, ",$W"))
                .build());
        MethodSpec.Builder toMap = MethodSpec.methodBuilder("toMap")
                .addModifiers(Modifier.PUBLIC)
                .returns(mapping.jsonObject())
                .addStatement("return $T.map($L)", mapping.values(), CodeBlock.join(encoded, ",$W"));
        if (!implemented.isEmpty()) {
            toMap.addAnnotation(Override.class);
        }
        type.addMethod(toMap.build());
        return new BuiltRecord(type, accessors);
    }

    private TypeSpec.Builder sealedInterface(ClassName name, PolymorphicSelection selection, Set<String> enclosing, Unit unit) {
        Set<String> inner = new HashSet<>(enclosing);
        inner.add(name.simpleName());
        NameScope nestedTypes = nestedScope(inner, unit);
        TypeSpec.Builder type = TypeSpec.interfaceBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.SEALED);
        CodeBlock.Builder cases = CodeBlock.builder();
        List<BuiltRecord> records = new ArrayList<>();
        for (Branch branch : selection.branches()) {
            ClassName branchName = name.nestedClass(nestedTypes.allocate(
                    JavaNames.capped(JavaNames.type(branch.label()), JavaNames.MAX_NESTED_NAME)));
            records.add(addBranch(type, branchName, branch.selection(), inner, unit));
            cases.add("case $L -> $T.fromMap(map, path);\n", String.join(", ",
                    branch.concreteTypes().stream().map(t -> CodeBlock.of("$S", t).toString()).toList()), branchName);
        }
        ClassName other = name.nestedClass(nestedTypes.allocate("Other"));
        records.add(addBranch(type, other, selection.fallback(), inner, unit));
        cases.add("default -> $T.fromMap(map, path);\n", other);

        // An accessor goes on the interface when every record has it with the same type.
        Map<String, TypeName> common = new LinkedHashMap<>(records.get(0).accessors());
        for (BuiltRecord record : records) {
            common.entrySet().removeIf(e -> !e.getValue().equals(record.accessors().get(e.getKey())));
        }
        common.forEach((member, javaType) -> type.addMethod(MethodSpec.methodBuilder(member)
                .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT).returns(javaType).build()));
        type.addMethod(MethodSpec.methodBuilder("toMap")
                .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT).returns(mapping.jsonObject()).build());
        type.addMethod(MethodSpec.methodBuilder("fromMap")
                .addJavadoc("The record of the object's concrete type; {@code $N} for a type this client does not know.\n",
                        other.simpleName())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(name)
                .addParameter(ANY_MAP, "map")
                .addParameter(String.class, "path")
                .addCode("return switch ($T.stringAt(map, $S, path, false)) {\n$>$L$<};\n", mapping.values(),
                        "__typename", cases.build())
                .build());
        return type;
    }

    private BuiltRecord addBranch(TypeSpec.Builder sealed, ClassName branchName, ObjectSelection selection, Set<String> enclosing,
            Unit unit) {
        Set<String> branchEnclosing = new HashSet<>(enclosing);
        branchEnclosing.add(branchName.simpleName());
        BuiltRecord record = record(branchName, selection, branchEnclosing, List.of(branchName.enclosingClassName()), unit);
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
                .addJavadoc("@deprecated $L\n", JavaNames.deprecatedTag(reason))
                .addStatement("return $N", member).build();
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
