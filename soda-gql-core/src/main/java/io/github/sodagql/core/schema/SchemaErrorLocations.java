package io.github.sodagql.core.schema;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.Node;
import graphql.schema.idl.TypeInfo;
import io.github.sodagql.core.parse.DocumentParser;
import io.github.sodagql.core.source.SourceLocation;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * graphql-java locates many schema errors at the enclosing type. A user has to fix a member, so for the
 * errors we recognize we point at it: the second declaration of a duplicated field, the first field or
 * argument that names a missing type. Anything else keeps graphql-java's location.
 */
final class SchemaErrorLocations {
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("The type '([^']+)'.* non unique name '([^']+)'");
    private static final Pattern MISSING_TYPE = Pattern.compile("type '([^']+)' is not present when resolving type '([^']+)'");

    private SchemaErrorLocations() {}

    static SourceLocation refine(SourceLocation typeLocation, String message, String text) {
        Matcher duplicate = DUPLICATE_FIELD.matcher(message);
        if (duplicate.find()) {
            return fieldsOf(typeLocation, duplicate.group(1), text)
                    .flatMap(fields -> fields.stream().filter(f -> f.getName().equals(duplicate.group(2))).skip(1).findFirst())
                    .map(field -> at(typeLocation, field))
                    .orElse(typeLocation);
        }
        Matcher missing = MISSING_TYPE.matcher(message);
        if (missing.find()) {
            String missingType = missing.group(1);
            return fieldsOf(typeLocation, missing.group(2), text).flatMap(fields -> {
                for (FieldDefinition field : fields) {
                    if (names(field.getType(), missingType)) {
                        return Optional.of(at(typeLocation, field));
                    }
                    for (InputValueDefinition argument : field.getInputValueDefinitions()) {
                        if (names(argument.getType(), missingType)) {
                            return Optional.of(at(typeLocation, argument));
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

    private static SourceLocation at(SourceLocation typeLocation, Node<?> node) {
        return DocumentParser.locationOf(typeLocation.file(), node);
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
