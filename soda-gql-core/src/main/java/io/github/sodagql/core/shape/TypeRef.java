package io.github.sodagql.core.shape;

import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLUnionType;
import java.util.Objects;

/** A GraphQL type as used in one place: list and non-null wrappers around a named type. */
public sealed interface TypeRef permits TypeRef.NonNull, TypeRef.ListOf, TypeRef.Named {

    record NonNull(TypeRef inner) implements TypeRef {
        public NonNull {
            Objects.requireNonNull(inner, "inner");
        }
    }

    record ListOf(TypeRef item) implements TypeRef {
        public ListOf {
            Objects.requireNonNull(item, "item");
        }
    }

    record Named(String name, TypeKind kind) implements TypeRef {
        public Named {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** The named type inside the wrappers. */
    default Named named() {
        TypeRef type = this;
        while (!(type instanceof Named named)) {
            type = type instanceof NonNull nonNull ? nonNull.inner() : ((ListOf) type).item();
        }
        return named;
    }

    default boolean nullable() {
        return !(this instanceof NonNull);
    }

    /** This type without its outer non-null wrapper. */
    default TypeRef withoutNonNull() {
        return this instanceof NonNull nonNull ? nonNull.inner() : this;
    }

    static TypeRef of(GraphQLType type) {
        if (type instanceof GraphQLNonNull nonNull) {
            return new NonNull(of(nonNull.getWrappedType()));
        }
        if (type instanceof GraphQLList list) {
            return new ListOf(of(list.getWrappedType()));
        }
        GraphQLNamedType named = (GraphQLNamedType) type;
        return new Named(named.getName(), kindOf(named));
    }

    /** A type written in a document (a variable's type), resolved against the schema. */
    static TypeRef of(Type<?> type, GraphQLSchema schema) {
        if (type instanceof NonNullType nonNull) {
            return new NonNull(of(nonNull.getType(), schema));
        }
        if (type instanceof ListType list) {
            return new ListOf(of(list.getType(), schema));
        }
        String name = ((TypeName) type).getName();
        GraphQLType resolved = schema.getType(name);
        return new Named(name, resolved == null ? TypeKind.SCALAR : kindOf((GraphQLNamedType) resolved));
    }

    private static TypeKind kindOf(GraphQLNamedType type) {
        if (type instanceof GraphQLEnumType) {
            return TypeKind.ENUM;
        }
        if (type instanceof GraphQLInputObjectType) {
            return TypeKind.INPUT_OBJECT;
        }
        if (type instanceof GraphQLObjectType) {
            return TypeKind.OBJECT;
        }
        if (type instanceof GraphQLInterfaceType) {
            return TypeKind.INTERFACE;
        }
        if (type instanceof GraphQLUnionType) {
            return TypeKind.UNION;
        }
        return TypeKind.SCALAR;
    }
}
