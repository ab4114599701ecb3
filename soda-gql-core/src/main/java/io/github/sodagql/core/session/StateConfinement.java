package io.github.sodagql.core.session;

import io.github.sodagql.core.output.OutputFolder;
import io.github.sodagql.core.output.OutputRecord;
import io.github.sodagql.core.source.ProjectPath;
import java.util.Optional;

/**
 * The check that a snapshot read from disk names no output outside its folder: generated files must lie in the
 * output folder, {@code artifact.json} in the state folder. The state directory is untrusted (a CI cache or an
 * archive can carry it), and the outputs a snapshot records are the ones a build may replace or delete.
 */
final class StateConfinement {
    private StateConfinement() {}

    /** The first output {@code snapshot} records outside its folder, if any. */
    static Optional<ProjectPath> outside(Snapshot snapshot, OutputFolder outputs, OutputFolder state) {
        for (DefinitionRecord record : snapshot.definitions().values()) {
            for (OutputRecord output : record.outputs()) {
                if (!outputs.contains(output.path())) {
                    return Optional.of(output.path());
                }
            }
        }
        for (OutputRecord output : snapshot.sharedOutputs()) {
            if (!outputs.contains(output.path())) {
                return Optional.of(output.path());
            }
        }
        return snapshot.artifactOutput().map(OutputRecord::path).filter(path -> !state.contains(path));
    }
}
