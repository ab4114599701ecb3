package io.github.sodagql.core.codegen;

import java.util.Set;

/**
 * Every rule that turns a GraphQL name or text into Java, in one place: keyword escaping, the names
 * generated members take, and escaping text copied into Javadoc. (String literals are escaped by JavaPoet's
 * {@code $S}, which doubles backslashes, so no {@code \\u} escape in them survives.)
 */
final class JavaNames {
    static final Set<String> KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
            "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
            "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
            "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
            "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null", "_",
            "var", "yield", "record", "sealed", "permits", "non-sealed");

    /** Methods every generated record or class has, or inherits from Object: no component may take them. */
    static final Set<String> RESERVED_MEMBERS = Set.of(
            "toMap", "fromMap", "decode", "builder", "build", "hashCode", "equals", "toString", "getClass", "notify",
            "notifyAll", "wait", "clone", "finalize");

    /**
     * Simple names no generated top-level type may take: the support types, and JDK types the generated
     * code refers to by simple name (a same-package class would shadow them).
     */
    static final Set<String> RESERVED_TYPES = Set.of(
            "GraphQLOperation", "GeneratedOperation", "Operations", "Input", "GraphQLValues", "ScalarCodec", "CustomScalars",
            "Object", "String", "Integer", "Long", "Double", "Float", "Boolean", "Short", "Byte", "Character", "Number",
            "Map", "List", "Objects", "Optional", "Collections", "ArrayList", "LinkedHashMap", "Override",
            "Deprecated", "SuppressWarnings", "Generated", "Record", "Enum", "Class", "System", "Math", "Void",
            "Iterable", "Comparable", "CharSequence", "StringBuilder", "Exception", "RuntimeException",
            "IllegalArgumentException", "IllegalStateException", "NullPointerException", "Thread", "Runnable",
            "FunctionalInterface", "SafeVarargs", "BigDecimal", "BigInteger", "ArithmeticException",
            "NumberFormatException");

    /**
     * The constants of an operation class. In an expression a field wins over a type, so a top-level type of
     * exactly this name could not be referred to inside an operation class (compared exactly: {@code Document}
     * is fine).
     */
    static final Set<String> OPERATION_CONSTANTS = Set.of("OPERATION_NAME", "OPERATION_KIND", "OPERATION_ID",
            "DOCUMENT", "INSTANCE");

    /**
     * The longest class file name, {@code Top$Nested$...}, without {@code .class}: file systems allow 255 bytes
     * (GraphQL names are ASCII), and tools add suffixes of their own.
     */
    static final int MAX_BINARY_NAME = 200;
    /** The longest generated top-level class name; longer ones are cut and get a hash. */
    static final int MAX_TOP_LEVEL_NAME = 100;
    /** The longest simple name of a nested type; longer ones are cut and get a hash. */
    static final int MAX_NESTED_NAME = 48;

    private JavaNames() {}

    /**
     * A GraphQL name as a Java member name: lower camel case ({@code URL} becomes {@code url},
     * {@code URLPath} {@code urlPath}), and a trailing underscore for keywords and reserved members. Members
     * never start with an upper-case letter, so they can never shadow a type name in an expression.
     */
    static String member(String graphqlName) {
        String name = lowerCamel(graphqlName);
        return KEYWORDS.contains(name) || RESERVED_MEMBERS.contains(name) ? name + "_" : name;
    }

    private static String lowerCamel(String name) {
        int upper = 0;
        while (upper < name.length() && Character.isUpperCase(name.charAt(upper))) {
            upper++;
        }
        if (upper == 0) {
            return name;
        }
        if (upper == name.length() || upper == 1) {
            return name.substring(0, upper).toLowerCase(java.util.Locale.ROOT) + name.substring(upper);
        }
        // URLPath: keep the capital that starts the next word.
        boolean nextIsWord = Character.isLetter(name.charAt(upper));
        int cut = nextIsWord ? upper - 1 : upper;
        return name.substring(0, cut).toLowerCase(java.util.Locale.ROOT) + name.substring(cut);
    }

    /** A GraphQL name as a Java type name: first letter upper case; a keyword cannot result. */
    static String type(String graphqlName) {
        String trimmed = graphqlName.replaceFirst("^_+", "");
        if (trimmed.isEmpty()) {
            return "Underscore";
        }
        if (!Character.isLetter(trimmed.charAt(0))) {
            return "Type" + trimmed;
        }
        return Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1);
    }

    /**
     * {@code name} if it has at most {@code max} characters, else its first characters, an underscore and a
     * hash of the whole name: stable across builds, and distinct for names that share a long prefix.
     */
    static String capped(String name, int max) {
        if (name.length() <= max) {
            return name;
        }
        String hash = shortHash(name);
        return name.substring(0, max - hash.length() - 1) + "_" + hash;
    }

    /** Eight hex digits of the SHA-256 of {@code text}. */
    static String shortHash(String text) {
        return io.github.sodagql.core.source.ContentHash.of(text).hex().substring(0, 8);
    }

    /** The length of the class file name javac writes for {@code name}, without {@code .class}. */
    static int binaryNameLength(com.palantir.javapoet.ClassName name) {
        int length = -1;
        for (String simple : name.simpleNames()) {
            length += simple.length() + 1;
        }
        return length;
    }

    /** A GraphQL enum value as a Java enum constant. */
    static String constant(String graphqlName) {
        return KEYWORDS.contains(graphqlName) ? graphqlName + "_" : graphqlName;
    }

    /**
     * Text from a schema or document, made safe for a Javadoc comment: it cannot close the comment, start a
     * Unicode escape (javac decodes those even inside comments), or read as HTML or a Javadoc tag.
     */
    /** The text of a {@code @deprecated} tag for a schema's deprecation reason. */
    static String deprecatedTag(String reason) {
        return reason.isBlank() ? "No longer supported." : javadoc(reason);
    }

    static String javadoc(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '@' -> out.append("&#64;");
                case '\\' -> out.append("&#92;");
                case '*' -> out.append(i + 1 < text.length() && text.charAt(i + 1) == '/' ? "&#42;" : "*");
                case '/' -> out.append(i + 1 < text.length() && text.charAt(i + 1) == '*' ? "&#47;" : "/");
                case '\r' -> { }
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString().strip();
    }
}
