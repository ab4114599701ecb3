package io.github.sodagql.core.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.github.sodagql.core.compose.ComposedOperation;
import io.github.sodagql.core.compose.Composer;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.discovery.Fingerprint;
import io.github.sodagql.core.discovery.SourceFile;
import io.github.sodagql.core.graph.DefinitionGraph;
import io.github.sodagql.core.graph.DefinitionId;
import io.github.sodagql.core.parse.DefinitionNodes;
import io.github.sodagql.core.parse.DocumentParser;
import io.github.sodagql.core.parse.NestingDepth;
import io.github.sodagql.core.parse.ParsedFile;
import io.github.sodagql.core.source.ContentHash;
import io.github.sodagql.core.source.ProjectPath;
import io.github.sodagql.core.validate.DeprecationCheck;
import io.github.sodagql.core.validate.OperationValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Input right at the depth limits goes through parse, graph, compose and validation on a stack smaller than the
 * JVM's default (1 MB): the limits keep a margin (docs/configuration.md, "Limits"). One level more is a
 * {@code DEPTH_LIMIT}, and nothing past the graph runs on it.
 */
class DepthLimitsTest {
    /** 1.6 times less than the default thread stack. */
    private static final long SMALL_STACK = 640L << 10;
    private static final int LIMIT = NestingDepth.MAX_SELECTION_DEPTH;
    private static final GraphQLSchema SCHEMA = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser()
            .parse("type Query { node: Node }\ntype Node { next: Node id: ID items(at: [[Int]]): Int }\n"));

    @Test
    void selectionAtTheLimitComposesAndValidatesOnASmallStack() {
        // Brackets: the operation's own selection set, then one per field.
        String text = "query Deep " + "{ node ".repeat(1) + "{ next ".repeat(LIMIT - 2) + "{ id" + " }".repeat(LIMIT);

        List<Diagnostic> found = onSmallStack(() -> pipeline(List.of(text)));

        assertEquals(List.of(), found);
    }

    @Test
    void inlineFragmentsAtTheLimitComposeAndValidateOnASmallStack() {
        String text = "query Deep { node " + "{ ... on Node ".repeat(LIMIT - 2) + "{ id" + " }".repeat(LIMIT - 1) + " }";

        assertEquals(List.of(), onSmallStack(() -> pipeline(List.of(text))));
    }

    @Test
    void chainOfSpreadsAtTheLimitComposesAndValidatesOnASmallStack() {
        // The operation's spread stands in its second selection set; each fragment adds one level.
        assertEquals(List.of(), onSmallStack(() -> pipeline(chain(LIMIT - 2))));
    }

    @Test
    void chainOneSpreadPastTheLimitIsOneDepthLimitAtTheOperationsSpreadAndIsNeverComposed() {
        List<Diagnostic> found = onSmallStack(() -> pipeline(chain(LIMIT - 1)));

        assertEquals(List.of("q0.graphql:1:18: [DEPTH_LIMIT]"), found.stream()
                .map(d -> d.format().substring(0, d.format().indexOf(']') + 1)).toList());
        assertTrue(found.get(0).message().contains("Q -> F0 -> F1 -> ..."), found.get(0).message());
    }

    @Test
    void bracketsOnePastTheLimitAreADepthLimitAtTheBracket() {
        String text = "query Deep { node { items(at: " + "[".repeat(LIMIT - 2) + "1" + "]".repeat(LIMIT - 2) + ") } }";

        List<Diagnostic> found = pipeline(List.of(text));

        // '{', '{' and '(' open the first three levels; the (LIMIT - 2)th '[' is one past the limit.
        assertEquals(List.of("q0.graphql:1:" + (31 + LIMIT - 3) + ": [DEPTH_LIMIT] The document nests brackets deeper than "
                + LIMIT + " levels here."), found.stream().map(Diagnostic::format).toList());
    }

    @Test
    void bracketsInStringsAndCommentsDoNotCount() {
        String text = "# " + "{".repeat(2 * LIMIT) + "\nquery Q { node { items(at: [[1]]) } }\n# \"\"\" " + "[".repeat(2 * LIMIT)
                + "\nfragment F on Node { id @deprecated(reason: \"" + "(".repeat(2 * LIMIT) + "\") }";

        List<Diagnostic> found = DocumentParser.parse(source("q0.graphql", text)).diagnostics();

        assertFalse(found.stream().anyMatch(d -> d.code().name().equals("DEPTH_LIMIT")), found.toString());
    }

    private static List<String> chain(int fragments) {
        List<String> texts = new ArrayList<>();
        texts.add("query Q { node { ...F0 } }");
        for (int i = 0; i < fragments; i++) {
            texts.add("fragment F" + i + " on Node { id" + (i + 1 < fragments ? " ...F" + (i + 1) : "") + " }");
        }
        return List.of(String.join("\n", texts.subList(0, 1)), String.join("\n", texts.subList(1, texts.size())));
    }

    /** Parse, graph, and compose and validate what the graph lets through, as the session does. */
    private static List<Diagnostic> pipeline(List<String> texts) {
        List<ParsedFile> files = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            files.add(DocumentParser.parse(source("q" + i + ".graphql", texts.get(i))));
        }
        List<Diagnostic> found = new ArrayList<>();
        files.forEach(f -> found.addAll(f.diagnostics()));
        DefinitionGraph graph = DefinitionGraph.build(files);
        found.addAll(graph.diagnostics());
        DefinitionNodes nodes = new DefinitionNodes() {
            @Override
            public graphql.language.OperationDefinition operation(ProjectPath file, String name) {
                return ParsedFile.operation(document(file), name);
            }

            @Override
            public graphql.language.FragmentDefinition fragment(ProjectPath file, String name) {
                return ParsedFile.fragment(document(file), name);
            }

            private graphql.language.Document document(ProjectPath file) {
                return files.stream().filter(f -> f.path().equals(file)).findFirst().orElseThrow().document().orElseThrow();
            }
        };
        Composer composer = new Composer(Optional.of(SCHEMA));
        OperationValidator validator = new OperationValidator(SCHEMA);
        DeprecationCheck deprecations = new DeprecationCheck(SCHEMA);
        for (DefinitionId id : graph.definitions().keySet()) {
            if (id.kind() == DefinitionId.Kind.OPERATION && !graph.exceedsDepthLimit(id)) {
                ComposedOperation composed = composer.compose(id, graph, nodes);
                found.addAll(validator.validate(composed));
                found.addAll(deprecations.check(id.file(), nodes.operation(id.file(), id.name())));
            } else if (id.kind() == DefinitionId.Kind.FRAGMENT) {
                found.addAll(validator.validate(id.file(), nodes.fragment(id.file(), id.name())));
            }
        }
        return found;
    }

    private static SourceFile source(String path, String text) {
        return new SourceFile(ProjectPath.parse(path), new Fingerprint(text.length(), 0, ContentHash.of(text)), text,
                List.of());
    }

    private static <T> T onSmallStack(java.util.function.Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", SMALL_STACK);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        if (failure.get() != null) {
            throw new AssertionError("failed on a " + (SMALL_STACK >> 10) + " KB stack", failure.get());
        }
        return result.get();
    }
}
