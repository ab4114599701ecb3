package io.github.sodagql.core.compose;

import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.schema.GraphQLSchema;
import io.github.sodagql.core.graph.DefinitionGraph;
import io.github.sodagql.core.graph.DefinitionId;
import io.github.sodagql.core.parse.DefinitionNodes;
import io.github.sodagql.core.parse.ParsedOperation;
import io.github.sodagql.core.source.ContentHash;
import io.github.sodagql.core.stack.LargeStack;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Builds the document an operation sends: the operation and every fragment it reaches, transitively.
 *
 * <p>Order: the operation first, then its fragments sorted by name. The compact form is graphql-java's
 * compact printing of that document (one line, minimal white space); it does not depend on how the source
 * was formatted, so reformatting a file changes no id. The one transformation, applied here so that it
 * shows in the artifact and the id, is {@link TypenameInsertion}.
 */
public final class Composer {
    private final Optional<TypenameInsertion> typenames;

    /** With a schema, {@code __typename} is added where typed decoding needs it; without one, nothing is added. */
    public Composer(Optional<GraphQLSchema> schema) {
        this.typenames = schema.map(TypenameInsertion::new);
    }

    /**
     * The operation's composed document. The typename insertion and graphql-java's printer recurse once per
     * nesting level, so a selection near the depth limit may overflow a small thread stack (a pool thread, a
     * JVM run with a small {@code -Xss}): composition then runs again on a {@link LargeStack}.
     */
    public ComposedOperation compose(DefinitionId operationId, DefinitionGraph graph, DefinitionNodes nodes) {
        return LargeStack.retryingOnOverflow("soda-gql-compose", () -> composeHere(operationId, graph, nodes));
    }

    @SuppressWarnings("rawtypes") // graphql-java's Document builder takes a raw List<Definition>
    private ComposedOperation composeHere(DefinitionId operationId, DefinitionGraph graph, DefinitionNodes nodes) {
        ParsedOperation operation = (ParsedOperation) graph.definition(operationId)
                .filter(ParsedOperation.class::isInstance)
                .orElseThrow(() -> new IllegalArgumentException("Not an operation: " + operationId));
        OperationDefinition node = nodes.operation(operationId.file(), operationId.name());
        List<DefinitionId> fragments = graph.reachableFragments(operationId).stream()
                .sorted(Comparator.comparing(DefinitionId::name).thenComparing(DefinitionId::file))
                .toList();
        List<Definition> definitions = new ArrayList<>();
        definitions.add(typenames.map(t -> t.apply(node)).orElse(node));
        for (DefinitionId fragmentId : fragments) {
            definitions.add(fragment(fragmentId, nodes));
        }
        Document document = Document.newDocument().definitions(definitions).build();
        String compact = AstPrinter.printAstCompact(document);
        return new ComposedOperation(operationId, operation.kind(), document, compact,
                ContentHash.of(compact), fragments, variablesOf(node));
    }

    /** A fragment as it appears in every composed document that uses it (with {@code __typename} added). */
    public FragmentDefinition fragment(DefinitionId fragment, DefinitionNodes nodes) {
        FragmentDefinition node = nodes.fragment(fragment.file(), fragment.name());
        return LargeStack.retryingOnOverflow("soda-gql-compose", () -> typenames.map(t -> t.apply(node)).orElse(node));
    }

    private static List<VariableDeclaration> variablesOf(OperationDefinition operation) {
        List<VariableDeclaration> variables = new ArrayList<>();
        for (VariableDefinition variable : operation.getVariableDefinitions()) {
            Optional<String> defaultValue = Optional.ofNullable(variable.getDefaultValue()).map(AstPrinter::printAstCompact);
            variables.add(new VariableDeclaration(variable.getName(), AstPrinter.printAstCompact(variable.getType()),
                    defaultValue));
        }
        return variables;
    }
}
