package io.github.sodagql.core.validate;

import graphql.schema.GraphQLSchema;
import io.github.sodagql.core.compose.ComposedOperation;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.graph.DefinitionId;
import io.github.sodagql.core.parse.DefinitionNodes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Checks a set of definitions against the schema, in parallel: each composed operation is validated as a
 * whole, each fragment on its own, and every definition is checked for deprecated use.
 */
public final class DefinitionChecks {
    private DefinitionChecks() {}

    /**
     * The problems of each of {@code ids} (an empty list for a clean one).
     *
     * @param composed the composed form of the operations among {@code ids} that could be composed
     * @param whenValid what else to check of a definition that has no error (a later stage's limits)
     */
    public static Map<DefinitionId, List<Diagnostic>> check(GraphQLSchema schema, Collection<DefinitionId> ids,
            Map<DefinitionId, ComposedOperation> composed, DefinitionNodes nodes,
            BiFunction<DefinitionId, Optional<ComposedOperation>, List<Diagnostic>> whenValid) {
        OperationValidator validator = new OperationValidator(schema);
        DeprecationCheck deprecations = new DeprecationCheck(schema);
        Map<DefinitionId, List<Diagnostic>> checks = new ConcurrentHashMap<>();
        ids.parallelStream().forEach(id -> {
            List<Diagnostic> found = new ArrayList<>();
            if (composed.containsKey(id)) {
                found.addAll(validator.validate(composed.get(id)));
            } else if (id.kind() == DefinitionId.Kind.FRAGMENT) {
                found.addAll(validator.validate(id.file(), nodes.fragment(id.file(), id.name())));
            }
            found.addAll(deprecations.check(id.file(), id.kind() == DefinitionId.Kind.OPERATION
                    ? nodes.operation(id.file(), id.name()) : nodes.fragment(id.file(), id.name())));
            if (found.stream().noneMatch(Diagnostic::isError)) {
                found.addAll(whenValid.apply(id, Optional.ofNullable(composed.get(id))));
            }
            checks.put(id, found);
        });
        return checks;
    }
}
