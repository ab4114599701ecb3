package io.github.sodagql.core.shape;

/** The kind of a named GraphQL type, as far as code generation cares. */
public enum TypeKind {
    SCALAR,
    ENUM,
    INPUT_OBJECT,
    OBJECT,
    INTERFACE,
    UNION;

    public boolean isComposite() {
        return this == OBJECT || this == INTERFACE || this == UNION;
    }
}
