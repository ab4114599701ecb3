package io.github.sodagql.core.graph;

import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.parse.NestingDepth;
import io.github.sodagql.core.parse.ParsedDefinition;
import io.github.sodagql.core.parse.ParsedOperation;
import io.github.sodagql.core.parse.SpreadReference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * How deep each definition nests with its fragments followed: the longest path of selection sets and spreads
 * that the composer, graphql-java's validator and code generation recurse through. A spread at depth d of a
 * definition adds d to the depth of the fragment it names. Computed without recursion (a chain of spreads can be
 * arbitrarily long); spreads that close a cycle are left out (the cycle is reported on its own).
 */
final class SelectionDepths {
    private final Map<DefinitionId, ParsedDefinition> definitions;
    private final Map<DefinitionId, Integer> depth = new HashMap<>();
    /** The spread on each definition's deepest path, when that path leaves the definition. */
    private final Map<DefinitionId, Map.Entry<SpreadReference, DefinitionId>> deepestVia = new HashMap<>();

    private SelectionDepths(Map<DefinitionId, ParsedDefinition> definitions) {
        this.definitions = definitions;
    }

    static SelectionDepths of(Map<DefinitionId, ParsedDefinition> definitions, Map<String, DefinitionId> fragmentIndex) {
        SelectionDepths depths = new SelectionDepths(definitions);
        Set<DefinitionId> onPath = new java.util.HashSet<>();
        for (DefinitionId start : definitions.keySet()) {
            if (depths.depth.containsKey(start)) {
                continue;
            }
            // Depth-first, post-order, with an explicit stack.
            Deque<Map.Entry<DefinitionId, Iterator<SpreadReference>>> stack = new ArrayDeque<>();
            stack.push(Map.entry(start, definitions.get(start).spreads().iterator()));
            onPath.add(start);
            while (!stack.isEmpty()) {
                Map.Entry<DefinitionId, Iterator<SpreadReference>> top = stack.peek();
                Iterator<SpreadReference> spreads = top.getValue();
                if (spreads.hasNext()) {
                    DefinitionId target = fragmentIndex.get(spreads.next().fragmentName());
                    if (target != null && !depths.depth.containsKey(target) && onPath.add(target)) {
                        stack.push(Map.entry(target, definitions.get(target).spreads().iterator()));
                    }
                    continue;
                }
                stack.pop();
                onPath.remove(top.getKey());
                depths.settle(top.getKey(), fragmentIndex);
            }
        }
        return depths;
    }

    /** Every definition deeper than the limit. */
    Set<DefinitionId> tooDeep() {
        Set<DefinitionId> found = new java.util.HashSet<>();
        depth.forEach((id, levels) -> {
            if (levels > NestingDepth.MAX_SELECTION_DEPTH) {
                found.add(id);
            }
        });
        return Collections.unmodifiableSet(found);
    }

    /**
     * One {@code DEPTH_LIMIT} per outermost definition too deep (one that no definition too deep spreads), at the
     * spread where its deepest path leaves it, naming the chain: a chain of 1,500 fragments is one error, not 1,000.
     */
    List<Diagnostic> problems(Function<DefinitionId, SortedSet<DefinitionId>> spreadBy) {
        Set<DefinitionId> deep = tooDeep();
        List<Diagnostic> found = new ArrayList<>();
        for (DefinitionId id : new TreeSet<>(deep)) {
            if (spreadBy.apply(id).stream().anyMatch(deep::contains)) {
                continue;
            }
            List<String> chain = new ArrayList<>(List.of(id.name()));
            for (DefinitionId step = id; deepestVia.containsKey(step); step = deepestVia.get(step).getValue()) {
                chain.add(deepestVia.get(step).getValue().name());
            }
            String printed = chain.size() <= 6 ? String.join(" -> ", chain)
                    : String.join(" -> ", chain.subList(0, 3)) + " -> ... (" + (chain.size() - 5) + " more) -> "
                            + String.join(" -> ", chain.subList(chain.size() - 2, chain.size()));
            ParsedDefinition definition = definitions.get(id);
            String what = definition instanceof ParsedOperation
                    ? (id.name().isEmpty() ? "The anonymous operation" : "Operation '" + id.name() + "'")
                    : "Fragment '" + id.name() + "'";
            found.add(Diagnostic.at(DiagnosticCode.DEPTH_LIMIT,
                    deepestVia.containsKey(id) ? deepestVia.get(id).getKey().location() : definition.location(),
                    what + " nests " + depth.get(id) + " selection sets and spreads deep through its fragments ("
                            + printed + "); the limit is " + NestingDepth.MAX_SELECTION_DEPTH + ".",
                    "Shorten the chain of fragment spreads or flatten the selections: soda-gql accepts at most "
                            + NestingDepth.MAX_SELECTION_DEPTH
                            + " levels on one path (see 'Limits' in the configuration guide)."));
        }
        return found;
    }

    /** The depth of {@code id}, once every fragment it spreads (outside a cycle) has its own. */
    private void settle(DefinitionId id, Map<String, DefinitionId> fragmentIndex) {
        ParsedDefinition definition = definitions.get(id);
        int deepest = definition.depth();
        for (SpreadReference spread : definition.spreads()) {
            DefinitionId target = fragmentIndex.get(spread.fragmentName());
            Integer below = target == null ? null : depth.get(target);
            if (below != null && spread.depth() + below > deepest) {
                deepest = spread.depth() + below;
                deepestVia.put(id, Map.entry(spread, target));
            }
        }
        depth.put(id, deepest);
    }
}
