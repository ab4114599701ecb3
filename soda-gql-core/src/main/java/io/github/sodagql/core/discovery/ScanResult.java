package io.github.sodagql.core.discovery;

import io.github.sodagql.core.diagnostic.Diagnostic;
import java.util.List;

/** Every document found under the roots, sorted by path, plus the problems met while looking. */
public record ScanResult(List<FileStat> files, List<Diagnostic> problems) {
    public ScanResult {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }
}
