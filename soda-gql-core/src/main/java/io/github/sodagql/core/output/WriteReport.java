package io.github.sodagql.core.output;

import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.source.ProjectPath;
import java.util.List;

/**
 * What the writer did: files written, files left alone because their bytes were the same, and failures;
 * with the record of every file as it is now on disk, for the next build's stat check, and a
 * {@linkplain OutputRecord#failed failed record} of each file it could not write, for the next build to retry.
 */
public record WriteReport(List<ProjectPath> written, List<ProjectPath> unchanged, List<Diagnostic> failures,
        List<OutputRecord> records, List<OutputRecord> failed) {
    public WriteReport {
        failed = List.copyOf(failed);
        written = List.copyOf(written);
        unchanged = List.copyOf(unchanged);
        failures = List.copyOf(failures);
        records = List.copyOf(records);
    }
}
