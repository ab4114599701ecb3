package io.github.sodagql.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The change each scenario makes to a project that was just built, and what it touched. Every edit keeps
 * the project valid: a field {@code benchEdit: __typename} (valid in any selection set) is added to the
 * edited definition's selection; an added file holds {@code query BenchAdded { __typename }}; a removed
 * file holds only operations; a schema edit adds an unused type.
 */
final class Edits {
    private Edits() {}

    static Map<String, Object> apply(String scenario, Path project, Path indexProject, DocIndex index, Fixture fixture)
            throws IOException {
        Map<String, Object> touched = new LinkedHashMap<>();
        switch (scenario) {
            case "noop", "noop-rebuild" -> { }
            case "edit-operation" -> {
                DocIndex.Def op = index.middleOperation();
                touched.put("definition", op.name());
                touched.putAll(index.touched(indexProject, op.file()));
                addField(rebase(op.file(), indexProject, project), "(?:query|mutation|subscription)", op.name());
            }
            case "edit-leaf-fragment", "edit-hub-fragment" -> {
                DocIndex.Def fragment = index.fragmentNearShare(scenario.equals("edit-leaf-fragment") ? 0.01 : 0.20);
                touched.put("definition", fragment.name());
                touched.put("fragmentUsers", index.users(fragment.name()));
                touched.putAll(index.touched(indexProject, fragment.file()));
                addField(rebase(fragment.file(), indexProject, project), "fragment", fragment.name());
            }
            case "add-file" -> {
                Path file = project.resolve(fixture.documentRoot()).resolve("bench-added.graphql");
                Files.writeString(file, "query BenchAdded {\n  __typename\n}\n");
                touched.put("file", project.relativize(file).toString());
                touched.put("operationsAffected", 1);
            }
            case "remove-file" -> {
                Path file = index.operationOnlyFile();
                touched.putAll(index.touched(indexProject, file));
                Files.delete(rebase(file, indexProject, project));
            }
            case "schema-edit" -> {
                Path schema = fixture.schemaFiles(project).get(0);
                Files.writeString(schema, Files.readString(schema) + "\ntype BenchAddedType {\n  benchField: String\n}\n");
                touched.put("file", project.relativize(schema).toString());
                touched.put("operationsAffected", index.operations.size());
            }
            default -> throw new IllegalArgumentException("no edit for " + scenario);
        }
        return touched;
    }

    private static Path rebase(Path file, Path from, Path to) {
        return to.resolve(from.relativize(file).toString());
    }

    /** Adds {@code benchEdit: __typename} at the start of the named definition's selection set. */
    private static void addField(Path file, String keyword, String name) throws IOException {
        String text = Files.readString(file);
        Matcher m = Pattern.compile("\\b" + keyword + "\\s+" + Pattern.quote(name) + "\\b").matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("cannot find " + name + " in " + file);
        }
        int brace = openingBrace(text, m.end());
        Files.writeString(file, text.substring(0, brace + 1) + " benchEdit: __typename" + text.substring(brace + 1));
    }

    /** The selection set's brace: the first '{' outside parentheses (variable defaults may hold objects). */
    private static int openingBrace(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '{' && depth == 0) {
                return i;
            } else if (c == '"') {
                i = text.indexOf('"', i + 1);
            }
        }
        throw new IllegalStateException("no selection set");
    }
}
