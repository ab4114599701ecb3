package io.github.sodagql.core.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SourceLayoutTest {
    @Test
    void blankLinesStayOnlyBeforeTheType() {
        assertEquals("package p;\n\nimport java.util.Map;\n\nfinal class A {\n    int a;\n    int b;\n}\n",
                SourceLayout.compact("package p;\n\nimport java.util.Map;\n\nfinal class A {\n    int a;\n\n    int b;\n}\n"));
    }

    @Test
    void aOneStatementBodyFitsOnItsHeadersLine() {
        assertEquals("package p;\n\nfinal class A {\n    static int one() { return 1; }\n    A() {}\n}\n",
                SourceLayout.compact("package p;\n\nfinal class A {\n    static int one() {\n        return 1;\n    }\n\n"
                        + "    A() {\n    }\n}\n"));
    }

    @Test
    void aBodyStaysOnItsLinesWhenJoiningWouldPassTheLineWidth() {
        String statement = "        return \"" + "x".repeat(SourceLayout.MAX_LINE - 40) + "\";";
        String text = "package p;\n\nfinal class A {\n    static String longer() {\n" + statement + "\n    }\n}\n";
        assertEquals(text, SourceLayout.compact(text));
    }

    @Test
    void typesStatementsOverSeveralLinesAndCommentsKeepTheirLines() {
        String text = """
                package p;

                final class A {
                    record R(int a) {
                        int b() { return a; }
                    }
                    static int sum(int a, int b) {
                        return a
                                + b;
                    }
                    static int x() {
                        return 1; // why
                    }
                }
                """;
        assertEquals(text, SourceLayout.compact(text));
    }

    @Test
    void aOneLineJavadocCommentIsOneLine() {
        assertEquals("package p;\n\n/** A type. */\nfinal class A {\n    /**\n     * Two\n     * lines.\n     */\n    int a;\n}\n",
                SourceLayout.compact("package p;\n\n/**\n * A type.\n */\nfinal class A {\n    /**\n     * Two\n     * lines.\n     */\n"
                        + "    int a;\n}\n"));
    }
}
