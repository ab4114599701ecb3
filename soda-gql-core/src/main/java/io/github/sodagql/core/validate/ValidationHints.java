package io.github.sodagql.core.validate;

import graphql.validation.ValidationErrorClassification;
import graphql.validation.ValidationErrorType;

/** How to fix each kind of validation error, in one sentence. */
final class ValidationHints {
    private ValidationHints() {}

    static String hintFor(ValidationErrorClassification classification) {
        if (!(classification instanceof ValidationErrorType type)) {
            return "Compare the document with the schema.";
        }
        return switch (type) {
            case FieldUndefined -> "Check the field's spelling against the schema; if the field is new, update the schema file.";
            case UnknownType -> "Check the type name against the schema; if the type is new, update the schema file.";
            case UnknownArgument -> "Check the argument's name against the field's arguments in the schema.";
            case UnknownDirective -> "Declare the directive in the schema, or remove it; client-only directives (Relay's, Apollo's) are not GraphQL.";
            case MisplacedDirective -> "Move the directive to a location its schema declaration allows.";
            case MissingFieldArgument, MissingDirectiveArgument -> "Pass the required argument.";
            case SubselectionRequired -> "Select at least one field of this object, interface or union.";
            case SubselectionNotAllowed -> "Remove the braces: scalars and enums have no fields to select.";
            case UndefinedVariable -> "Declare the variable in the operation's variable list.";
            case UnusedVariable -> "Remove the variable, or use it.";
            case VariableTypeMismatch -> "Declare the variable with a type the argument accepts.";
            case WrongType, BadValueForDefaultArg, NullValueForNonNullArgument -> "Pass a value of the type the schema declares.";
            case NonInputTypeOnVariable -> "Variables take scalars, enums and input objects only.";
            case FieldsConflict -> "Give one of the fields an alias, or select them the same way everywhere.";
            case InvalidFragmentType, InlineFragmentTypeConditionInvalid, FragmentTypeConditionInvalid ->
                    "Spread the fragment only where its type condition can apply.";
            case DuplicateArgumentNames, DuplicateVariableName, DuplicateDirectiveName, UniqueObjectFieldName ->
                    "Remove the duplicate.";
            case SubscriptionMultipleRootFields, SubscriptionIntrospectionRootField ->
                    "A subscription selects exactly one root field; split it.";
            default -> "Compare the document with the schema.";
        };
    }
}
