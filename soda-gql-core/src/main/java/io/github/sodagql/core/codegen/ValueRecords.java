package io.github.sodagql.core.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.sodagql.core.shape.TypeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Records of values a client sends: an operation's {@code Variables} and input objects. Required members
 * are plain values; the others are {@code Input<T>}, so absent, explicit null and a value stay apart in
 * {@code toMap()}. Each gets a {@code Builder} so that many optional members stay readable.
 */
final class ValueRecords {
    /** One member: a variable or an input field. */
    record Member(String graphqlName, TypeRef type, boolean required, Optional<String> defaultValue,
            Optional<String> description, Optional<String> deprecationReason) {}

    private final TypeMapping mapping;

    ValueRecords(TypeMapping mapping) {
        this.mapping = mapping;
    }

    TypeSpec.Builder record(ClassName name, List<Member> members, String noun, Optional<String> description) {
        NameScope scope = NameScope.forMembers(JavaNames.RESERVED_MEMBERS);
        ClassName builderName = name.nestedClass(name.simpleName().equalsIgnoreCase("Builder") ? "Builder_" : "Builder");
        TypeSpec.Builder type = TypeSpec.recordBuilder(name).addModifiers(Modifier.PUBLIC);
        MethodSpec.Builder constructor = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
        // One call: an absent Input encodes to a marker that inputMap leaves out.
        List<CodeBlock> encoded = new ArrayList<>();
        TypeSpec.Builder builder = TypeSpec.classBuilder(builderName).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL);
        builder.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        List<String> arguments = new ArrayList<>();
        MethodSpec.Builder build = MethodSpec.methodBuilder("build").addModifiers(Modifier.PUBLIC).returns(name);
        List<String> docs = new ArrayList<>();

        for (Member member : members) {
            String javaName = scope.allocate(JavaNames.member(member.graphqlName()));
            arguments.add(javaName);
            TypeName valueType = mapping.javaType(member.type(), Optional.empty(), true);
            TypeName componentType = member.required() ? valueType : mapping.inputType(member.type());
            constructor.addParameter(componentType, javaName);
            member.deprecationReason().ifPresent(reason ->
                    type.addMethod(SelectionTypes.deprecatedAccessor(javaName, componentType, reason)));
            if (!componentType.isPrimitive()) {
                constructor.addStatement("$T.requireNonNull($N, $S)", Objects.class, javaName,
                        noun + " '" + member.graphqlName() + "' is required" + (member.required() ? "" : "; use Input.absent()"));
            }
            StringBuilder doc = new StringBuilder("@param ").append(javaName).append(' ');
            member.description().ifPresent(text -> doc.append(JavaNames.javadoc(text)).append(' '));
            doc.append("{@code ").append(JavaNames.javadoc(printed(member.type()))).append("}");
            member.defaultValue().ifPresent(value -> doc.append(", default {@code ").append(JavaNames.javadoc(value)).append("}"));
            docs.add(doc.toString());

            CodeBlock encoder = mapping.inputEncoder(member.type());
            if (member.required()) {
                encoded.add(CodeBlock.of("$S, $T.encode(this.$N, $L)", member.graphqlName(), mapping.values(), javaName, encoder));
                // Null until set: build() checks it.
                builder.addField(mapping.nullable(valueType.box()), javaName, Modifier.PRIVATE);
                build.addStatement("$T.requireNonNull($N, $S)", Objects.class, javaName,
                        noun + " '" + member.graphqlName() + "' is required");
                builder.addMethod(MethodSpec.methodBuilder(javaName).addModifiers(Modifier.PUBLIC).returns(builderName)
                        .addParameter(valueType, javaName)
                        .addStatement("this.$N = $N", javaName, javaName).addStatement("return this").build());
            } else {
                encoded.add(CodeBlock.of("$S, $T.encodeInput(this.$N, $L)", member.graphqlName(), mapping.values(), javaName,
                        encoder));
                TypeName boxed = valueType.box();
                builder.addField(FieldSpec.builder(componentType, javaName, Modifier.PRIVATE)
                        .initializer("$T.absent()", mapping.input()).build());
                builder.addMethod(MethodSpec.methodBuilder(javaName).addModifiers(Modifier.PUBLIC).returns(builderName)
                        .addParameter(mapping.nullable(boxed), javaName)
                        .addStatement("this.$N = $T.ofNullable($N)", javaName, mapping.input(), javaName)
                        .addStatement("return this").build());
            }
        }
        builder.addMethod(build.addStatement("return new $T($L)", name, String.join(", ", arguments)).build());
        description.ifPresent(text -> type.addJavadoc("$L\n\n", JavaNames.javadoc(text)));
        if (!docs.isEmpty()) {
            type.addJavadoc("$L\n", String.join("\n", docs));
        }
        type.recordConstructor(constructor.build());
        type.addMethod(MethodSpec.methodBuilder("builder").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(builderName).addStatement("return new $T()", builderName).build());
        type.addMethod(MethodSpec.methodBuilder("toMap")
                .addModifiers(Modifier.PUBLIC)
                .returns(mapping.jsonObject())
                .addStatement("return $T.inputMap($L)", mapping.values(), CodeBlock.join(encoded, ",$W")).build());
        type.addType(builder.build());
        return type;
    }

    static String printed(TypeRef type) {
        if (type instanceof TypeRef.NonNull nonNull) {
            return printed(nonNull.inner()) + "!";
        }
        if (type instanceof TypeRef.ListOf list) {
            return "[" + printed(list.item()) + "]";
        }
        return ((TypeRef.Named) type).name();
    }
}
