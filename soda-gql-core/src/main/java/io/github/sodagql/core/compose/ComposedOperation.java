package io.github.sodagql.core.compose;

import graphql.language.AstPrinter;
import graphql.language.Document;
import io.github.sodagql.core.graph.DefinitionId;
import io.github.sodagql.core.parse.OperationKind;
import io.github.sodagql.core.source.ContentHash;
import java.util.List;
import java.util.Objects;

/**
 * An operation together with exactly the fragments it reaches, as one document: the operation first,
 * then its fragments sorted by name. {@code compact} is what goes on the wire and what {@code operationId}
 * hashes; {@link #pretty()} is for people, printed on demand. The syntax tree keeps the original source
 * locations.
 */
public record ComposedOperation(
        DefinitionId id,
        OperationKind kind,
        Document document,
        String compact,
        ContentHash operationId,
        List<DefinitionId> fragments,
        List<VariableDeclaration> variables) {

    public ComposedOperation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(compact, "compact");
        Objects.requireNonNull(operationId, "operationId");
        fragments = List.copyOf(fragments);
        variables = List.copyOf(variables);
    }

    /** The composed document indented for people, definitions separated by a blank line. */
    public String pretty() {
        return AstPrinter.printAst(document);
    }

    public String name() {
        return id.name();
    }

    public List<String> fragmentNames() {
        return fragments.stream().map(DefinitionId::name).toList();
    }
}
