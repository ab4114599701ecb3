package io.github.sodagql.core.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sodagql.core.TestProject;
import io.github.sodagql.core.graph.DefinitionGraph;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import io.github.sodagql.core.graph.DefinitionId;
import io.github.sodagql.core.parse.DefinitionNodes;
import io.github.sodagql.core.parse.ParsedFile;
import io.github.sodagql.core.source.ProjectPath;
import java.util.List;
import java.util.Optional;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;

class ComposerTest {
    private final List<ParsedFile> files = TestProject.parse("compose/order");
    private final DefinitionGraph graph = DefinitionGraph.build(files);
    private final DefinitionNodes nodes = new DefinitionNodes() {
        @Override
        public OperationDefinition operation(ProjectPath file, String name) {
            return ParsedFile.operation(files.get(0).document().orElseThrow(), name);
        }

        @Override
        public FragmentDefinition fragment(ProjectPath file, String name) {
            return ParsedFile.fragment(files.get(0).document().orElseThrow(), name);
        }
    };
    private final ComposedOperation page = new Composer(Optional.empty())
            .compose(DefinitionId.operation("page.graphql::Page"), graph, nodes);

    @Test
    void operationComesFirstThenExactlyItsFragmentsSortedByName() {
        assertEquals(List.of("Alpha", "Mid", "Zeta"), page.fragmentNames());
        assertEquals("query Page($first:Int=10,$after:String){products(first:$first,after:$after){...Zeta ...Alpha}}"
                + " fragment Alpha on Product {name ...Mid}"
                + " fragment Mid on Product {priceCents}"
                + " fragment Zeta on Product {id}", page.compact());
    }

    @Test
    void prettyFormIsIndentedAndHoldsTheSameDefinitions() {
        assertEquals("""
                query Page($first: Int = 10, $after: String) {
                  products(first: $first, after: $after) {
                    ...Zeta
                    ...Alpha
                  }
                }

                fragment Alpha on Product {
                  name
                  ...Mid
                }

                fragment Mid on Product {
                  priceCents
                }

                fragment Zeta on Product {
                  id
                }
                """.strip(), page.pretty().strip());
    }

    @Test
    void operationIdIsTheSha256OfTheCompactForm() {
        assertEquals(DigestUtils.sha256Hex(page.compact().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                page.operationId().hex());
    }

    @Test
    void variablesKeepTheirTypesAndDefaults() {
        assertEquals(List.of(new VariableDeclaration("first", "Int", Optional.of("10")),
                new VariableDeclaration("after", "String", Optional.empty())), page.variables());
    }

    /**
     * A selection at the depth limit overflows a small thread stack in the AST printer and the typename
     * insertion; composition then reruns on a large stack and gives the document it gives anywhere else.
     */
    @Test
    void aDeepSelectionComposesOnASmallStack() throws InterruptedException {
        graphql.schema.GraphQLSchema schema = graphql.schema.idl.UnExecutableSchemaGenerator.makeUnExecutableSchema(
                new graphql.schema.idl.SchemaParser().parse("type Query { node: Node }\ntype Node { next: Node id: ID }\n"));
        int depth = io.github.sodagql.core.parse.NestingDepth.MAX_SELECTION_DEPTH;
        String text = "query Deep { node " + "{ next ".repeat(depth - 2) + "{ id" + " }".repeat(depth);
        ParsedFile file = io.github.sodagql.core.parse.DocumentParser.parse(new io.github.sodagql.core.discovery.SourceFile(
                ProjectPath.parse("deep.graphql"), new io.github.sodagql.core.discovery.Fingerprint(text.length(), 0,
                        io.github.sodagql.core.source.ContentHash.of(text)), text, List.of()));
        DefinitionGraph deepGraph = DefinitionGraph.build(List.of(file));
        DefinitionNodes deepNodes = new DefinitionNodes() {
            @Override
            public OperationDefinition operation(ProjectPath path, String name) {
                return ParsedFile.operation(file.document().orElseThrow(), name);
            }

            @Override
            public FragmentDefinition fragment(ProjectPath path, String name) {
                throw new AssertionError(name);
            }
        };
        Composer composer = new Composer(Optional.of(schema));
        DefinitionId deep = DefinitionId.operation("deep.graphql::Deep");
        java.util.concurrent.atomic.AtomicReference<Object> onSmallStack = new java.util.concurrent.atomic.AtomicReference<>();
        Thread small = new Thread(null, () -> {
            try {
                onSmallStack.set(composer.compose(deep, deepGraph, deepNodes).compact());
            } catch (Throwable e) {
                onSmallStack.set(e);
            }
        }, "small-stack", 256L << 10);
        small.start();
        small.join();

        assertEquals(composer.compose(deep, deepGraph, deepNodes).compact(), onSmallStack.get());
    }
}
