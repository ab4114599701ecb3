package io.github.sodagql.core.graph;

import io.github.sodagql.core.parse.ParsedDefinition;
import io.github.sodagql.core.parse.ParsedFile;
import io.github.sodagql.core.source.ProjectPath;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The definitions whose results may differ from the last build's, each with why ({@link Cause}, which
 * {@code -Dsoda-gql.explain} shows): those edited in a changed document, those whose name gained or lost a
 * duplicate, and those that spread (transitively) a fragment name whose definition or resolution changed.
 *
 * @param causes every affected definition of the current graph, by id
 * @param edited the definitions whose own source changed (not the same text at the same place)
 */
public record AffectedSet(SortedMap<DefinitionId, Cause> causes, Set<DefinitionId> edited) {

    public AffectedSet {
        causes = Collections.unmodifiableSortedMap(new TreeMap<>(causes));
        edited = Collections.unmodifiableSet(new TreeSet<>(edited));
    }

    /**
     * Why a definition is affected: it reaches a change through the fragments {@code via} (nearest first), and
     * the chain ends at {@code origin} ({@code path, updated}, {@code schema changed}, ...).
     */
    public record Cause(List<DefinitionId> via, String origin) {
        public Cause {
            via = List.copyOf(via);
            Objects.requireNonNull(origin, "origin");
        }

        /** The cause of a definition that spreads {@code fragment}, whose own cause this is. */
        public Cause through(DefinitionId fragment) {
            List<DefinitionId> longer = new ArrayList<>(via.size() + 1);
            longer.add(fragment);
            longer.addAll(via);
            return new Cause(longer, origin);
        }
    }

    /** Every definition of {@code graph}, for one reason (a full build, a changed schema). */
    public static AffectedSet everything(DefinitionGraph graph, String origin) {
        SortedMap<DefinitionId, Cause> all = new TreeMap<>();
        graph.definitions().keySet().forEach(id -> all.put(id, new Cause(List.of(), origin)));
        return new AffectedSet(all, Set.of());
    }

    public SortedSet<DefinitionId> ids() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(causes.keySet()));
    }

    public boolean contains(DefinitionId id) {
        return causes.containsKey(id);
    }

    public Optional<Cause> cause(DefinitionId id) {
        return Optional.ofNullable(causes.get(id));
    }

    /**
     * What differs between the graphs of two builds. Definitions appear and disappear only in changed files,
     * so a fragment name whose resolution changed always has a definition there: that definition is the
     * origin of the name's change. Each chain is a shortest one (the walk is breadth first).
     *
     * @param filesBefore and {@code filesNow}: the documents of each build, for their definitions' texts
     * @param changedFiles documents added, updated, removed or unreadable (not those only touched)
     * @param changeOf how each changed document changed, in the explanation's words ({@code updated}, ...)
     */
    public static AffectedSet between(DefinitionGraph before, DefinitionGraph now, Map<ProjectPath, ParsedFile> filesBefore,
            Map<ProjectPath, ParsedFile> filesNow, Collection<ProjectPath> changedFiles, Function<ProjectPath, String> changeOf) {
        List<DefinitionGraph> graphs = List.of(now, before);
        Map<DefinitionId, Cause> causes = new HashMap<>();
        Set<DefinitionId> edited = new TreeSet<>();
        Map<ProjectPath, Map<String, String>> sourcesBefore = new HashMap<>();
        Map<ProjectPath, Map<String, String>> sourcesNow = new HashMap<>();
        for (DefinitionGraph g : graphs) {
            g.definitions().forEach((id, definition) -> {
                if (changedFiles.contains(id.file()) && !causes.containsKey(id)) {
                    ParsedFile old = filesBefore.get(id.file());
                    ParsedFile current = filesNow.get(id.file());
                    String key = (id.kind() == DefinitionId.Kind.FRAGMENT ? "fragment " : "operation ") + id.name();
                    boolean same = old != null && current != null && Objects.equals(
                            sourcesBefore.computeIfAbsent(id.file(), f -> old.definitionSources()).get(key),
                            sourcesNow.computeIfAbsent(id.file(), f -> current.definitionSources()).get(key));
                    if (!same) {
                        edited.add(id);
                        causes.put(id, new Cause(List.of(), id.file().value() + ", " + changeOf.apply(id.file())));
                    }
                }
            });
        }
        // Where each changed name comes from: a definition in a changed file, the current one first.
        Map<String, DefinitionId> origins = new HashMap<>();
        for (DefinitionGraph g : graphs) {
            for (DefinitionId id : g.definitions().keySet()) {
                if (causes.containsKey(id) && (!origins.containsKey(id.name())
                        || (id.kind() == DefinitionId.Kind.FRAGMENT && id.equals(g.fragmentIndex().get(id.name()))
                                && origins.get(id.name()).kind() != DefinitionId.Kind.FRAGMENT))) {
                    origins.put(id.name(), id);
                }
            }
        }
        List<DefinitionId> reachedByName = new ArrayList<>();
        for (DefinitionGraph g : graphs) {
            for (Map.Entry<DefinitionId, ParsedDefinition> entry : new TreeMap<>(g.definitions()).entrySet()) {
                DefinitionId id = entry.getKey();
                if (causes.containsKey(id)) {
                    continue;
                }
                DefinitionId sameName = origins.get(id.name());
                if (sameName != null) {
                    causes.put(id, new Cause(List.of(), "same name as " + sameName + ", " + changeOf.apply(sameName.file())));
                    reachedByName.add(id);
                    continue;
                }
                for (String name : entry.getValue().spreadNames()) {
                    DefinitionId origin = origins.get(name);
                    if (origin != null) {
                        causes.put(id, causes.get(origin).through(origin));
                        reachedByName.add(id);
                        break;
                    }
                }
            }
        }
        // Definitions in changed files reach their dependents by name above; the rest by the graphs' edges.
        DefinitionGraph.dependents(graphs, reachedByName, causes.keySet())
                .forEach((dependent, from) -> causes.put(dependent, causes.get(from).through(from)));
        SortedMap<DefinitionId, Cause> affected = new TreeMap<>();
        causes.forEach((id, cause) -> {
            if (now.definitions().containsKey(id)) {
                affected.put(id, cause);
            }
        });
        edited.retainAll(affected.keySet());
        return new AffectedSet(affected, edited);
    }
}
