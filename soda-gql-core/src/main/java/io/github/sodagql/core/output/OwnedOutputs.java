package io.github.sodagql.core.output;

import io.github.sodagql.core.codegen.GeneratedFile;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.graph.DefinitionId;
import io.github.sodagql.core.source.ContentHash;
import io.github.sodagql.core.source.ProjectPath;
import io.github.sodagql.core.source.SourceLocation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Applies one build's generated files to the output folder, as their owner: writes what changed, deletes what
 * nobody produces any more (outputs of definitions that are gone or were generated again without them, and files
 * an interrupted build left), and records each output under the definition that owns it. Before writing it has
 * {@link OutputOwnership} list what it is about to write and claim it in the ledger, so a crash cannot leave
 * files nobody knows as soda-gql's; it never writes or deletes a file soda-gql did not write.
 */
public final class OwnedOutputs {
    private final OutputWriter writer;
    private final OutputOwnership ownership;

    public OwnedOutputs(OutputWriter writer, OutputOwnership ownership) {
        this.writer = writer;
        this.ownership = ownership;
    }

    /**
     * The outputs a build recorded: each definition's, and the shared ones.
     */
    public record Recorded(Map<DefinitionId, List<OutputRecord>> owned, List<OutputRecord> shared) {
        public Recorded {
            owned = Map.copyOf(owned);
            shared = List.copyOf(shared);
        }

        public static Recorded none() {
            return new Recorded(Map.of(), List.of());
        }

        /** Every file recorded, by path. */
        public Map<ProjectPath, OutputRecord> byPath() {
            Map<ProjectPath, OutputRecord> all = new HashMap<>();
            owned.values().forEach(records -> records.forEach(r -> all.put(r.path(), r)));
            shared.forEach(r -> all.put(r.path(), r));
            return all;
        }
    }

    /**
     * What this build generated: every file, the definitions generated (whose earlier outputs it replaces), and
     * whether the shared files were among them.
     */
    public record Generated(List<GeneratedFile> files, Set<DefinitionId> regenerated, boolean includesShared) {
        public Generated {
            files = List.copyOf(files);
            regenerated = Set.copyOf(regenerated);
        }
    }

    /**
     * One build's outputs to apply.
     *
     * @param earlier what the last build recorded (its files are this build's to replace or delete, even when
     *     nothing else of it is reused)
     * @param current the outputs this build's definitions carry over, by id: every definition of the project
     * @param generated what generation produced; empty when this build could not generate (it has errors)
     * @param strays files an interrupted build may have written without recording them
     * @param checkForeign look for files soda-gql did not write in the output folder first, and write nothing if any
     * @param origins where each definition is, for the location of a write that failed
     */
    public record Plan(Recorded earlier, Map<DefinitionId, List<OutputRecord>> current, Optional<Generated> generated,
            Set<ProjectPath> strays, boolean checkForeign, Function<DefinitionId, Optional<SourceLocation>> origins) {
        public Plan {
            current = Collections.unmodifiableMap(new TreeMap<>(current));
            strays = Set.copyOf(strays);
        }
    }

    /**
     * What applying did.
     *
     * @param owned the new records of every regenerated definition (an empty list for one that produces nothing)
     * @param shared the shared outputs to record: the new ones, or the last build's kept as they were; after a
     *     build that could not generate, also every file an earlier build left that no definition keeps
     * @param problems files in the way (a {@code CONFIG_INVALID} when the folder holds foreign files)
     * @param blocked the folder holds foreign files: nothing was written or deleted
     */
    public record Applied(WriteReport written, List<ProjectPath> deleted, Map<DefinitionId, List<OutputRecord>> owned,
            List<OutputRecord> shared, List<Diagnostic> problems, boolean blocked) {
        public Applied {
            deleted = List.copyOf(deleted);
            owned = Map.copyOf(owned);
            shared = List.copyOf(shared);
            problems = List.copyOf(problems);
        }
    }

