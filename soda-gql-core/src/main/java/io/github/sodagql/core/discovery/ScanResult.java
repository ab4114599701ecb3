package io.github.sodagql.core.discovery;

import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.source.ProjectPath;
import java.util.List;

/**
 * Every document found under the roots, sorted by path, plus the problems met while looking.
 *
 * @param defaultSchemaFiles every {@code *.graphqls} file under the roots, sorted, whatever the includes say:
 *     the schema when none is configured, found by the same walk
 */
public record ScanResult(List<FileStat> files, List<ProjectPath> defaultSchemaFiles, List<Diagnostic> problems) {
    public ScanResult {
        files = List.copyOf(files);
        defaultSchemaFiles = List.copyOf(defaultSchemaFiles);
        problems = List.copyOf(problems);
    }
}
