package io.github.sodagql.core.session;

import io.github.sodagql.core.artifact.ArtifactOperation;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.graph.DefinitionId;
import java.util.List;
import io.github.sodagql.core.output.OutputRecord;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a build derived from one operation or fragment, kept so that a later build can reuse it when the
 * definition is not affected: its validation and deprecation diagnostics, its artifact entry (operations),
 * the schema types its generated code uses, and its generated files.
 *
 * @param outputsCurrent false when the last build could not generate (it had errors), so the next build
 *     without errors must generate this definition even if nothing about it changed
 */
public record DefinitionRecord(
        DefinitionId id,
        List<Diagnostic> diagnostics,
        Optional<ArtifactOperation> artifactEntry,
        SortedSet<String> typesUsed,
        List<OutputRecord> outputs,
        boolean outputsCurrent) {

    public DefinitionRecord {
        Objects.requireNonNull(id, "id");
        diagnostics = List.copyOf(diagnostics);
        Objects.requireNonNull(artifactEntry, "artifactEntry");
        typesUsed = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(typesUsed));
        outputs = List.copyOf(outputs);
    }

    /** A definition checked by this build, whose outputs are as the last build left them until generation settles them. */
    public static DefinitionRecord checked(DefinitionId id, List<Diagnostic> diagnostics, Optional<ArtifactOperation> entry,
            Optional<DefinitionRecord> old) {
        return new DefinitionRecord(id, diagnostics, entry, old.map(DefinitionRecord::typesUsed).orElse(new TreeSet<>()),
                old.map(DefinitionRecord::outputs).orElse(List.of()), old.map(DefinitionRecord::outputsCurrent).orElse(false));
    }

    public DefinitionRecord withTypesUsed(SortedSet<String> types) {
        return new DefinitionRecord(id, diagnostics, artifactEntry, types, outputs, outputsCurrent);
    }

    public DefinitionRecord withOutputs(List<OutputRecord> files, boolean current) {
        return new DefinitionRecord(id, diagnostics, artifactEntry, typesUsed, files, current);
    }

    public DefinitionRecord withOutputsCurrent(boolean current) {
        return new DefinitionRecord(id, diagnostics, artifactEntry, typesUsed, outputs, current);
    }
}
