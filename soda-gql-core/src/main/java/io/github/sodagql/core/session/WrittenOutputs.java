package io.github.sodagql.core.session;

import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.graph.DefinitionId;
import io.github.sodagql.core.output.OwnedOutputs;
import io.github.sodagql.core.output.WriteReport;
import io.github.sodagql.core.source.ProjectPath;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/** What the output step did: generated files and the artifact, and every record with its outputs. */
record WrittenOutputs(OwnedOutputs.Applied applied, WriteReport artifact,
        SortedMap<DefinitionId, DefinitionRecord> records, List<Diagnostic> problems) {
    List<ProjectPath> writtenPaths() {
        List<ProjectPath> paths = new ArrayList<>(applied.written().written());
        paths.addAll(artifact.written());
        return paths;
    }

    List<ProjectPath> unchangedPaths() {
        List<ProjectPath> paths = new ArrayList<>(applied.written().unchanged());
        paths.addAll(artifact.unchanged());
        return paths;
    }
}
