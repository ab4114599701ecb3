package io.github.sodagql.core.codegen;

import io.github.sodagql.core.graph.DefinitionId;
import io.github.sodagql.core.source.ProjectPath;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A generated source file: where it goes, its exact bytes, and the definition that owns it. The files of a
 * document's definitions form its output unit; files owned by no definition (support types, enums, input
 * objects, the registry) are shared. Codegen's own value: writing it is output's business.
 */
public record GeneratedFile(ProjectPath path, byte[] bytes, Optional<DefinitionId> owner) {
    public GeneratedFile {
        Objects.requireNonNull(path, "path");
        bytes = bytes.clone();
        Objects.requireNonNull(owner, "owner");
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The document whose output unit this file belongs to; empty for shared files. */
    public Optional<ProjectPath> sourceDocument() {
        return owner.map(DefinitionId::file);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GeneratedFile file && path.equals(file.path) && Arrays.equals(bytes, file.bytes)
                && owner.equals(file.owner);
    }

    @Override
    public int hashCode() {
        return (31 * path.hashCode() + Arrays.hashCode(bytes)) * 31 + owner.hashCode();
    }

    @Override
    public String toString() {
        return path + " (" + bytes.length + " bytes" + owner.map(o -> ", " + o).orElse("") + ")";
    }
}
