package io.github.sodagql.core.session;

import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.output.OutputFolder;
import io.github.sodagql.core.output.OutputOwnership;
import io.github.sodagql.core.output.OutputRecord;
import io.github.sodagql.core.output.OwnedOutputs;
import io.github.sodagql.core.source.ProjectPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the last build left, and how far this build may trust it. Its outputs are this build's to replace or
 * delete even when nothing else of it is reused ({@link #earlier}); its results are reused only if it is
 * {@link #reusable}: not from another compiler version or configuration, not interrupted while writing, not
 * naming a file outside its folders, and not when a full build is asked for.
 *
 * @param fullReason why nothing of it is reused, in the report's words ({@code no snapshot}, ...)
 * @param strays files an interrupted build may have written without recording them anywhere
 * @param reasons why it counts as changed, for the explanation
 */
record PreviousBuild(Optional<Snapshot> earlier, Optional<Snapshot> reusable, Optional<String> fullReason,
        Set<ProjectPath> strays, OutputOwnership ownership, List<BuildExplanation.InputChange> reasons) {

    PreviousBuild {
        strays = Set.copyOf(strays);
        reasons = List.copyOf(reasons);
    }

    /**
     * @param inMemory the snapshot this session's last build left, if any (trusted as it is); else it is loaded
     * @param fullRequested a full build was asked for: nothing is reused
     * @param notices where to say why a snapshot on disk was ignored
     */
    static PreviousBuild load(Optional<Snapshot> inMemory, SodaGqlConfig config, Path stateDirectory,
            OutputFolder outputFolder, boolean fullRequested, StageClock clock, List<String> notices) {
        Optional<Snapshot> previous = inMemory;
        String fullReason = null;
        List<BuildExplanation.InputChange> reasons = new ArrayList<>();
        if (previous.isEmpty()) {
            OutputFolder stateFolder = new OutputFolder(config.projectDirectory(), config.stateDirectory());
            SnapshotStore.Loaded loaded = clock.time("snapshot", () -> SnapshotStore.load(stateDirectory));
            Optional<ProjectPath> outside = loaded instanceof SnapshotStore.Loaded.Found found
                    ? StateConfinement.outside(found.snapshot(), outputFolder, stateFolder) : Optional.empty();
            if (outside.isPresent()) {
                notices.add("soda-gql: ignoring the snapshot in " + config.stateDirectory() + " because it records "
                        + outside.get() + ", which is outside " + config.outputDirectory() + " (or "
                        + config.stateDirectory() + "); nothing outside them is written or deleted. Building everything.");
                fullReason = "snapshot unusable";
                reasons.add(new BuildExplanation.InputChange("snapshot", "unusable",
                        "it records an output outside the output folder"));
            } else if (loaded instanceof SnapshotStore.Loaded.Found found) {
                previous = Optional.of(found.snapshot());
            } else if (loaded instanceof SnapshotStore.Loaded.Unusable unusable) {
                notices.add("soda-gql: ignoring the snapshot in " + config.stateDirectory() + " because "
                        + unusable.reason() + "; building everything.");
                fullReason = "snapshot unusable";
                reasons.add(new BuildExplanation.InputChange("snapshot", "unusable", unusable.reason()));
            } else {
                fullReason = "no snapshot";
                reasons.add(new BuildExplanation.InputChange("snapshot", "missing",
                        "no earlier build in " + config.stateDirectory().value()));
            }
        }
        Optional<Snapshot> earlier = previous;
        OutputOwnership ownership = OutputOwnership.load(config.projectDirectory(), stateDirectory, outputFolder,
                earlier.map(PreviousBuild::writtenRecords).orElse(List.of()), config.allowForeignFiles());
        notices.addAll(ownership.takeNotices());
        // Files an interrupted build may have written without recording them anywhere.
        Set<ProjectPath> strays = new TreeSet<>(ownership.pending());
        strays.addAll(ownership.unrecorded());
        if (!strays.isEmpty() && fullReason == null) {
            fullReason = "the last build was interrupted";
            previous = Optional.empty();
            reasons.add(new BuildExplanation.InputChange("snapshot", "changed",
                    "the last build was interrupted while writing outputs"));
        }
        if (fullRequested) {
            fullReason = "requested";
            previous = Optional.empty();
        } else if (previous.isPresent() && !previous.get().compilerVersion().equals(CompilerVersion.CURRENT)) {
            fullReason = "compiler version changed";
            reasons.add(new BuildExplanation.InputChange("compiler version", "changed",
                    "the snapshot was written by " + previous.get().compilerVersion() + ", this is "
                            + CompilerVersion.CURRENT));
            previous = Optional.empty();
        } else if (previous.isPresent() && !previous.get().configHash().equals(config.hash())) {
            fullReason = "configuration changed";
            reasons.add(new BuildExplanation.InputChange("configuration", "changed",
                    "a plugin parameter differs from the last build's"));
            previous = Optional.empty();
        }
        return new PreviousBuild(earlier, previous, Optional.ofNullable(fullReason), strays, ownership, reasons);
    }

    /** The outputs the earlier build recorded, by owner: this build's to replace or delete. */
    OwnedOutputs.Recorded outputs() {
        return earlier.map(PreviousBuild::outputsOf).orElse(OwnedOutputs.Recorded.none());
    }

    static OwnedOutputs.Recorded outputsOf(Snapshot snapshot) {
        Map<io.github.sodagql.core.graph.DefinitionId, List<OutputRecord>> owned = new HashMap<>();
        snapshot.definitions().forEach((id, record) -> owned.put(id, record.outputs()));
        return new OwnedOutputs.Recorded(owned, snapshot.sharedOutputs());
    }

    /** Every generated file a snapshot records. */
    static List<OutputRecord> recordedOutputs(Snapshot snapshot) {
        List<OutputRecord> records = new ArrayList<>(snapshot.sharedOutputs());
        snapshot.definitions().values().forEach(record -> records.addAll(record.outputs()));
        return records;
    }

    private static List<OutputRecord> writtenRecords(Snapshot snapshot) {
        // A failed write's record asks for a retry; it makes nobody's file soda-gql's.
        return recordedOutputs(snapshot).stream().filter(r -> !r.isFailed()).toList();
    }
}
