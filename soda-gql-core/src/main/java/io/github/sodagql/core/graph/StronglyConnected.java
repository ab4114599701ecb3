package io.github.sodagql.core.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/** Tarjan's strongly connected components, iterative so that deep fragment chains cannot overflow the stack. */
final class StronglyConnected {
    private final Collection<DefinitionId> nodes;
    private final Function<DefinitionId, ? extends Collection<DefinitionId>> edges;

    StronglyConnected(Collection<DefinitionId> nodes, Function<DefinitionId, ? extends Collection<DefinitionId>> edges) {
        this.nodes = new TreeSet<>(nodes);
        this.edges = edges;
    }

    /** The components, each sorted, in the order of their first member. */
    List<SortedSet<DefinitionId>> components() {
        Map<DefinitionId, Integer> index = new HashMap<>();
        Map<DefinitionId, Integer> lowLink = new HashMap<>();
        Deque<DefinitionId> stack = new ArrayDeque<>();
        java.util.Set<DefinitionId> onStack = new java.util.HashSet<>();
        List<SortedSet<DefinitionId>> result = new ArrayList<>();
        int[] counter = {0};
        for (DefinitionId root : nodes) {
            if (index.containsKey(root)) {
                continue;
            }
            Deque<Map.Entry<DefinitionId, Iterator<DefinitionId>>> work = new ArrayDeque<>();
            visit(root, index, lowLink, stack, onStack, counter, work);
            while (!work.isEmpty()) {
                Map.Entry<DefinitionId, Iterator<DefinitionId>> frame = work.peek();
                DefinitionId node = frame.getKey();
                Iterator<DefinitionId> next = frame.getValue();
                if (next.hasNext()) {
                    DefinitionId target = next.next();
                    if (!index.containsKey(target)) {
                        visit(target, index, lowLink, stack, onStack, counter, work);
                    } else if (onStack.contains(target)) {
                        lowLink.put(node, Math.min(lowLink.get(node), index.get(target)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    DefinitionId parent = work.peek().getKey();
                    lowLink.put(parent, Math.min(lowLink.get(parent), lowLink.get(node)));
                }
                if (lowLink.get(node).equals(index.get(node))) {
                    SortedSet<DefinitionId> component = new TreeSet<>();
                    DefinitionId member;
                    do {
                        member = stack.pop();
                        onStack.remove(member);
                        component.add(member);
                    } while (!member.equals(node));
                    result.add(component);
                }
            }
        }
        result.sort((a, b) -> a.first().compareTo(b.first()));
        return result;
    }

    private void visit(DefinitionId node, Map<DefinitionId, Integer> index, Map<DefinitionId, Integer> lowLink,
            Deque<DefinitionId> stack, java.util.Set<DefinitionId> onStack, int[] counter,
            Deque<Map.Entry<DefinitionId, Iterator<DefinitionId>>> work) {
        index.put(node, counter[0]);
        lowLink.put(node, counter[0]);
        counter[0]++;
        stack.push(node);
        onStack.add(node);
        work.push(Map.entry(node, List.copyOf(edges.apply(node)).iterator()));
    }
}
