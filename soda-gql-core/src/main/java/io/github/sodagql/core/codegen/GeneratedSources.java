package io.github.sodagql.core.codegen;

import io.github.sodagql.core.diagnostic.Diagnostic;
import java.util.List;

/** Every generated source file, sorted by path, and the problems met while generating. */
public record GeneratedSources(List<GeneratedFile> files, List<Diagnostic> diagnostics) {
    public GeneratedSources {
        files = List.copyOf(files);
        diagnostics = List.copyOf(diagnostics);
    }
}
