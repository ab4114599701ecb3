package io.github.sodagql.core.diagnostic;

/**
 * The closed set of diagnostic codes. Codes are part of the public contract (users grep for them,
 * IDE markers show them): add new ones, never rename.
 */
public enum DiagnosticCode {
    /** A configuration value is missing or malformed. */
    CONFIG_INVALID(Severity.ERROR),
    /** No schema file was found where the configuration says to look. */
    SCHEMA_NOT_FOUND(Severity.ERROR),
    /** The schema does not parse or does not form a valid schema. */
    SCHEMA_INVALID(Severity.ERROR),
    /** The schema redefines an introspection type ({@code __Schema}, {@code __Type}, ...); it was dropped. */
    SCHEMA_INTROSPECTION_TYPE_DROPPED(Severity.WARNING),
    /** {@code soda-gql:download-schema} got no usable schema (HTTP failure, a reply that is not JSON, GraphQL errors). */
    SCHEMA_DOWNLOAD_FAILED(Severity.ERROR),
    /** A configured documents directory does not exist, so it contributes no documents. */
    DOCUMENTS_NOT_FOUND(Severity.WARNING),
    /** A file could not be read. */
    IO_ERROR(Severity.ERROR),
    /** An output file could not be written. */
    WRITE_FAILED(Severity.ERROR),
    /** A document is not syntactically valid GraphQL. */
    PARSE_ERROR(Severity.ERROR),
    /** A document holds no definitions. */
    EMPTY_DOCUMENT(Severity.WARNING),
    /** An operation has no name, so nothing can be generated or reported for it. */
    ANONYMOUS_OPERATION(Severity.ERROR),
    /** A document holds a type-system definition (type, schema, directive ...); those belong in the schema. */
    NON_EXECUTABLE_DEFINITION(Severity.ERROR),
    /** Two operations, or two fragments, share a name. */
    DOC_DUPLICATE(Severity.ERROR),
    /** A spread names a fragment that no document defines. */
    UNKNOWN_FRAGMENT(Severity.ERROR),
    /** Fragments spread each other in a cycle. */
    FRAGMENT_CYCLE(Severity.ERROR),
    /** An operation or fragment breaks a GraphQL validation rule against the schema. */
    VALIDATION_ERROR(Severity.ERROR),
    /** A deprecated field, argument or enum value is in use. */
    DEPRECATED_USAGE(Severity.WARNING),
    /** A custom scalar has no Java mapping, so generated code types it as {@code Object}. */
    UNMAPPED_SCALAR(Severity.WARNING),
    /** A full build ({@code -Dsoda-gql.full}) had to change an output the incremental build left: a bug, or a hand edit. */
    INCREMENTAL_MISMATCH(Severity.ERROR),
    /** Two definitions of one kind want one class name; sort order gave it to one, the other is suffixed. */
    CLASS_NAME_TAKEN(Severity.WARNING),
    /**
     * Input nested deeper than the documented limits (selection depth through fragments, brackets in a document or
     * schema, schema type nesting): refused before a stage could run out of stack.
     */
    DEPTH_LIMIT(Severity.ERROR),
    /** A file holds bytes that are not UTF-8; they were read as U+FFFD. */
    INVALID_ENCODING(Severity.WARNING),
    /**
     * A file soda-gql once wrote was changed since (its bytes are not the ones it recorded), so it is no longer
     * soda-gql's: it was left in place instead of being deleted, and is forgotten.
     */
    FOREIGN_FILE_KEPT(Severity.WARNING),
    /**
     * Valid input whose generated Java the JVM cannot hold (a record with more than 254 constructor parameter
     * slots): refused at the selection before anything is generated.
     */
    CODEGEN_LIMIT(Severity.ERROR);

    private final Severity defaultSeverity;

    DiagnosticCode(Severity defaultSeverity) {
        this.defaultSeverity = defaultSeverity;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }
}
