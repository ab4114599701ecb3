package io.github.sodagql.core.codegen;

import io.github.sodagql.core.graph.DefinitionId;
import io.github.sodagql.core.output.OutputFile;
import io.github.sodagql.core.source.ProjectPath;
import java.util.Objects;
import java.util.Optional;

/**
 * A generated source file and the definition that owns it. The files of a document's definitions form its
 * output unit; files owned by no definition (support types, enums, input objects, the registry) are shared.
 */
public record GeneratedFile(OutputFile file, Optional<DefinitionId> owner) {
    public GeneratedFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(owner, "owner");
    }

    /** The document whose output unit this file belongs to; empty for shared files. */
    public Optional<ProjectPath> sourceDocument() {
        return owner.map(DefinitionId::file);
    }
}
