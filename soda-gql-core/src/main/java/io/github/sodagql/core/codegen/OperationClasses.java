package io.github.sodagql.core.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.sodagql.core.shape.OperationShape;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The class of one operation: its constants ({@code OPERATION_NAME}, {@code OPERATION_KIND},
 * {@code OPERATION_ID}, {@code DOCUMENT}), its {@code Variables} and {@code Data} records, and the
 * {@code GraphQLOperation} methods on a single {@code INSTANCE}.
 */
final class OperationClasses {
    /** A class-file constant holds at most 65,535 bytes of modified UTF-8; leave room for the encoding. */
    private static final int MAX_CONSTANT_BYTES = 60_000;

    private OperationClasses() {}

    static TypeSpec.Builder operationClass(ClassName name, OperationShape operation, SelectionTypes selections,
            ValueRecords values, String pkg) {
        ClassName variables = name.nestedClass("Variables");
        ClassName data = name.nestedClass("Data");
        // Only the operation's own text: the fragments have their own classes, and DOCUMENT holds it all.
        ClassName operationInterface = ClassName.get(pkg, "GraphQLOperation");
        String document = operation.operation().compact();

        TypeSpec.Builder type = TypeSpec.classBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(ClassName.get(pkg, "GeneratedOperation"), variables, data))
                // DOCUMENT holds the text (IDEs show a constant's value); a copy laid out here was 6% of artsy's lines.
                .addJavadoc("The {@code $L $L} operation, from {@code $L}; its text is {@link #DOCUMENT}.\n",
                        operation.operation().kind().keyword(), JavaNames.javadoc(operation.name()),
                        JavaNames.javadoc(operation.source().value()));
        type.addField(constant("OPERATION_NAME", operation.name()));
        type.addField(constant("OPERATION_KIND", operation.operation().kind().keyword()));
        type.addField(constant("OPERATION_ID", operation.operation().operationId().hex()));
        if (document.getBytes(StandardCharsets.UTF_8).length <= MAX_CONSTANT_BYTES) {
            type.addField(constant("DOCUMENT", document));
        } else {
            // Too long for a compile-time constant: joined once, at class initialization.
            type.addField(FieldSpec.builder(String.class, "DOCUMENT", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .initializer("$T.join($S, $L)", String.class, "", chunks(document)).build());
        }
        type.addField(FieldSpec.builder(name, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .initializer("new $T()", name).build());
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                .addStatement("super(OPERATION_NAME, OPERATION_KIND, OPERATION_ID, DOCUMENT, $T::fromMap)", data).build());

        TypeSpec.Builder variablesType = values.record(variables, JavaGenerator.variableMembers(operation), "Variable", java.util.Optional.empty())
                .addSuperinterface(operationInterface.nestedClass("Variables"))
                .addModifiers(Modifier.STATIC);
        type.addType(variablesType.build());
        // Nested types must not share a name with the class's constants: in an expression the constant wins.
        Set<String> enclosing = Set.of(name.simpleName(), "Data", "Variables", "OPERATION_NAME", "OPERATION_KIND",
                "OPERATION_ID", "DOCUMENT", "INSTANCE");
        Set<String> referenced = new java.util.HashSet<>(selections.referencedNames(operation.data()));
        referenced.addAll(enclosing);
        SelectionTypes.Unit unit = new SelectionTypes.Unit(name, referenced);
        TypeSpec.Builder dataType = selections.typeFor(data, operation.data(), enclosing, List.of(), unit)
                .addModifiers(Modifier.STATIC)
                .addMethod(JavaGenerator.rootFromMap(data, "data"));
        type.addType(dataType.build());
        type.addTypes(unit.hoisted());
        return type;
    }

    private static FieldSpec constant(String name, String value) {
        return FieldSpec.builder(String.class, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .initializer("$S", value).build();
    }

    private static String chunks(String document) {
        StringBuilder joined = new StringBuilder();
        for (int start = 0; start < document.length(); start += 10_000) {
            String chunk = document.substring(start, Math.min(document.length(), start + 10_000));
            joined.append(start == 0 ? "" : ", ").append(com.palantir.javapoet.CodeBlock.of("$S", chunk));
        }
        return joined.toString();
    }
}
