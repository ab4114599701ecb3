package io.github.sodagql.core.codegen;

import java.util.regex.Pattern;

/**
 * The layout of a generated source after JavaPoet has written it, denser than JavaPoet's own (which has no
 * option for any of it): no blank line between members, a one-line Javadoc comment on one line, and a method
 * or constructor whose body is one short statement (or nothing) on one line:
 * <pre>
 * public static Data fromMap(Map&lt;?, ?&gt; map) { return fromMap(map, "data"); }
 * private Builder() {}
 * </pre>
 * These halve the lines of artsy's generated code with the same tokens in the same order. Only whitespace
 * between tokens changes, and never inside a literal or a comment: JavaPoet writes a string with line
 * breaks as a concatenation of one-line literals, every Javadoc line with its {@code *}, and the generated
 * code has no {@code //} comment (a joined line holding one would be skipped).
 */
final class SourceLayout {
    /** JavaPoet's own line width: a joined line stays within it. */
    static final int MAX_LINE = 100;
    private static final Pattern TYPE_HEADER = Pattern.compile("\\b(class|record|interface|enum)\\b");

    private SourceLayout() {}

    static String compact(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        boolean inType = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                // Blank lines stay after the package and between the imports and the type.
                if (!inType && i < lines.length - 1) {
                    out.append('\n');
                }
                continue;
            }
            inType |= !line.startsWith("package ") && !line.startsWith("import ");
            String indent = line.substring(0, line.length() - line.stripLeading().length());
            String code = line.strip();
            if (code.equals("/**") && i + 2 < lines.length && lines[i + 1].startsWith(indent + " * ")
                    && lines[i + 2].equals(indent + " */")) {
                out.append(indent).append("/** ").append(lines[i + 1].substring(indent.length() + 3)).append(" */\n");
                i += 2;
                continue;
            }
            if (code.endsWith("{") && !code.startsWith("*") && !code.startsWith("/") && !TYPE_HEADER.matcher(code).find()) {
                String close = indent + "}";
                if (i + 1 < lines.length && lines[i + 1].equals(close)) {
                    out.append(line).append("}\n");
                    i += 1;
                    continue;
                }
                if (i + 2 < lines.length && lines[i + 2].equals(close) && isOneStatement(lines[i + 1], indent)) {
                    String joined = line + " " + lines[i + 1].strip() + " }";
                    if (joined.length() <= MAX_LINE) {
                        out.append(joined).append('\n');
                        i += 2;
                        continue;
                    }
                }
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /** A whole statement on one line, one level in: not a continuation line, a Javadoc line or a comment. */
    private static boolean isOneStatement(String line, String indent) {
        String inner = indent + "    ";
        return line.startsWith(inner) && line.length() > inner.length() && line.charAt(inner.length()) != ' '
                && line.endsWith(";") && !line.contains("//") && !line.strip().startsWith("*");
    }
}
