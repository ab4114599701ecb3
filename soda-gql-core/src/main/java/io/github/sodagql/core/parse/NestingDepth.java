package io.github.sodagql.core.parse;

import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.source.ProjectPath;
import io.github.sodagql.core.source.SourceLocation;
import java.util.Optional;

/**
 * The nesting limits that keep every stage inside a default thread stack (see docs/configuration.md, "Limits").
 * graphql-java's parser, printer and validator, and our own walks, recurse once per nesting level; past a
 * thousand levels or so a 1 MB stack overflows. Input deeper than these limits is refused with a
 * {@code DEPTH_LIMIT} diagnostic before any of them runs on it.
 */
public final class NestingDepth {
    /**
     * Brackets ({@code { [ (}) open at once anywhere in one document or schema file: found by a lexical scan,
     * before the parser (which itself recurses per bracket) runs.
     */
    public static final int MAX_BRACKETS = 400;

    /**
     * Selection sets and fragment spreads on the deepest path through a definition, the fragments it spreads
     * followed: what the composer, the validator and code generation recurse through.
     */
    public static final int MAX_SELECTION_DEPTH = 400;

    private NestingDepth() {}

    /** A {@code DEPTH_LIMIT} at the first bracket of {@code text} that opens deeper than {@link #MAX_BRACKETS}. */
    public static Optional<Diagnostic> checkBrackets(ProjectPath file, String text, String what) {
        return firstBracketDeeperThan(text, MAX_BRACKETS).map(at -> Diagnostic.at(DiagnosticCode.DEPTH_LIMIT,
                new SourceLocation(file, at[0], at[1]),
                "The " + what + " nests brackets deeper than " + MAX_BRACKETS + " levels here.",
                "Flatten the nesting: soda-gql accepts at most " + MAX_BRACKETS
                        + " nested braces, brackets and parentheses in one file (see 'Limits' in the configuration guide)."));
    }

    /**
     * The 1-based line and column (in code points, as graphql-java counts) of the first {@code {}, {@code [} or
     * {@code (} that opens at depth {@code limit + 1}, outside strings and comments.
     */
    static Optional<int[]> firstBracketDeeperThan(String text, int limit) {
        int depth = 0;
        int line = 1;
        int column = 1;
        int i = 0;
        int length = text.length();
        while (i < length) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                i += c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n' ? 2 : 1;
                line++;
                column = 1;
                continue;
            }
            if (c == '#') {
                while (i < length && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    i++;
                }
                continue;
            }
            if (c == '"') {
                boolean block = text.startsWith("\"\"\"", i);
                int end = block ? blockStringEnd(text, i + 3) : stringEnd(text, i + 1);
                // Strings do not nest, but a block string spans lines: keep the position right after it.
                for (int j = i; j < end; j++) {
                    char s = text.charAt(j);
                    if (s == '\n' || (s == '\r' && (j + 1 >= end || text.charAt(j + 1) != '\n'))) {
                        line++;
                        column = 1;
                    } else if (!Character.isLowSurrogate(s)) {
                        column++;
                    }
                }
                i = end;
                continue;
            }
            if (c == '{' || c == '[' || c == '(') {
                depth++;
                if (depth > limit) {
                    return Optional.of(new int[] {line, column});
                }
            } else if ((c == '}' || c == ']' || c == ')') && depth > 0) {
                depth--;
            }
            if (!Character.isLowSurrogate(c)) {
                column++;
            }
            i++;
        }
        return Optional.empty();
    }

    /** The index just past a {@code "..."} string that starts before {@code from}; it ends at the line's end if open. */
    private static int stringEnd(String text, int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\n' || c == '\r') {
                return i;
            }
            i += c == '\\' ? 2 : 1;
        }
        return text.length();
    }

    /** The index just past a block string's closing {@code """}; {@code \"""} does not close it. */
    private static int blockStringEnd(String text, int from) {
        int i = from;
        while (i < text.length()) {
            if (text.startsWith("\\\"\"\"", i)) {
                i += 4;
            } else if (text.startsWith("\"\"\"", i)) {
                return i + 3;
            } else {
                i++;
            }
        }
        return text.length();
    }
}
