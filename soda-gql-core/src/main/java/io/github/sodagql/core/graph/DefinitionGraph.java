package io.github.sodagql.core.graph;

import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.parse.ParsedDefinition;
import io.github.sodagql.core.parse.ParsedFile;
import io.github.sodagql.core.parse.ParsedFragment;
import io.github.sodagql.core.parse.ParsedOperation;
import io.github.sodagql.core.parse.SpreadReference;
import io.github.sodagql.core.source.ProjectPath;
import io.github.sodagql.core.source.SourceLocation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Every definition of the project and who spreads whom, at definition and at file level. Fragment names
 * are global: a spread resolves to the fragment of that name in any document. When a name is defined twice,
 * the definition in the first file by path is the one spreads resolve to (and both are reported).
 *
 * <p>Built by {@link #build}, immutable afterwards; the graph's own problems (duplicates, unknown spreads,
 * cycles) are in {@link #diagnostics()}.
 */
public final class DefinitionGraph {
    private final Map<DefinitionId, ParsedDefinition> definitions;
    private final Map<String, DefinitionId> fragmentIndex;
    private final Map<DefinitionId, SortedSet<DefinitionId>> spreads;
    private final Map<DefinitionId, SortedSet<DefinitionId>> spreadBy;
    private final List<Diagnostic> diagnostics;
    private final Set<DefinitionId> tooDeep;

    private DefinitionGraph(Map<DefinitionId, ParsedDefinition> definitions, Map<String, DefinitionId> fragmentIndex,
            Map<DefinitionId, SortedSet<DefinitionId>> spreads, Map<DefinitionId, SortedSet<DefinitionId>> spreadBy,
            List<Diagnostic> diagnostics, Set<DefinitionId> tooDeep) {
        this.definitions = definitions;
        this.fragmentIndex = fragmentIndex;
        this.spreads = spreads;
        this.spreadBy = spreadBy;
        this.diagnostics = diagnostics;
        this.tooDeep = tooDeep;
    }

    public static DefinitionGraph build(Collection<ParsedFile> files) {
        Map<DefinitionId, ParsedDefinition> definitions = new TreeMap<>(definitionsOf(files));
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<String, DefinitionId> fragmentIndex = new TreeMap<>();
        reportDuplicates(definitions, ParsedFragment.class, "Fragment", fragmentIndex, diagnostics);
        reportDuplicates(definitions, ParsedOperation.class, "Operation", new TreeMap<>(), diagnostics);

        Map<DefinitionId, SortedSet<DefinitionId>> spreads = new TreeMap<>();
        Map<DefinitionId, SortedSet<DefinitionId>> spreadBy = new TreeMap<>();
        definitions.forEach((id, definition) -> {
            SortedSet<DefinitionId> targets = new TreeSet<>();
            for (SpreadReference spread : definition.spreads()) {
                DefinitionId target = fragmentIndex.get(spread.fragmentName());
                if (target == null) {
                    diagnostics.add(unknownFragment(spread, fragmentIndex, definitions));
                } else {
                    targets.add(target);
                    spreadBy.computeIfAbsent(target, t -> new TreeSet<>()).add(id);
                }
            }
            spreads.put(id, Collections.unmodifiableSortedSet(targets));
        });
        spreadBy.replaceAll((id, sources) -> Collections.unmodifiableSortedSet(sources));

        DefinitionGraph graph = new DefinitionGraph(Collections.unmodifiableMap(definitions),
                Collections.unmodifiableMap(fragmentIndex), Collections.unmodifiableMap(spreads),
                Collections.unmodifiableMap(spreadBy), List.of(), Set.of());
        diagnostics.addAll(graph.cycles());
        SelectionDepths depths = SelectionDepths.of(definitions, fragmentIndex);
        diagnostics.addAll(depths.problems(graph::spreadBy));
        Collections.sort(diagnostics);
        return new DefinitionGraph(graph.definitions, graph.fragmentIndex, graph.spreads, graph.spreadBy,
                List.copyOf(diagnostics), depths.tooDeep());
    }

    /**
     * Every definition of the files by id, in the files' order; of two definitions with one id (a name repeated
     * in one file), the first. The graph's definitions, without the graph's edges.
     */
    public static Map<DefinitionId, ParsedDefinition> definitionsOf(Collection<ParsedFile> files) {
        Map<DefinitionId, ParsedDefinition> definitions = new java.util.LinkedHashMap<>();
        for (ParsedFile file : files) {
            for (ParsedDefinition definition : file.definitions()) {
                definitions.putIfAbsent(DefinitionId.of(file.path(), definition), definition);
            }
        }
        return definitions;
    }

    /** Every definition by id, sorted by id. */
    public Map<DefinitionId, ParsedDefinition> definitions() {
        return definitions;
    }

    /** Every operation by id, sorted by id. */
    public Map<DefinitionId, ParsedOperation> operations() {
        Map<DefinitionId, ParsedOperation> operations = new TreeMap<>();
        definitions.forEach((id, definition) -> {
            if (definition instanceof ParsedOperation operation) {
                operations.put(id, operation);
            }
        });
        return operations;
    }

    /** Every fragment by id, sorted by id. */
    public Map<DefinitionId, ParsedFragment> fragments() {
        Map<DefinitionId, ParsedFragment> fragments = new TreeMap<>();
        definitions.forEach((id, definition) -> {
            if (definition instanceof ParsedFragment fragment) {
                fragments.put(id, fragment);
            }
        });
        return fragments;
    }

    /** The global index: fragment name to the definition spreads of that name resolve to. */
    public Map<String, DefinitionId> fragmentIndex() {
        return fragmentIndex;
    }

    public Optional<ParsedDefinition> definition(DefinitionId id) {
        return Optional.ofNullable(definitions.get(id));
    }

    /** The fragments {@code id} spreads directly (resolved spreads only). */
    public SortedSet<DefinitionId> spreads(DefinitionId id) {
        return spreads.getOrDefault(id, Collections.emptySortedSet());
    }

    /** The definitions that spread {@code id} directly: the reverse edges. */
    public SortedSet<DefinitionId> spreadBy(DefinitionId id) {
        return spreadBy.getOrDefault(id, Collections.emptySortedSet());
    }

    /** Every fragment {@code id} reaches through spreads, transitively, without {@code id} itself. */
    public SortedSet<DefinitionId> reachableFragments(DefinitionId id) {
        SortedSet<DefinitionId> reached = new TreeSet<>();
        Deque<DefinitionId> pending = new ArrayDeque<>(spreads(id));
        while (!pending.isEmpty()) {
            DefinitionId next = pending.pop();
            if (reached.add(next)) {
                pending.addAll(spreads(next));
            }
        }
        reached.remove(id);
        return reached;
    }

    /** Every definition that reaches any of {@code ids} through spreads, transitively. */
    public SortedSet<DefinitionId> transitiveDependents(Collection<DefinitionId> ids) {
        return new TreeSet<>(dependents(List.of(this), ids, Set.of()).keySet());
    }

    /**
     * The one walk of the reverse edges: breadth first from {@code starts}, through the definitions that spread
     * them in any of {@code graphs} (in that order), skipping {@code known}. Each definition reached maps to the
     * one it was reached from, in the order reached, so following the map back gives a shortest chain of spreads.
     */
    public static Map<DefinitionId, DefinitionId> dependents(List<DefinitionGraph> graphs, Collection<DefinitionId> starts,
            Set<DefinitionId> known) {
        Map<DefinitionId, DefinitionId> reachedFrom = new java.util.LinkedHashMap<>();
        Set<DefinitionId> seen = new java.util.HashSet<>(known);
        Deque<DefinitionId> pending = new ArrayDeque<>(starts);
        while (!pending.isEmpty()) {
            DefinitionId reached = pending.poll();
            for (DefinitionGraph graph : graphs) {
                for (DefinitionId dependent : graph.spreadBy(reached)) {
                    if (seen.add(dependent)) {
                        reachedFrom.put(dependent, reached);
                        pending.add(dependent);
                    }
                }
            }
        }
        return reachedFrom;
    }

    /** File-level adjacency: for each document, the other documents whose fragments it spreads. */
    public Map<ProjectPath, SortedSet<ProjectPath>> fileDependencies() {
        Map<ProjectPath, SortedSet<ProjectPath>> files = new TreeMap<>();
        spreads.forEach((source, targets) -> {
            SortedSet<ProjectPath> dependencies = files.computeIfAbsent(source.file(), f -> new TreeSet<>());
            targets.stream().map(DefinitionId::file).filter(f -> !f.equals(source.file())).forEach(dependencies::add);
        });
        return files;
    }

    /**
     * Whether {@code id} nests deeper than {@link io.github.sodagql.core.parse.NestingDepth#MAX_SELECTION_DEPTH}
     * through the fragments it spreads (a {@code DEPTH_LIMIT} error): nothing may compose, print or validate it,
     * since each of those recurses per level.
     */
    public boolean exceedsDepthLimit(DefinitionId id) {
        return tooDeep.contains(id);
    }

    /** Duplicates, unknown spreads, cycles and definitions nested too deeply, sorted by location. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    private static void reportDuplicates(Map<DefinitionId, ParsedDefinition> definitions,
            Class<? extends ParsedDefinition> kind, String noun, Map<String, DefinitionId> index,
            List<Diagnostic> diagnostics) {
        Map<String, List<DefinitionId>> byName = definitions.entrySet().stream()
                .filter(e -> kind.isInstance(e.getValue()))
                .collect(Collectors.groupingBy(e -> e.getKey().name(), TreeMap::new,
                        Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        byName.forEach((name, ids) -> {
            index.put(name, ids.get(0));
            // Anonymous operations have no name to clash (each is an ANONYMOUS_OPERATION error of its own).
            if (ids.size() < 2 || name.isEmpty()) {
                return;
            }
            for (DefinitionId id : ids) {
                List<SourceLocation> others = ids.stream().filter(other -> !other.equals(id))
                        .map(other -> definitions.get(other).location()).toList();
                diagnostics.add(Diagnostic.at(DiagnosticCode.DOC_DUPLICATE, definitions.get(id).location(),
                        noun + " '" + name + "' is defined more than once; also at "
                                + others.stream().map(SourceLocation::toString).collect(Collectors.joining(", ")) + ".",
                        "Rename one of them: " + noun.toLowerCase(java.util.Locale.ROOT)
                                + " names are global across all documents.",
                        others));
            }
        });
    }

    private static Diagnostic unknownFragment(SpreadReference spread, Map<String, DefinitionId> fragmentIndex,
            Map<DefinitionId, ParsedDefinition> definitions) {
        Optional<String> suggestion = NameSuggestion.closest(spread.fragmentName(), fragmentIndex.keySet());
        String message = "Unknown fragment '" + spread.fragmentName() + "'."
                + suggestion.map(name -> " Did you mean '" + name + "' ("
                        + definitions.get(fragmentIndex.get(name)).location() + ")?").orElse("");
        return Diagnostic.at(DiagnosticCode.UNKNOWN_FRAGMENT, spread.location(), message,
                "Define fragment '" + spread.fragmentName()
                        + "' in a document under the documents directory, or correct the spread's name.",
                suggestion.map(name -> List.of(definitions.get(fragmentIndex.get(name)).location())).orElse(List.of()));
    }

    /** One diagnostic per strongly connected group of fragments, printed as a cycle from its first name. */
    private List<Diagnostic> cycles() {
        List<Diagnostic> found = new ArrayList<>();
        for (SortedSet<DefinitionId> component : new StronglyConnected(fragmentIndex.values(), this::spreads).components()) {
            DefinitionId start = component.first();
            boolean cyclic = component.size() > 1 || spreads(start).contains(start);
            if (!cyclic) {
                continue;
            }
            List<DefinitionId> path = cyclePath(start, component);
            List<SourceLocation> links = new ArrayList<>();
            for (int i = 0; i + 1 < path.size(); i++) {
                links.add(spreadLocation(path.get(i), path.get(i + 1).name()));
            }
            String printed = path.stream().map(DefinitionId::name).collect(Collectors.joining(" -> "));
            String where = links.stream().map(SourceLocation::toString).collect(Collectors.joining(", "));
            found.add(Diagnostic.at(DiagnosticCode.FRAGMENT_CYCLE, links.get(0),
                    "Fragment cycle: " + printed + " (spreads at " + where + ").",
                    "Break the cycle: a fragment cannot spread itself, directly or through other fragments.",
                    links));
        }
        return found;
    }

    /** A shortest cycle from {@code start} back to it, inside its component (breadth-first, sorted). */
    private List<DefinitionId> cyclePath(DefinitionId start, Set<DefinitionId> component) {
        Map<DefinitionId, DefinitionId> cameFrom = new HashMap<>();
        Deque<DefinitionId> queue = new ArrayDeque<>(List.of(start));
        Set<DefinitionId> seen = new LinkedHashSet<>();
        while (!queue.isEmpty()) {
            DefinitionId current = queue.removeFirst();
            for (DefinitionId next : spreads(current)) {
                if (!component.contains(next)) {
                    continue;
                }
                if (next.equals(start)) {
                    List<DefinitionId> path = new ArrayList<>(List.of(start));
                    for (DefinitionId step = current; !step.equals(start); step = cameFrom.get(step)) {
                        path.add(1, step);
                    }
                    path.add(start);
                    return path;
                }
                if (seen.add(next)) {
                    cameFrom.put(next, current);
                    queue.addLast(next);
                }
            }
        }
        throw new IllegalStateException("No cycle through " + start);
    }

    private SourceLocation spreadLocation(DefinitionId source, String fragmentName) {
        ParsedDefinition definition = definitions.get(source);
        return definition.spreads().stream().filter(s -> s.fragmentName().equals(fragmentName))
                .map(SpreadReference::location).findFirst().orElse(definition.location());
    }
}
