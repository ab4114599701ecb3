package io.github.sodagql.core.codegen;

import io.github.sodagql.core.graph.AffectedSet;
import io.github.sodagql.core.graph.DefinitionGraph;
import io.github.sodagql.core.graph.DefinitionId;
import io.github.sodagql.core.source.ProjectPath;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which definitions to generate: all of them in a full build; otherwise those whose code can differ from what
 * the last build wrote (affected and able to change), those whose outputs were damaged on disk, and those the
 * last build could not generate. Only definitions that own code count: operations, and the fragment each name
 * resolves to.
 *
 * @param wanted the definitions to generate, by id
 * @param full everything is generated (a full build, a changed schema, or a class name that moved)
 * @param sharedDamaged a shared output (support types, enums, inputs, the registry) was edited or deleted
 */
public record GenerationPlan(SortedSet<DefinitionId> wanted, boolean full, boolean sharedDamaged) {

    public GenerationPlan {
        wanted = Collections.unmodifiableSortedSet(new TreeSet<>(wanted));
    }

    /**
     * @param repairs definitions with an output edited or deleted since the last build
     * @param stale definitions whose outputs the last build did not settle (it could not generate)
     * @param textOf each document's text, to see whether a fragment's code reads a conditional spread
     */
    public static GenerationPlan of(DefinitionGraph graph, AffectedSet affected, Set<DefinitionId> repairs,
            Set<DefinitionId> stale, boolean full, boolean sharedDamaged, Function<ProjectPath, String> textOf) {
        SortedSet<DefinitionId> wanted = new TreeSet<>();
        for (DefinitionId id : graph.definitions().keySet()) {
            if (ownsCode(graph, id) && (full || repairs.contains(id) || stale.contains(id)
                    || (affected.contains(id) && needsNewCode(id, affected.edited(), textOf)))) {
                wanted.add(id);
            }
        }
        return new GenerationPlan(wanted, full, sharedDamaged);
    }

    /** Every definition that owns code: what a class name that moved asks for. */
    public GenerationPlan everything(DefinitionGraph graph) {
        SortedSet<DefinitionId> all = new TreeSet<>();
        graph.definitions().keySet().stream().filter(id -> ownsCode(graph, id)).forEach(all::add);
        return new GenerationPlan(all, true, sharedDamaged);
    }

    /** An operation, or the fragment its name resolves to (a duplicate's loser owns nothing). */
    static boolean ownsCode(DefinitionGraph graph, DefinitionId id) {
        return id.kind() == DefinitionId.Kind.OPERATION || id.equals(graph.fragmentIndex().get(id.name()));
    }

    /**
     * Whether an affected definition's code can differ. An operation's can (its document and id change with any
     * fragment it reaches). A fragment's class depends on its own selection and on the classes it refers to by
     * name, so one affected only through what it spreads keeps its code, unless a conditional spread reads
     * the spread fragment's fields to see whether it was included.
     */
    private static boolean needsNewCode(DefinitionId id, Set<DefinitionId> edited, Function<ProjectPath, String> textOf) {
        if (id.kind() == DefinitionId.Kind.OPERATION || edited.contains(id)) {
            return true;
        }
        String text = textOf.apply(id.file());
        return text.contains("@include") || text.contains("@skip");
    }
}
