package io.github.sodagql.core.codegen;

import io.github.sodagql.core.output.OutputFile;
import io.github.sodagql.core.source.ProjectPath;
import java.util.Objects;
import java.util.Optional;

/**
 * A generated source file and the document that owns it. The files a document owns form its output unit;
 * files owned by no document (support types, enums, input objects, the registry) are shared.
 */
public record GeneratedFile(OutputFile file, Optional<ProjectPath> sourceDocument) {
    public GeneratedFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sourceDocument, "sourceDocument");
    }
}
