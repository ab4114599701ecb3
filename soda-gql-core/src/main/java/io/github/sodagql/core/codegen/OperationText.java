package io.github.sodagql.core.codegen;

/**
 * An operation's own text, laid out for its class Javadoc in one linear pass over its compact form:
 * selection sets on their own lines, indented at most {@link #MAX_INDENT} levels. (graphql-java's pretty
 * printer re-indents every nested block, quadratic in the depth, and deep indentation alone would make
 * the output quadratic in the input.)
 */
final class OperationText {
    static final int MAX_INDENT = 16;

    private OperationText() {}

    static String laidOut(String compact) {
        StringBuilder out = new StringBuilder(compact.length() * 2);
        int depth = 0;
        int parens = 0;
        boolean inString = false;
        for (int i = 0; i < compact.length(); i++) {
            char c = compact.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < compact.length()) {
                    out.append(compact.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    out.append(c);
                }
                case '(' -> {
                    parens++;
                    out.append(c);
                }
                case ')' -> {
                    parens--;
                    out.append(c);
                }
                case '{' -> {
                    if (parens > 0) {
                        out.append(c);
                    } else {
                        depth++;
                        out.append(out.length() > 0 && out.charAt(out.length() - 1) != ' ' ? " {" : "{");
                        newline(out, depth);
                    }
                }
                case '}' -> {
                    if (parens > 0) {
                        out.append(c);
                    } else {
                        depth--;
                        newline(out, depth);
                        out.append('}');
                        if (i + 1 < compact.length() && compact.charAt(i + 1) != '}' && compact.charAt(i + 1) != ' ') {
                            newline(out, depth);
                        }
                    }
                }
                case ' ' -> {
                    boolean directive = i + 1 < compact.length() && compact.charAt(i + 1) == '@';
                    boolean typeCondition = out.length() >= 5 && out.substring(out.length() - 5).equals("...on");
                    if (parens == 0 && depth > 0 && !directive && !typeCondition) {
                        newline(out, depth);
                    } else {
                        out.append(c);
                    }
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static void newline(StringBuilder out, int depth) {
        out.append('\n');
        out.append("  ".repeat(Math.max(0, Math.min(depth, MAX_INDENT))));
    }
}
