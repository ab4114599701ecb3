package io.github.sodagql.core.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.sodagql.core.shape.EnumShape;
import io.github.sodagql.core.shape.InputShape;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/** Java for the schema types that operations use: enums and input objects. */
final class SchemaTypes {
    /** The constant for values this client does not know yet (the schema may add values). */
    static final String UNKNOWN = "UNKNOWN__";

    private SchemaTypes() {}

    static TypeSpec.Builder enumType(ClassName name, EnumShape shape, TypeMapping mapping) {
        NameScope constants = NameScope.forMembers(Set.of(UNKNOWN, "rawValue"));
        TypeSpec.Builder type = TypeSpec.enumBuilder(name).addModifiers(Modifier.PUBLIC);
        shape.description().ifPresent(text -> type.addJavadoc("$L\n", JavaNames.javadoc(text)));
        for (EnumShape.Value value : shape.values()) {
            TypeSpec.Builder constant = TypeSpec.anonymousClassBuilder("$S", value.name());
            value.description().ifPresent(text -> constant.addJavadoc("$L\n", JavaNames.javadoc(text)));
            // As on a deprecated field: the annotation, and the schema's reason where a reader looks for it.
            value.deprecationReason().ifPresent(reason -> constant.addAnnotation(Deprecated.class)
                    .addJavadoc("@deprecated $L\n", JavaNames.deprecatedTag(reason)));
            type.addEnumConstant(constants.allocate(JavaNames.constant(value.name())), constant.build());
        }
        type.addEnumConstant(UNKNOWN, TypeSpec.anonymousClassBuilder("null")
                .addJavadoc("A value this client does not know: the schema gained it after the code was generated.\n")
                .build());
        // Null for UNKNOWN__ only.
        TypeName rawValue = mapping.nullable(ClassName.get(String.class));
        type.addField(FieldSpec.builder(rawValue, "rawValue", Modifier.PRIVATE, Modifier.FINAL).build());
        type.addMethod(MethodSpec.constructorBuilder().addParameter(rawValue, "rawValue")
                .addStatement("this.rawValue = rawValue").build());
        type.addMethod(MethodSpec.methodBuilder("rawValue").addModifiers(Modifier.PUBLIC).returns(rawValue)
                .addJavadoc("The value as GraphQL spells it; {@code null} for {@link #$L}.\n", UNKNOWN)
                .addStatement("return rawValue").build());
        type.addMethod(MethodSpec.methodBuilder("toInput").addModifiers(Modifier.PUBLIC).returns(String.class)
                .addJavadoc("The value to send to the server; {@link #$L} cannot be sent.\n", UNKNOWN)
                .beginControlFlow("if (this == $L)", UNKNOWN)
                .addStatement("throw new $T($S)", IllegalArgumentException.class,
                        shape.name() + "." + UNKNOWN + " stands for a value this client does not know; it cannot be sent")
                .endControlFlow()
                .addStatement("return rawValue").build());
        type.addMethod(MethodSpec.methodBuilder("fromRawValue").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(name).addParameter(String.class, "rawValue")
                .addJavadoc("The constant for a GraphQL value; {@link #$L} for a value this client does not know.\n", UNKNOWN)
                .beginControlFlow("for ($T value : values())", name)
                .beginControlFlow("if (value != $L && value.rawValue.equals(rawValue))", UNKNOWN)
                .addStatement("return value")
                .endControlFlow()
                .endControlFlow()
                .addStatement("return $L", UNKNOWN).build());
        type.addMethod(MethodSpec.methodBuilder("decode").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(name)
                .addJavadoc("Decodes a JSON string; {@code path} names it in errors.\n")
                .addParameter(Object.class, "value").addParameter(String.class, "path")
                .addStatement("return fromRawValue($T.string(value, path))", mapping.values()).build());
        return type;
    }

    static TypeSpec.Builder inputType(ClassName name, InputShape shape, ValueRecords values) {
        List<ValueRecords.Member> members = shape.fields().stream()
                .map(field -> new ValueRecords.Member(field.name(), field.type(), field.required(), field.defaultValue(),
                        field.description(), field.deprecationReason()))
                .toList();
        return values.record(name, members, "Input field", shape.description());
    }
}
