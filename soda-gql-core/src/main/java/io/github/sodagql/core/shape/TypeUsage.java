package io.github.sodagql.core.shape;

import graphql.language.AstPrinter;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import io.github.sodagql.core.shape.SelectionShape.ObjectSelection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which named schema types (enums, input objects, custom scalars) shapes use, and those types described for
 * generation: what the shared generated files are made of.
 */
final class TypeUsage {
    private final GraphQLSchema schema;

    TypeUsage(GraphQLSchema schema) {
        this.schema = schema;
    }

    /** The enums, input objects (transitively) and custom scalars an operation uses, by name. */
    SortedSet<String> typesUsed(OperationShape operation) {
        Map<String, GraphQLNamedType> used = new TreeMap<>();
        operation.variables().forEach(variable -> useInput(variable.type(), used));
        useOutput(operation.data(), used);
        return new TreeSet<>(used.keySet());
    }

    /** The enums and custom scalars a fragment's selection uses, by name. */
    SortedSet<String> typesUsed(FragmentShape fragment) {
        Map<String, GraphQLNamedType> used = new TreeMap<>();
        useOutput(fragment.selection(), used);
        return new TreeSet<>(used.keySet());
    }

    /** Every enum type of the schema, used or not: each may get a class, so each name is kept for it. */
    SortedSet<String> enumTypeNames() {
        return typeNames(graphql.schema.GraphQLEnumType.class);
    }

    /** Every input object type of the schema, used or not. */
    SortedSet<String> inputTypeNames() {
        return typeNames(graphql.schema.GraphQLInputObjectType.class);
    }

    private SortedSet<String> typeNames(Class<? extends GraphQLNamedType> kind) {
        SortedSet<String> names = new TreeSet<>();
        schema.getAllTypesAsList().stream().filter(kind::isInstance).map(GraphQLNamedType::getName)
                .filter(name -> !name.startsWith("__")).forEach(names::add);
        return names;
    }

    /** The schema types of these names, described for generation, each kind sorted by name. */
    SchemaUsage usage(Collection<String> typeNames) {
        List<EnumShape> enums = new ArrayList<>();
        List<InputShape> inputs = new ArrayList<>();
        Set<String> scalars = new TreeSet<>();
        for (String name : new TreeSet<>(typeNames)) {
            GraphQLNamedType type = (GraphQLNamedType) schema.getType(name);
            if (type instanceof graphql.schema.GraphQLEnumType enumType) {
                enums.add(new EnumShape(name, description(enumType.getDescription()), enumType.getValues().stream()
                        .map(v -> new EnumShape.Value(v.getName(), description(v.getDescription()),
                                v.isDeprecated() ? Optional.of(reason(v.getDeprecationReason())) : Optional.empty()))
                        .toList()));
            } else if (type instanceof graphql.schema.GraphQLInputObjectType input) {
                inputs.add(new InputShape(name, description(input.getDescription()), input.getFieldDefinitions().stream()
                        .map(f -> new InputShape.Field(f.getName(), TypeRef.of(f.getType()),
                                f.hasSetDefaultValue() ? Optional.ofNullable(f.getInputFieldDefaultValue().getValue())
                                        .map(value -> value instanceof graphql.language.Value<?> literal
                                                ? AstPrinter.printAstCompact(literal) : String.valueOf(value))
                                        : Optional.empty(),
                                description(f.getDescription()),
                                f.isDeprecated() ? Optional.of(reason(f.getDeprecationReason())) : Optional.empty()))
                        .toList()));
            } else if (type != null) {
                scalars.add(name);
            }
        }
        return new SchemaUsage(enums, inputs, new TreeSet<>(scalars));
    }

    /** A schema description worth a comment: a blank one (`""`) says nothing. */
    private static Optional<String> description(String text) {
        return Optional.ofNullable(text).filter(t -> !t.isBlank());
    }

    private void useInput(TypeRef type, Map<String, GraphQLNamedType> used) {
        TypeRef.Named named = type.named();
        GraphQLNamedType resolved = (GraphQLNamedType) schema.getType(named.name());
        if (resolved == null || used.containsKey(named.name()) || isBuiltInScalar(named)) {
            return;
        }
        if (named.kind() == TypeKind.ENUM || named.kind() == TypeKind.SCALAR) {
            used.put(named.name(), resolved);
        } else if (resolved instanceof graphql.schema.GraphQLInputObjectType input) {
            used.put(named.name(), resolved);
            input.getFieldDefinitions().forEach(field -> useInput(TypeRef.of(field.getType()), used));
        }
    }

    private void useOutput(SelectionShape selection, Map<String, GraphQLNamedType> used) {
        for (ObjectSelection object : selection.objects()) {
            for (FieldShape field : object.fields()) {
                TypeRef.Named named = field.type().named();
                if ((named.kind() == TypeKind.ENUM || named.kind() == TypeKind.SCALAR) && !isBuiltInScalar(named)) {
                    used.putIfAbsent(named.name(), (GraphQLNamedType) schema.getType(named.name()));
                }
                field.selection().ifPresent(nested -> useOutput(nested, used));
            }
        }
    }

    private static boolean isBuiltInScalar(TypeRef.Named named) {
        return named.kind() == TypeKind.SCALAR && Set.of("Int", "Float", "String", "Boolean", "ID").contains(named.name());
    }

    static String reason(String deprecationReason) {
        return deprecationReason == null ? "" : deprecationReason;
    }

}
