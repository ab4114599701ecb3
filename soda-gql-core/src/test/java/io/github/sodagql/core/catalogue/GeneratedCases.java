package io.github.sodagql.core.catalogue;

import io.github.sodagql.core.TestProject;
import io.github.sodagql.core.config.DocumentRoot;
import io.github.sodagql.core.config.ScalarMapping;
import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.parse.NestingDepth;
import io.github.sodagql.core.source.ProjectPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Catalogue cases that are configurations, file-system states, or inputs too deep or too big to keep as files.
 * Each writes the shared schema and a valid query unless it says otherwise.
 */
final class GeneratedCases {
    private static final String DOCUMENTS = "src/main/graphql/";
    private static final int LIMIT = NestingDepth.MAX_SELECTION_DEPTH;

    private GeneratedCases() {}

    static List<CatalogueCase> all() {
        List<CatalogueCase> cases = new ArrayList<>();
        configuration(cases);
        fileSystem(cases);
        deepAndBig(cases);
        wide(cases);
        return cases;
    }

    private static void configuration(List<CatalogueCase> cases) {
        for (String invalid : List.of("", "com..example", "1abc.graphql", "com.class", "java.util", "java",
                "java.graphql.generated", "com.example-x", " com.example", "com.example.", "_", "com.ex ample")) {
            cases.add(configured("config/packageName '" + invalid + "'", c -> c.javaPackage(invalid), "CONFIG_INVALID -"));
        }
        for (String valid : List.of("javax.graphql", "com.java.graphql", "com.\u00e9mile.graphql", "Com.Example", "graphql",
                "com.example.$gen")) {
            cases.add(configured("config/packageName '" + valid + "' builds", c -> c.javaPackage(valid)));
        }
        cases.add(configured("config/schema file missing", c -> c.schemaPath("src/main/graphql/nope.graphqls"),
                "SCHEMA_NOT_FOUND -"));
        cases.add(configured("config/schema glob matches nothing", c -> c.schemaPath("schemas/**/*.graphqls"),
                "SCHEMA_NOT_FOUND -"));
        cases.add(configured("config/schema glob invalid", c -> c.schemaPath("src/[main/*.graphqls"), "CONFIG_INVALID -"));
        cases.add(configured("config/schema path blank", c -> c.schemaPath("  "), "CONFIG_INVALID -"));
        cases.add(new CatalogueCase("config/schema mixes JSON and SDL", project -> {
            write(project, DOCUMENTS + "schema.json", "{\"__schema\": {}}");
            return standard(project, c -> c.schemaPath("src/main/graphql/schema.json")
                    .schemaPath("src/main/graphql/schema.graphqls"));
        }, List.of("CONFIG_INVALID -")));
        cases.add(configured("config/documents directory missing", c -> c.documentRoot("src/main/nothing-here"),
                "DOCUMENTS_NOT_FOUND -", "SCHEMA_NOT_FOUND -"));
        cases.add(configured("config/include glob invalid", c -> c.documentRoot(
                new DocumentRoot(ProjectPath.parse("src/main/graphql"), List.of("**/*.{graphql"), List.of())),
                "CONFIG_INVALID -"));
        cases.add(configured("config/scalar Java type invalid", c -> c.scalar(new ScalarMapping("DateTime", "not a type",
                Optional.empty())), "CONFIG_INVALID -"));
        cases.add(configured("config/scalar GraphQL name invalid", c -> c.scalar(new ScalarMapping("1Date",
                "java.time.Instant", Optional.empty())), "CONFIG_INVALID -"));
        cases.add(configured("config/scalar codec invalid", c -> c.scalar(new ScalarMapping("DateTime",
                "java.time.Instant", Optional.of("com..Codec"))), "CONFIG_INVALID -"));
    }

