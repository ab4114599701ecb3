package io.github.sodagql.core.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.github.sodagql.core.config.Nullability;
import io.github.sodagql.core.config.ScalarMapping;
import io.github.sodagql.core.shape.TypeKind;
import io.github.sodagql.core.shape.TypeRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a GraphQL type is represented in Java and how values of it are decoded from and encoded to JSON
 * values. Decoders and encoders are expressions built from {@code GraphQLValues} combinators, so every
 * generated record decodes the same way.
 */
final class TypeMapping {
    static final ClassName JSPECIFY_NULLABLE = ClassName.get("org.jspecify.annotations", "Nullable");
    /**
     * The {@code java.*} types the generated code can decode and encode without a user codec: the
     * {@code GraphQLValues} decoder, then its encoder. {@code Object} and {@code Map} hold a JSON scalar as the
     * JSON library gave it; the boxed types decode like the built-in {@code Int}, {@code Float} and
     * {@code Boolean}, with range checks for {@code Short}, {@code Byte} and {@code Float}.
     */
    static final Map<String, String[]> BUILT_IN_CODECS = Map.ofEntries(
            Map.entry("java.time.OffsetDateTime", new String[] {"offsetDateTime", "isoText"}),
            Map.entry("java.time.ZonedDateTime", new String[] {"zonedDateTime", "isoText"}),
            Map.entry("java.time.Instant", new String[] {"instant", "text"}),
            Map.entry("java.time.LocalDate", new String[] {"localDate", "text"}),
            Map.entry("java.time.LocalDateTime", new String[] {"localDateTime", "isoText"}),
            Map.entry("java.time.LocalTime", new String[] {"localTime", "isoText"}),
            Map.entry("java.time.OffsetTime", new String[] {"offsetTime", "isoText"}),
            Map.entry("java.time.Duration", new String[] {"duration", "text"}),
            Map.entry("java.util.UUID", new String[] {"uuid", "text"}),
            Map.entry("java.net.URI", new String[] {"uri", "text"}),
            Map.entry("java.math.BigDecimal", new String[] {"bigDecimal", "identity"}),
            Map.entry("java.math.BigInteger", new String[] {"bigInteger", "identity"}),
            Map.entry("java.lang.Long", new String[] {"longValue", "identity"}),
            Map.entry("java.lang.String", new String[] {"string", "identity"}),
            Map.entry("java.lang.Integer", new String[] {"integer", "identity"}),
            Map.entry("java.lang.Short", new String[] {"shortValue", "identity"}),
            Map.entry("java.lang.Byte", new String[] {"byteValue", "identity"}),
            Map.entry("java.lang.Double", new String[] {"floatValue", "identity"}),
            Map.entry("java.lang.Float", new String[] {"float32", "identity"}),
            Map.entry("java.lang.Boolean", new String[] {"bool", "identity"}),
            Map.entry("java.lang.Object", new String[] {"raw", "identity"}),
            Map.entry("java.util.Map", new String[] {"jsonObject", "identity"}));

    private final ClassName values;
    private final ClassName input;
    private final ClassName customScalars;
    private final Map<String, ClassName> schemaTypes;
    private final Map<String, ScalarMapping> scalars;
    private final Optional<AnnotationSpec> nullable;
    private final TypeName jsonObject;

