package io.github.sodagql.core.compose;

import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.VariableDefinition;
import io.github.sodagql.core.graph.DefinitionGraph;
import io.github.sodagql.core.graph.DefinitionId;
import io.github.sodagql.core.parse.ParsedDefinition;
import io.github.sodagql.core.parse.ParsedFragment;
import io.github.sodagql.core.parse.ParsedOperation;
import io.github.sodagql.core.source.ContentHash;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Builds the document an operation sends: the operation and every fragment it reaches, transitively.
 *
 * <p>Order: the operation first, then its fragments sorted by name. The compact form is graphql-java's
 * compact printing of that document (one line, minimal white space); it does not depend on how the source
 * was formatted, so reformatting a file changes no id.
 */
public final class Composer {
    private Composer() {}

    @SuppressWarnings("rawtypes") // graphql-java's Document builder takes a raw List<Definition>
    public static ComposedOperation compose(DefinitionId operationId, DefinitionGraph graph) {
        ParsedOperation operation = (ParsedOperation) graph.definition(operationId)
                .filter(ParsedOperation.class::isInstance)
                .orElseThrow(() -> new IllegalArgumentException("Not an operation: " + operationId));
        List<DefinitionId> fragments = graph.reachableFragments(operationId).stream()
                .sorted(Comparator.comparing(DefinitionId::name).thenComparing(DefinitionId::file))
                .toList();
        List<Definition> definitions = new ArrayList<>();
        definitions.add(operation.node());
        for (DefinitionId fragmentId : fragments) {
            ParsedDefinition fragment = graph.definition(fragmentId).orElseThrow();
            definitions.add(((ParsedFragment) fragment).node());
        }
        Document document = Document.newDocument().definitions(definitions).build();
        String compact = AstPrinter.printAstCompact(document);
        String pretty = AstPrinter.printAst(document);
        return new ComposedOperation(operationId, operation.kind(), document, compact, pretty,
                ContentHash.of(compact), fragments, variablesOf(operation));
    }

    private static List<VariableDeclaration> variablesOf(ParsedOperation operation) {
        List<VariableDeclaration> variables = new ArrayList<>();
        for (VariableDefinition variable : operation.node().getVariableDefinitions()) {
            Optional<String> defaultValue = Optional.ofNullable(variable.getDefaultValue()).map(AstPrinter::printAstCompact);
            variables.add(new VariableDeclaration(variable.getName(), AstPrinter.printAstCompact(variable.getType()),
                    defaultValue));
        }
        return variables;
    }
}