    private static void fileSystem(List<CatalogueCase> cases) {
        cases.add(new CatalogueCase("files/document linked from outside the folder is followed", project -> {
            write(project, "shared/linked.graphql", "query Linked {\n  product(id: \"1\") { nam }\n}\n");
            link(project, DOCUMENTS + "linked.graphql", "../../../shared/linked.graphql");
            return standard(project, c -> c);
        }, List.of("VALIDATION_ERROR src/main/graphql/linked.graphql:2:22")));
        cases.add(new CatalogueCase("files/dangling link", project -> {
            link(project, DOCUMENTS + "gone.graphql", "nowhere.graphql");
            return standard(project, c -> c);
        }, List.of("IO_ERROR src/main/graphql/gone.graphql:1:1")));
        cases.add(new CatalogueCase("files/directory link loop", project -> {
            link(project, DOCUMENTS + "loop", "..");
            return standard(project, c -> c);
        }, List.of()));
        cases.add(new CatalogueCase("files/directory named like a document", project -> {
            try {
                Files.createDirectories(project.resolve(DOCUMENTS + "folder.graphql"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return standard(project, c -> c);
        }, List.of()));
        cases.add(new CatalogueCase("files/no documents, only the schema", project -> {
            schema(project);
            return SodaGqlConfig.builder(project).javaPackage("com.example.catalogue").build();
        }, List.of()));
        cases.add(new CatalogueCase("files/schema linked from another module", project -> {
            write(project, "api/schema.graphqls", read(TestProject.resource("catalogue/_schema/schema.graphqls")));
            link(project, DOCUMENTS + "schema.graphqls", "../../../api/schema.graphqls");
            write(project, DOCUMENTS + "q.graphql", "query Q {\n  product(id: \"1\") { id }\n}\n");
            return SodaGqlConfig.builder(project).javaPackage("com.example.catalogue").build();
        }, List.of()));
        cases.add(new CatalogueCase("files/2 MB document", project -> {
            StringBuilder text = new StringBuilder(2_100_000);
            while (text.length() < 2_000_000) {
                text.append("# filler line of a very large document, kept to exercise reading and hashing\n");
            }
            text.append("query Big {\n  product(id: \"1\") { nam }\n}\n");
            long lines = text.chars().filter(c -> c == '\n').count();
            write(project, DOCUMENTS + "big.graphql", text.toString());
            schema(project);
            return SodaGqlConfig.builder(project).javaPackage("com.example.catalogue").build();
        }, List.of("VALIDATION_ERROR src/main/graphql/big.graphql:" + (lines(2_000_000) + 2) + ":22")));
    }

    private static void deepAndBig(List<CatalogueCase> cases) {
        for (int depth : List.of(LIMIT + 1, 1_200, 5_000)) {
            StringBuilder text = new StringBuilder("query Deep {\n  product(id: \"1\") {\n");
            for (int i = 2; i < depth; i++) {
                text.append("parent {\n");
            }
            text.append("id\n").append("}\n".repeat(depth));
            cases.add(document("deep/selection " + depth, text.toString(),
                    "DEPTH_LIMIT src/main/graphql/q.graphql:" + (LIMIT + 1) + ":8"));
        }
        StringBuilder inline = new StringBuilder("query Deep {\n  node(id: \"1\") {\n");
        inline.append("... on Node {\n".repeat(1_500)).append("id\n").append("}\n".repeat(1_502));
        cases.add(document("deep/inline fragments 1500", inline.toString(),
                "DEPTH_LIMIT src/main/graphql/q.graphql:" + (LIMIT + 1) + ":13"));
        for (int length : List.of(LIMIT, 1_500)) {
            StringBuilder chain = new StringBuilder("query Chain {\n  product(id: \"1\") { ...F0 }\n}\n");
            for (int i = 0; i < length; i++) {
                chain.append("fragment F").append(i).append(" on Product { id")
                        .append(i + 1 < length ? " ...F" + (i + 1) : "").append(" }\n");
            }
            cases.add(document("deep/chain of " + length + " spreads", chain.toString(),
                    "DEPTH_LIMIT src/main/graphql/q.graphql:2:22"));
        }
        String prefix = "query Deep {\n  colors(in: ";
        cases.add(document("deep/list value 3000", prefix + "[".repeat(3_000) + "RED" + "]".repeat(3_000) + ")\n}\n",
                "DEPTH_LIMIT src/main/graphql/q.graphql:2:" + (prefix.length() - 13 + LIMIT - 1)));
        String objects = "query Deep {\n  someField(arg: " + "{a: ".repeat(1_000) + "1" + "}".repeat(1_000) + ")\n}\n";
        cases.add(document("deep/object value 1000", objects,
                "DEPTH_LIMIT src/main/graphql/q.graphql:2:" + (18 + 4 * (LIMIT - 2))));
        String variable = "query Deep($v: " + "[".repeat(1_000) + "Int" + "]".repeat(1_000) + ") {\n  __typename\n}\n";
        cases.add(document("deep/variable type 1000", variable, "DEPTH_LIMIT src/main/graphql/q.graphql:1:" + (16 + LIMIT - 1)));
        String listType = "type Query {\n  product(id: ID!): Product\n  deep: " + "[".repeat(3_000) + "Int" + "]".repeat(3_000)
                + "\n}\ntype Product { id: ID! }\n";
        cases.add(new CatalogueCase("deep/schema list type 3000", project -> {
            write(project, DOCUMENTS + "schema.graphqls", listType);
            write(project, DOCUMENTS + "q.graphql", "query Q {\n  product(id: \"1\") { id }\n}\n");
            return SodaGqlConfig.builder(project).javaPackage("com.example.catalogue").build();
        }, List.of("DEPTH_LIMIT src/main/graphql/schema.graphqls:3:" + (9 + LIMIT - 1))));
        StringBuilder chainOfTypes = new StringBuilder("type Query {\n  t0: T0\n}\n");
        // graphql-java builds this recursively (a 3,000-type chain overflows a 1 MB stack and builds on the schema
        // stage's own stack), but slowly: 3,000 types take 15 s, so the catalogue keeps a shorter chain.
        int types = 1_200;
        for (int i = 0; i < types; i++) {
            chainOfTypes.append("type T").append(i).append(" { id: ID").append(i + 1 < types ? " next: T" + (i + 1) : "")
                    .append(" }\n");
        }
        cases.add(new CatalogueCase("deep/schema chain of " + types + " types builds", project -> {
            write(project, DOCUMENTS + "schema.graphqls", chainOfTypes.toString());
            write(project, DOCUMENTS + "q.graphql", "query Q {\n  t0 { next { id } }\n}\n");
            return SodaGqlConfig.builder(project).javaPackage("com.example.catalogue").build();
        }, List.of()));
    }

    /** Selections too wide for one generated record (a constructor takes at most 254 parameter slots). */
    private static void wide(List<CatalogueCase> cases) {
        cases.add(document("wide/254 fields build", "query Wide {\n  product(id: \"1\") { " + aliases("name", 254) + " }\n}\n"));
        cases.add(document("wide/255 fields", "query Wide {\n  product(id: \"1\") { " + aliases("name", 255) + " }\n}\n",
                "CODEGEN_LIMIT src/main/graphql/q.graphql:2:3"));
        cases.add(document("wide/3000 aliases", "query Wide {\n  product(id: \"1\") { " + aliases("id", 3_000) + " }\n}\n",
                "CODEGEN_LIMIT src/main/graphql/q.graphql:2:3"));
        cases.add(document("wide/255 top-level fields", "query Wide {\n  " + aliases("__typename", 255) + "\n}\n",
                "CODEGEN_LIMIT src/main/graphql/q.graphql:1:1"));
        StringBuilder spreads = new StringBuilder("query Wide {\n  product(id: \"1\") {");
        StringBuilder fragments = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            spreads.append(" ...F").append(i);
            fragments.append("fragment F").append(i).append(" on Product { id }\n");
        }
        cases.add(document("wide/300 spreads", spreads + " }\n}\n" + fragments, "CODEGEN_LIMIT src/main/graphql/q.graphql:2:3"));
        cases.add(document("wide/255 fields in a fragment", "query Wide {\n  product(id: \"1\") { ...Wide }\n}\n"
                + "fragment Wide on Product {\n  " + aliases("name", 255) + "\n}\n", "CODEGEN_LIMIT src/main/graphql/q.graphql:4:1"));
        cases.add(document("wide/255 fields in a union member", "query Wide {\n  search(text: \"x\") {\n    ... on Product { "
                + aliases("name", 255) + " }\n  }\n}\n", "CODEGEN_LIMIT src/main/graphql/q.graphql:2:3"));
        cases.add(document("wide/254 variables build", colorVariables(254)));
        cases.add(document("wide/255 variables", colorVariables(255), "CODEGEN_LIMIT src/main/graphql/q.graphql:1:1"));
        cases.add(document("wide/255 fields under an inline fragment", "query Wide {\n  product(id: \"1\") {\n    ... on Product {\n"
                + "      parent { " + aliases("name", 255) + " }\n    }\n  }\n}\n", "CODEGEN_LIMIT src/main/graphql/q.graphql:4:7"));
    }

    /** An operation with {@code count} required variables, all used in one list. */
    private static String colorVariables(int count) {
        List<String> declared = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            declared.add("$c" + i + ": Color!");
            used.add("$c" + i);
        }
        return "query Wide(" + String.join(", ", declared) + ") {\n  colors(in: [" + String.join(", ", used) + "])\n}\n";
    }

    private static String aliases(String field, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append("a").append(i).append(": ").append(field);
        }
        return text.toString();
    }