    /**
     * @param schemaTypes the generated class of every enum and input object, by GraphQL name
     * @param scalars the configured custom scalar mappings, by GraphQL name
     */
    TypeMapping(String javaPackage, Map<String, ClassName> schemaTypes, Map<String, ScalarMapping> scalars,
            Nullability nullability) {
        this.values = ClassName.get(javaPackage, "GraphQLValues");
        this.input = ClassName.get(javaPackage, "Input");
        this.customScalars = ClassName.get(javaPackage, "CustomScalars");
        this.schemaTypes = Map.copyOf(schemaTypes);
        this.scalars = Map.copyOf(scalars);
        this.nullable = nullability == Nullability.JSPECIFY ? Optional.of(AnnotationSpec.builder(JSPECIFY_NULLABLE).build())
                : Optional.empty();
        this.jsonObject = ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class),
                nullable(ClassName.OBJECT));
    }

    /** The simple names the Java of a unit refers to besides its types': the annotation's, when there is one. */
    Set<String> annotationNames() {
        return nullable.isPresent() ? Set.of(JSPECIFY_NULLABLE.simpleName()) : Set.of();
    }

    /**
     * {@code type} as a position that may hold null: {@code @Nullable} in type-use position under JSpecify
     * ({@code @Nullable String}, {@code java.util.@Nullable List<...>}), unchanged otherwise.
     */
    TypeName nullable(TypeName type) {
        return nullable.filter(annotation -> !type.annotations().contains(annotation))
                .<TypeName>map(type::annotated).orElse(type);
    }

    /** A JSON object as {@code toMap()} gives it: string keys, values that may be null. */
    TypeName jsonObject() {
        return jsonObject;
    }

    ClassName values() {
        return values;
    }

    ClassName input() {
        return input;
    }

    /**
     * The Java type of a value of {@code type}. Non-null {@code Int}, {@code Float} and {@code Boolean}
     * become primitives where {@code primitives} allows (record components, not list items).
     *
     * @param composite the generated type for an object, interface or union
     */
    TypeName javaType(TypeRef type, Optional<TypeName> composite, boolean primitives) {
        if (type instanceof TypeRef.NonNull nonNull) {
            TypeName inner = baseType(nonNull.inner(), composite);
            return primitives && inner.isBoxedPrimitive() ? inner.unbox() : inner;
        }
        return nullable(baseType(type, composite));
    }

    /** The Java type of a value of {@code type} (not itself non-null), without saying whether it may be null. */
    private TypeName baseType(TypeRef type, Optional<TypeName> composite) {
        if (type instanceof TypeRef.ListOf list) {
            return ParameterizedTypeName.get(ClassName.get(List.class), javaType(list.item(), composite, false));
        }
        TypeRef.Named named = (TypeRef.Named) type;
        if (named.kind().isComposite()) {
            return composite.orElseThrow(() -> new IllegalStateException("No type for " + named.name()));
        }
        if (named.kind() == TypeKind.ENUM || named.kind() == TypeKind.INPUT_OBJECT) {
            return schemaTypes.get(named.name());
        }
        return switch (named.name()) {
            case "Int" -> ClassName.get(Integer.class);
            case "Float" -> ClassName.get(Double.class);
            case "Boolean" -> ClassName.get(Boolean.class);
            case "String", "ID" -> ClassName.get(String.class);
            default -> Optional.ofNullable(scalars.get(named.name()))
                    .map(this::scalarType)
                    .orElse(ClassName.OBJECT);
        };
    }

    /** The simple name by which the Java for a value of this named type refers to a class, if any. */
    Optional<String> referencedName(TypeRef.Named named) {
        if (named.kind() == TypeKind.ENUM || named.kind() == TypeKind.INPUT_OBJECT) {
            return Optional.of(schemaTypes.get(named.name()).simpleName());
        }
        return Optional.ofNullable(scalars.get(named.name())).map(mapping -> ClassName.bestGuess(mapping.javaType()).simpleName());
    }

    /**
     * The Java type a custom scalar maps to; {@code java.util.Map} is a JSON object (its keys are strings in every
     * JSON), with type arguments so that it is not raw.
     */
    TypeName scalarType(ScalarMapping mapping) {
        return mapping.javaType().equals("java.util.Map") ? jsonObject : ClassName.bestGuess(mapping.javaType());
    }

    /**
     * The type as an {@code Input<T>} of its boxed Java type: for variables and input fields that may be absent.
     * {@code T} itself is never {@code @Nullable} (an explicit null is {@code Input.Null}); its list items may be.
     */
    TypeName inputType(TypeRef type) {
        return ParameterizedTypeName.get(input, baseType(type.withoutNonNull(), Optional.empty()).box());
    }

    /** A {@code Decoder<T>} for {@code type}, null checks included. */
    CodeBlock decoder(TypeRef type, Optional<TypeName> composite) {
        if (type instanceof TypeRef.NonNull nonNull) {
            return CodeBlock.of("$T.required($L)", values, baseDecoder(nonNull.inner(), composite));
        }
        return CodeBlock.of("$T.optional($L)", values, baseDecoder(type, composite));
    }

    private CodeBlock baseDecoder(TypeRef type, Optional<TypeName> composite) {
        if (type instanceof TypeRef.ListOf list) {
            return CodeBlock.of("$T.listOf($L)", values, decoder(list.item(), composite));
        }
        TypeRef.Named named = (TypeRef.Named) type;
        if (named.kind().isComposite()) {
            return CodeBlock.of("$T.objects($T::fromMap)", values, composite.orElseThrow());
        }
        if (named.kind() == TypeKind.ENUM) {
            return CodeBlock.of("$T::decode", schemaTypes.get(named.name()));
        }
        return switch (named.name()) {
            case "Int" -> CodeBlock.of("$T::integer", values);
            case "Float" -> CodeBlock.of("$T::floatValue", values);
            case "Boolean" -> CodeBlock.of("$T::bool", values);
            case "String" -> CodeBlock.of("$T::string", values);
            case "ID" -> CodeBlock.of("$T::id", values);
            default -> customDecoder(named.name());
        };
    }

    private CodeBlock customDecoder(String scalar) {
        ScalarMapping mapping = scalars.get(scalar);
        if (mapping == null) {
            return CodeBlock.of("$T::raw", values);
        }
        if (mapping.codecClass().isPresent()) {
            return CodeBlock.of("$T.codec($T.$L)", values, customScalars, codecField(scalar));
        }
        return CodeBlock.of("$T::$L", values, BUILT_IN_CODECS.get(mapping.javaType())[0]);
    }

    /** An {@code Encoder<T>} for a value the server sent (data); every encoder passes {@code null} through. */
    CodeBlock encoder(TypeRef type, Optional<TypeName> composite) {
        return encoder(type, composite, false);
    }

    /** An {@code Encoder<T>} for a value sent to the server (variables, input fields). */
    CodeBlock inputEncoder(TypeRef type) {
        return encoder(type, Optional.empty(), true);
    }

    private CodeBlock encoder(TypeRef type, Optional<TypeName> composite, boolean input) {
        if (type instanceof TypeRef.NonNull nonNull) {
            return encoder(nonNull.inner(), composite, input);
        }
        if (type instanceof TypeRef.ListOf list) {
            return CodeBlock.of("$T.encodeList($L)", values, encoder(list.item(), composite, input));
        }
        TypeRef.Named named = (TypeRef.Named) type;
        if (named.kind() == TypeKind.ENUM) {
            // A value the client does not know cannot be sent back: its input encoder refuses UNKNOWN__.
            TypeName target = schemaTypes.get(named.name());
            return CodeBlock.of("$T.nullSafe($T::$L)", values, target, input ? "toInput" : "rawValue");
        }
        if (named.kind() == TypeKind.INPUT_OBJECT || named.kind().isComposite()) {
            TypeName target = named.kind() == TypeKind.INPUT_OBJECT ? schemaTypes.get(named.name()) : composite.orElseThrow();
            return CodeBlock.of("$T.nullSafe($T::toMap)", values, target);
        }
        ScalarMapping mapping = scalars.get(named.name());
        if (mapping != null && mapping.codecClass().isPresent()) {
            return CodeBlock.of("$T.encodeWith($T.$L)", values, customScalars, codecField(named.name()));
        }
        if (mapping != null && BUILT_IN_CODECS.containsKey(mapping.javaType())) {
            return CodeBlock.of("$T::$L", values, BUILT_IN_CODECS.get(mapping.javaType())[1]);
        }
        return CodeBlock.of("$T::identity", values);
    }

    /**
     * The expression that reads a field of a response object {@code map} at {@code path}: one call of a
     * {@code GraphQLValues} field reader, whose checks follow the type's nullability.
     *
     * @param map the expression of the object to read the field from
     */
    CodeBlock fieldDecoder(TypeRef type, Optional<TypeName> composite, CodeBlock map, String key) {
        boolean nullable = !(type instanceof TypeRef.NonNull);
        TypeRef base = type.withoutNonNull();
        if (base instanceof TypeRef.ListOf list) {
            boolean nullableItems = !(list.item() instanceof TypeRef.NonNull);
            TypeRef item = list.item().withoutNonNull();
            if (item instanceof TypeRef.Named named && named.kind().isComposite()) {
                return CodeBlock.of("$T.objectsAt($L, $S, path, $L, $L, $T::fromMap)", values, map, key, nullable,
                        nullableItems, composite.orElseThrow());
            }
            if (item instanceof TypeRef.Named) {
                return CodeBlock.of("$T.listAt($L, $S, path, $L, $L, $L)", values, map, key, nullable, nullableItems,
                        baseDecoder(item, composite));
            }
            return CodeBlock.of("$T.valueAt($L, $S, path, $L, $L)", values, map, key, nullable, baseDecoder(base, composite));
        }
        TypeRef.Named named = (TypeRef.Named) base;
        if (named.kind().isComposite()) {
            return CodeBlock.of("$T.objectAt($L, $S, path, $L, $T::fromMap)", values, map, key, nullable,
                    composite.orElseThrow());
        }
        String reader = named.kind() == TypeKind.SCALAR ? switch (named.name()) {
            case "Int" -> "intAt";
            case "Float" -> "floatAt";
            case "Boolean" -> "booleanAt";
            case "String" -> "stringAt";
            case "ID" -> "idAt";
            default -> null;
        } : null;
        if (reader != null) {
            return CodeBlock.of("$T.$L($L, $S, path, $L)", values, reader, map, key, nullable);
        }
        return CodeBlock.of("$T.valueAt($L, $S, path, $L, $L)", values, map, key, nullable, baseDecoder(base, composite));
    }

    /** The JSON value of a response value {@code value} of {@code type}, as {@code toMap()} gives it. */
    CodeBlock dataEncoder(TypeRef type, Optional<TypeName> composite, CodeBlock value) {
        boolean nullable = !(type instanceof TypeRef.NonNull);
        TypeRef base = type.withoutNonNull();
        if (base instanceof TypeRef.ListOf list) {
            return CodeBlock.of("$T.each($L, $L)", values, value, itemEncoder(list.item().withoutNonNull(), composite));
        }
        TypeRef.Named named = (TypeRef.Named) base;
        if (named.kind().isComposite() || named.kind() == TypeKind.ENUM) {
            String method = named.kind() == TypeKind.ENUM ? "rawValue" : "toMap";
            return nullable ? CodeBlock.of("$L == null ? null : $L.$L()", value, value, method)
                    : CodeBlock.of("$L.$L()", value, method);
        }
        ScalarMapping mapping = scalars.get(named.name());
        if (mapping != null && mapping.codecClass().isPresent()) {
            return CodeBlock.of("$T.encodeScalar($T.$L, $L)", values, customScalars, codecField(named.name()), value);
        }
        if (mapping != null && BUILT_IN_CODECS.containsKey(mapping.javaType())
                && !BUILT_IN_CODECS.get(mapping.javaType())[1].equals("identity")) {
            return CodeBlock.of("$T.$L($L)", values, BUILT_IN_CODECS.get(mapping.javaType())[1], value);
        }
        return value;
    }

    /** An {@code Encoder<T>} for the non-null items of a list in response data. */
    private CodeBlock itemEncoder(TypeRef item, Optional<TypeName> composite) {
        if (item instanceof TypeRef.ListOf list) {
            return CodeBlock.of("$T.eachOf($L)", values, itemEncoder(list.item().withoutNonNull(), composite));
        }
        TypeRef.Named named = (TypeRef.Named) item;
        if (named.kind().isComposite()) {
            return CodeBlock.of("$T::toMap", composite.orElseThrow());
        }
        if (named.kind() == TypeKind.ENUM) {
            return CodeBlock.of("$T::rawValue", schemaTypes.get(named.name()));
        }
        ScalarMapping mapping = scalars.get(named.name());
        if (mapping != null && mapping.codecClass().isPresent()) {
            return CodeBlock.of("$T.$L::encode", customScalars, codecField(named.name()));
        }
        if (mapping != null && BUILT_IN_CODECS.containsKey(mapping.javaType())) {
            return CodeBlock.of("$T::$L", values, BUILT_IN_CODECS.get(mapping.javaType())[1]);
        }
        return CodeBlock.of("$T::identity", values);
    }

    /** The name of the codec constant of a scalar in {@code CustomScalars}. */
    static String codecField(String scalar) {
        return JavaNames.member(scalar);
    }
}
