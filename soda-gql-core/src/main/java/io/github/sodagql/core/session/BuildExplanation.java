package io.github.sodagql.core.session;

import com.google.gson.stream.JsonWriter;
import io.github.sodagql.core.graph.AffectedSet;
import io.github.sodagql.core.graph.DefinitionId;
import io.github.sodagql.core.source.ProjectPath;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Why a build did what it did: the inputs it found changed, and for every definition it validated or
 * generated again, the chain of spreads that leads there from a change. Shown by {@code -Dsoda-gql.explain}
 * and always written to {@code report.json}, so a user can see why a build rewrote what it did without
 * reading our code.
 *
 * @param changes the inputs that changed (and those only touched), in input order
 * @param rebuilt the definitions validated or generated again, by id
 * @param written outputs whose bytes changed and were written
 * @param unchanged outputs rendered again with the same bytes, left alone
 * @param deleted outputs removed because nothing produces them any more
 */
public record BuildExplanation(List<InputChange> changes, List<Rebuilt> rebuilt, List<ProjectPath> written,
        List<ProjectPath> unchanged, List<ProjectPath> deleted) {

    public BuildExplanation {
        changes = List.copyOf(changes);
        rebuilt = List.copyOf(rebuilt);
        written = List.copyOf(written);
        unchanged = List.copyOf(unchanged);
        deleted = List.copyOf(deleted);
    }

    static BuildExplanation none() {
        return new BuildExplanation(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /**
     * One input that counts as changed, or was only touched.
     *
     * @param input a project path, or {@code configuration}, {@code compiler version}, {@code snapshot}
     * @param change {@code added}, {@code updated}, {@code removed}, {@code touched}, {@code unreadable},
     *     {@code changed} or {@code missing}
     * @param reason why it counts as that, e.g. {@code size/mtime moved and hash differs}
     */
    public record InputChange(String input, String change, String reason) {
        public InputChange {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(reason, "reason");
        }

        /** Whether it makes anything rebuild (a touched file does not). */
        public boolean counts() {
            return !change.equals("touched");
        }
    }

    /**
     * A definition validated or generated again, and why.
     *
     * @param via the fragments it reaches the change through, nearest first: it spreads {@code via[0]}, which
     *     spreads {@code via[1]}, and so on; empty when the definition itself is where the change is
     * @param cause where the chain ends: {@code path, updated} for a changed file, or a reason that concerns
     *     every definition ({@code schema changed}, {@code full build: no snapshot}) or its outputs
     */
    public record Rebuilt(DefinitionId id, boolean validated, boolean regenerated, List<DefinitionId> via,
            String cause) {
        public Rebuilt {
            Objects.requireNonNull(id, "id");
            via = List.copyOf(via);
            Objects.requireNonNull(cause, "cause");
        }

        /** {@code ProductListQuery <- spreads ProductCard (entities/product.graphql, updated)}. */
        public String chain() {
            StringBuilder line = new StringBuilder(id.name());
            via.forEach(fragment -> line.append(" <- spreads ").append(fragment.name()));
            return line.append(" (").append(cause).append(')').toString();
        }

        private String work() {
            return validated && regenerated ? "validated, generated" : validated ? "validated" : "generated";
        }
    }

    /**
     * Every definition validated or generated again, with the chain that made it so: the affected set's cause, or,
     * for one generated without being affected, why its outputs had to be made again.
     *
     * @param validated whether the affected definitions were validated (the schema loaded)
     * @param repairs definitions with an output edited or deleted on disk
     * @param before the last build's records, by id
     */
    static List<Rebuilt> rebuilt(AffectedSet affected, boolean validated, java.util.Set<DefinitionId> regenerated,
            java.util.Set<DefinitionId> repairs, java.util.Map<DefinitionId, DefinitionRecord> before) {
        java.util.SortedSet<DefinitionId> ids = new java.util.TreeSet<>(regenerated);
        if (validated) {
            ids.addAll(affected.causes().keySet());
        }
        List<Rebuilt> rebuilt = new ArrayList<>();
        for (DefinitionId id : ids) {
            DefinitionRecord old = before.get(id);
            AffectedSet.Cause cause = affected.cause(id).orElseGet(() -> new AffectedSet.Cause(List.of(),
                    repairs.contains(id) ? "an output of it was edited or deleted"
                            : old != null && !old.outputsCurrent() ? "the last build did not generate it"
                            : "a class name moved, so everything was generated again"));
            rebuilt.add(new Rebuilt(id, validated && affected.contains(id), regenerated.contains(id), cause.via(),
                    cause.origin()));
        }
        return rebuilt;
    }

    /** The explanation for a build log: inputs, then definitions, then outputs; empty when there is nothing. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        if (!changes.isEmpty()) {
            lines.add("soda-gql explain: inputs");
            changes.forEach(c -> lines.add("  " + c.input() + ": " + c.change() + " (" + c.reason() + ")"));
        }
        if (!rebuilt.isEmpty()) {
            lines.add("soda-gql explain: " + rebuilt.size() + " definition" + (rebuilt.size() == 1 ? "" : "s")
                    + " validated or generated again");
            String shared = sharedCause();
            if (shared != null) {
                // A reason that concerns every definition would only be repeated once per definition.
                lines.add("  every one: " + shared);
            } else {
                rebuilt.forEach(r -> lines.add("  " + r.chain() + " [" + r.work() + "]"));
            }
        }
        addPaths(lines, "written", written);
        addPaths(lines, "rendered with the same bytes, left unwritten", unchanged);
        addPaths(lines, "deleted", deleted);
        if (lines.isEmpty()) {
            lines.add("soda-gql explain: nothing changed, nothing rebuilt");
        }
        return lines;
    }

    private String sharedCause() {
        if (rebuilt.size() < 2) {
            return null;
        }
        String cause = rebuilt.get(0).cause();
        boolean shared = rebuilt.stream().allMatch(r -> r.via().isEmpty() && r.cause().equals(cause)
                && r.validated() == rebuilt.get(0).validated() && r.regenerated() == rebuilt.get(0).regenerated());
        boolean fileCause = rebuilt.stream().anyMatch(r -> r.cause().endsWith(", updated") || r.cause().endsWith(", added"));
        return shared && !fileCause ? cause + " [" + rebuilt.get(0).work() + "]" : null;
    }

    private static void addPaths(List<String> lines, String title, List<ProjectPath> paths) {
        if (!paths.isEmpty()) {
            lines.add("soda-gql explain: " + paths.size() + " output" + (paths.size() == 1 ? "" : "s") + " " + title);
            paths.forEach(p -> lines.add("  " + p.value()));
        }
    }

    void writeJson(JsonWriter json) throws IOException {
        json.beginObject();
        json.name("changes").beginArray();
        for (InputChange change : changes) {
            json.beginObject();
            json.name("input").value(change.input());
            json.name("change").value(change.change());
            json.name("reason").value(change.reason());
            json.endObject();
        }
        json.endArray();
        json.name("rebuilt").beginArray();
        for (Rebuilt r : rebuilt) {
            json.beginObject();
            json.name("definition").value(r.id().toString());
            json.name("kind").value(r.id().kind() == DefinitionId.Kind.OPERATION ? "operation" : "fragment");
            json.name("validated").value(r.validated());
            json.name("regenerated").value(r.regenerated());
            json.name("via").beginArray();
            for (DefinitionId fragment : r.via()) {
                json.value(fragment.toString());
            }
            json.endArray();
            json.name("cause").value(r.cause());
            json.name("chain").value(r.chain());
            json.endObject();
        }
        json.endArray();
        writePaths(json, "written", written);
        writePaths(json, "unchanged", unchanged);
        writePaths(json, "deleted", deleted);
        json.endObject();
    }

    private static void writePaths(JsonWriter json, String name, List<ProjectPath> paths) throws IOException {
        json.name(name).beginArray();
        for (ProjectPath path : paths) {
            json.value(path.value());
        }
        json.endArray();
    }
}