    private static long lines(int fillerChars) {
        String line = "# filler line of a very large document, kept to exercise reading and hashing\n";
        return (fillerChars + line.length() - 1) / line.length();
    }

    private static CatalogueCase document(String name, String text, String... expected) {
        return new CatalogueCase(name, project -> {
            write(project, DOCUMENTS + "q.graphql", text);
            schema(project);
            return SodaGqlConfig.builder(project).javaPackage("com.example.catalogue").build();
        }, List.of(expected));
    }

    private static CatalogueCase configured(String name, UnaryOperator<SodaGqlConfig.Builder> change, String... expected) {
        return new CatalogueCase(name, project -> standard(project, change), List.of(expected));
    }

    /** The shared schema and one valid query, with the configuration changed by {@code change}. */
    private static SodaGqlConfig standard(Path project, UnaryOperator<SodaGqlConfig.Builder> change) {
        schema(project);
        write(project, DOCUMENTS + "q.graphql", "query Q {\n  product(id: \"1\") { id name }\n}\n");
        return change.apply(SodaGqlConfig.builder(project).javaPackage("com.example.catalogue")).build();
    }

    private static void schema(Path project) {
        BadInputCatalogueTest.copy(TestProject.resource("catalogue/_schema"), project.resolve(DOCUMENTS));
    }

    private static void write(Path project, String relative, String text) {
        try {
            Path file = project.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void link(Path project, String relative, String target) {
        try {
            Path file = project.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.createSymbolicLink(file, Path.of(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