    public Applied apply(Plan plan, ProjectPath outputDirectory, List<String> debugNotes) {
        Map<ProjectPath, OutputRecord> known = plan.earlier().byPath();
        List<OutputFile> outputs = new ArrayList<>();
        Map<ProjectPath, DefinitionId> owners = new HashMap<>();
        Set<ProjectPath> toDelete = new TreeSet<>();
        // Outputs of definitions that are gone are stale whatever else happens.
        plan.earlier().owned().forEach((id, records) -> {
            if (!plan.current().containsKey(id)) {
                records.forEach(o -> toDelete.add(o.path()));
            }
        });
        plan.generated().ifPresent(generated -> {
            for (GeneratedFile file : generated.files()) {
                outputs.add(new OutputFile(file.path(), file.bytes()));
                file.owner().ifPresent(owner -> owners.put(file.path(), owner));
            }
            // Everything the earlier build wrote that this build's regenerated owners no longer produce.
            if (generated.includesShared()) {
                plan.earlier().shared().forEach(o -> toDelete.add(o.path()));
            }
            plan.earlier().owned().forEach((id, records) -> {
                if (generated.regenerated().contains(id) || !plan.current().containsKey(id)) {
                    records.forEach(o -> toDelete.add(o.path()));
                }
            });
            toDelete.addAll(plan.strays());
            outputs.forEach(o -> toDelete.remove(o.path()));
        });

        List<Diagnostic> problems = new ArrayList<>();
        boolean blocked = false;
        if (plan.checkForeign()) {
            Optional<Diagnostic> foreign = foreignFiles(outputs, outputDirectory, problems);
            blocked = foreign.isPresent();
            foreign.ifPresent(problems::add);
            if (blocked) {
                outputs.clear();
                toDelete.clear();
            }
        }
        if (!blocked) {
            try {
                ownership.recordBeforeWriting(outputs, known);
            } catch (IOException e) {
                // Without the records a crash could leave files the next build does not know as its own
                // (and so never deletes); this build's outputs are still right.
                debugNotes.add("cannot save the pending list and ledger before writing (" + e + ")");
            }
        }
        WriteReport written = writer.write(outputs, known, ownership,
                path -> Optional.ofNullable(owners.get(path)).flatMap(plan.origins()));
        List<ProjectPath> deleted = writer.delete(toDelete, ownership);

        Map<ProjectPath, OutputRecord> writtenRecords = new HashMap<>();
        written.records().forEach(r -> writtenRecords.put(r.path(), r));
        // A file that could not be written is recorded as damaged, so that the next build writes it.
        written.failed().forEach(r -> writtenRecords.put(r.path(), r));
        List<OutputRecord> newShared = new ArrayList<>();
        Map<DefinitionId, List<OutputRecord>> newOwned = new HashMap<>();
        plan.generated().ifPresent(generated -> generated.regenerated().forEach(id -> newOwned.put(id, new ArrayList<>())));
        for (OutputFile output : outputs) {
            OutputRecord record = writtenRecords.get(output.path());
            if (record == null) {
                continue;
            }
            DefinitionId owner = owners.get(output.path());
            if (owner == null) {
                newShared.add(record);
            } else {
                newOwned.computeIfAbsent(owner, o -> new ArrayList<>()).add(record);
            }
        }
        List<OutputRecord> shared;
        if (plan.generated().isPresent()) {
            shared = plan.generated().get().includesShared() ? newShared : plan.earlier().shared();
        } else {
            shared = orphans(plan, toDelete);
        }
        return new Applied(written, deleted, newOwned, shared, problems, blocked);
    }

    /**
     * Nothing was generated, so every file an earlier build wrote is still there. Files no definition keeps are
     * tracked as shared outputs, which the next build that generates replaces or deletes.
     */
    private List<OutputRecord> orphans(Plan plan, Set<ProjectPath> toDelete) {
        Set<ProjectPath> kept = new TreeSet<>();
        plan.current().values().forEach(records -> records.forEach(o -> kept.add(o.path())));
        SortedMap<ProjectPath, OutputRecord> orphans = new TreeMap<>();
        plan.earlier().shared().forEach(o -> orphans.put(o.path(), o));
        plan.earlier().owned().values().forEach(records -> records.forEach(o -> orphans.put(o.path(), o)));
        for (ProjectPath stray : plan.strays()) {
            ownership.asWritten(stray).ifPresent(hash -> {
                try {
                    orphans.putIfAbsent(stray, writer.record(stray, hash));
                } catch (IOException e) {
                    // Gone meanwhile: nothing to track.
                }
            });
        }
        toDelete.forEach(orphans::remove);
        kept.forEach(orphans::remove);
        return List.copyOf(orphans.values());
    }

    /** An output that is gone or whose bytes changed; one only touched (same hash) is fine. */
    public boolean damaged(OutputRecord output) {
        return !writer.matches(output) && !writer.hash(output.path()).equals(Optional.of(output.hash()));
    }

    /**
     * The foreign files in the output folder, as one {@code CONFIG_INVALID} naming the first. A file this build
     * generates with exactly its bytes is not foreign (a state folder lost with the outputs kept).
     */
    private Optional<Diagnostic> foreignFiles(List<OutputFile> outputs, ProjectPath outputDirectory, List<Diagnostic> problems) {
        Map<ProjectPath, OutputFile> produced = new HashMap<>();
        outputs.forEach(output -> produced.put(output.path(), output));
        List<ProjectPath> foreign;
        try {
            foreign = ownership.foreignFiles(path -> produced.containsKey(path)
                    && writer.hash(path).equals(Optional.of(ContentHash.of(produced.get(path).bytes()))), 1);
        } catch (IOException e) {
            problems.add(Diagnostic.global(DiagnosticCode.IO_ERROR, "Cannot list the output directory "
                    + outputDirectory + ": " + e.getMessage() + ".", "Check that it is readable."));
            return Optional.empty();
        }
        if (foreign.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Diagnostic.global(DiagnosticCode.CONFIG_INVALID, "Configuration 'outputDirectory' ("
                + outputDirectory + ") holds " + foreign.get(0) + ", which soda-gql did not write; it never "
                + "overwrites or deletes such a file, so it wrote nothing.", "Give the generated sources a folder of "
                + "their own (the default is " + io.github.sodagql.core.config.SodaGqlConfig.DEFAULT_OUTPUT_DIRECTORY
                + "), move the file away, or set "
                + "allowForeignFiles to let them share the folder. If soda-gql's state folder was deleted, "
                + "delete the output folder too (mvn clean): without its records, an output the last build wrote "
                + "and this one changes cannot be told from a file of yours."));
    }
}
