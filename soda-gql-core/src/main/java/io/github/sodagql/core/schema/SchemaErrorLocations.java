package io.github.sodagql.core.schema;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FieldDefinition;
import graphql.language.EnumTypeDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.NamedNode;
import graphql.language.InputValueDefinition;
import graphql.language.Node;
import graphql.schema.idl.TypeInfo;
import io.github.sodagql.core.parse.DocumentParser;
import io.github.sodagql.core.source.ProjectPath;
import io.github.sodagql.core.source.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * graphql-java locates many schema errors at the enclosing type. A user has to fix a member, so for the
 * errors we recognize we point at its name: the second declaration of a duplicated field, the first field
 * or argument that names a missing type. Anything else keeps graphql-java's location.
 */
final class SchemaErrorLocations {
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("The type '([^']+)'.* non unique name '([^']+)'");
    private static final Pattern MISSING_TYPE = Pattern.compile("type '([^']+)' is not present when resolving type '([^']+)'");

    /** graphql-java names a reserved ({@code __}) field, input field or enum value and its type, without a location. */
    private static final Pattern RESERVED_MEMBER = Pattern.compile("(?:^|EnumValueDefinition )\"(__\\w*)\" in\\s+\"(\\w+)\"");
    private static final Pattern RESERVED_ARGUMENT = Pattern.compile("Argument name \"(__\\w*)\" in \"(\\w+)-(\\w+)\"");

    private SchemaErrorLocations() {}

    /**
     * Where a member with a reserved name ({@code __x}) stands, for graphql-java's message about it, which has no
     * location: the member's name in whichever schema file declares it.
     */
    static Optional<SourceLocation> reservedName(String message, Map<ProjectPath, String> texts) {
        Matcher argument = RESERVED_ARGUMENT.matcher(message);
        Matcher member = RESERVED_MEMBER.matcher(message);
        boolean isArgument = argument.find();
        if (!isArgument && !member.find()) {
            return Optional.empty();
        }
        String typeName = isArgument ? argument.group(2) : member.group(2);
        for (Map.Entry<ProjectPath, String> entry : texts.entrySet()) {
            SourceLocation start = SourceLocation.startOf(entry.getKey());
            Document document;
            try {
                document = DocumentParser.parseDocument(entry.getValue(), entry.getKey().value());
            } catch (RuntimeException e) {
                continue;
            }
            for (Definition<?> definition : document.getDefinitions()) {
                List<? extends NamedNode<?>> members = List.of();
                if (definition instanceof ImplementingTypeDefinition<?> type && type.getName().equals(typeName)) {
                    if (isArgument) {
                        members = type.getFieldDefinitions().stream().filter(f -> f.getName().equals(argument.group(3)))
                                .flatMap(f -> f.getInputValueDefinitions().stream()).toList();
                    } else {
                        members = type.getFieldDefinitions();
                    }
                } else if (definition instanceof InputObjectTypeDefinition input && input.getName().equals(typeName)) {
                    members = input.getInputValueDefinitions();
                } else if (definition instanceof EnumTypeDefinition enumType && enumType.getName().equals(typeName)) {
                    members = enumType.getEnumValueDefinitions();
                }
                String wanted = isArgument ? argument.group(1) : member.group(1);
                for (NamedNode<?> candidate : members) {
                    if (candidate.getName().equals(wanted)) {
                        return Optional.of(nameOf(start, (Node<?>) candidate, entry.getValue()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    static SourceLocation refine(SourceLocation typeLocation, String message, String text) {
        Matcher duplicate = DUPLICATE_FIELD.matcher(message);
        if (duplicate.find()) {
            return fieldsOf(typeLocation, duplicate.group(1), text)
                    .flatMap(fields -> fields.stream().filter(f -> f.getName().equals(duplicate.group(2))).skip(1).findFirst())
                    .map(field -> nameOf(typeLocation, field, text))
                    .orElse(typeLocation);
        }
        Matcher missing = MISSING_TYPE.matcher(message);
        if (missing.find()) {
            String missingType = missing.group(1);
            return fieldsOf(typeLocation, missing.group(2), text).flatMap(fields -> {
                for (FieldDefinition field : fields) {
                    if (names(field.getType(), missingType)) {
                        return Optional.of(nameOf(typeLocation, field, text));
                    }
                    for (InputValueDefinition argument : field.getInputValueDefinitions()) {
                        if (names(argument.getType(), missingType)) {
                            return Optional.of(nameOf(typeLocation, argument, text));
                        }
                    }
                }
                return Optional.empty();
            }).orElse(typeLocation);
        }
        return typeLocation;
    }

    private static boolean names(graphql.language.Type<?> type, String name) {
        return TypeInfo.typeInfo(type).getName().equals(name);
    }

    /**
     * Where a member's name stands. graphql-java starts a member at its description, which can be many
     * lines above the name, so the description and ignored characters are skipped.
     */
    private static SourceLocation nameOf(SourceLocation typeLocation, Node<?> member, String text) {
        SourceLocation start = DocumentParser.locationOf(typeLocation.file(), member);
        int offset = offsetOf(text, start.line(), start.column());
        if (offset < 0) {
            return start;
        }
        offset = skipIgnored(text, offset);
        if (text.startsWith("\"\"\"", offset)) {
            int end = text.indexOf("\"\"\"", offset + 3);
            while (end > 0 && text.charAt(end - 1) == '\\') {
                end = text.indexOf("\"\"\"", end + 3);
            }
            offset = end < 0 ? offset : skipIgnored(text, end + 3);
        } else if (text.startsWith("\"", offset)) {
            int i = offset + 1;
            while (i < text.length() && text.charAt(i) != '"' && text.charAt(i) != '\n') {
                i += text.charAt(i) == '\\' ? 2 : 1;
            }
            offset = skipIgnored(text, i + 1);
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SourceLocation(typeLocation.file(), line, offset - lineStart + 1);
    }

    private static int offsetOf(String text, int line, int column) {
        int offset = 0;
        for (int current = 1; current < line; current++) {
            offset = text.indexOf('\n', offset) + 1;
            if (offset == 0) {
                return -1;
            }
        }
        return Math.min(text.length(), offset + column - 1);
    }

    private static int skipIgnored(String text, int offset) {
        int i = offset;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '#') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',') {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** The fields of the type definition that starts at {@code typeLocation}'s line. */
    private static Optional<List<FieldDefinition>> fieldsOf(SourceLocation typeLocation, String typeName, String text) {
        Document document = DocumentParser.parseDocument(text, typeLocation.file().value());
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof ImplementingTypeDefinition<?> type && type.getName().equals(typeName)
                    && definition.getSourceLocation() != null
                    && definition.getSourceLocation().getLine() == typeLocation.line()) {
                return Optional.of(type.getFieldDefinitions());
            }
        }
        return Optional.empty();
    }
}
