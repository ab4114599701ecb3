package io.github.sodagql.core.validate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Some graphql-java messages print a value as its syntax-tree object ({@code 'EnumValue{name='BLUE'}'},
 * {@code 'NullValue{}'}); users wrote GraphQL, so that is what a message shows ({@code BLUE}, {@code null}).
 */
final class GraphQLValues {
    private static final Pattern SCALAR = Pattern.compile(
            "NullValue\\{}|(?:IntValue|FloatValue|BooleanValue)\\{value=([^,{}\\[\\]]*)}"
                    + "|StringValue\\{value='((?:[^'\\\\]|\\\\.)*?)'}|EnumValue\\{name='(\\w+)'}|VariableReference\\{name='(\\w+)'}");
    /** Composite values once their parts are plain text: innermost first, until none is left. */
    private static final Pattern FIELD = Pattern.compile("ObjectField\\{name='(\\w+)', value=([^{}\\[\\]]*|\u0001[^\u0001\u0002]*\u0002|\u0003[^\u0003\u0004]*\u0004)}");
    private static final Pattern OBJECT = Pattern.compile("ObjectValue\\{objectFields=\\[([^\\[\\]{}]*)]}");
    private static final Pattern ARRAY = Pattern.compile("ArrayValue\\{values=\\[([^\\[\\]{}]*)]}");

    private GraphQLValues() {}

    static String readable(String message) {
        if (!message.contains("Value{") && !message.contains("VariableReference{")) {
            return message;
        }
        String text = SCALAR.matcher(message).replaceAll(match -> Matcher.quoteReplacement(scalar(match)));
        // Converted objects and lists are held in private markers (never in a message) until all are done,
        // so that their braces do not look like unconverted syntax-tree text.
        for (int round = 0; round < 64; round++) {
            String before = text;
            text = FIELD.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + ": " + m.group(2)));
            text = OBJECT.matcher(text).replaceAll(m -> Matcher.quoteReplacement("\u0001" + m.group(1) + "\u0002"));
            text = ARRAY.matcher(text).replaceAll(m -> Matcher.quoteReplacement("\u0003" + m.group(1) + "\u0004"));
            if (text.equals(before)) {
                break;
            }
        }
        return text.replace('\u0001', '{').replace('\u0002', '}').replace('\u0003', '[').replace('\u0004', ']');
    }

    private static String scalar(java.util.regex.MatchResult match) {
        String whole = match.group();
        if (whole.startsWith("NullValue")) {
            return "null";
        }
        if (match.group(1) != null) {
            return match.group(1);
        }
        if (match.group(2) != null) {
            return "\"" + match.group(2) + "\"";
        }
        return match.group(3) != null ? match.group(3) : "$" + match.group(4);
    }
}
