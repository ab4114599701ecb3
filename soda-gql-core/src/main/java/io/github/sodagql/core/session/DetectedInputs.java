package io.github.sodagql.core.session;

import io.github.sodagql.core.discovery.DocumentChanges;
import io.github.sodagql.core.discovery.InputFingerprints;
import io.github.sodagql.core.parse.ParsedFile;
import io.github.sodagql.core.source.ProjectPath;
import java.util.SortedMap;

/** What the inputs are now: the documents (parsed ones from the snapshot), what changed, the schema's files. */
record DetectedInputs(SortedMap<ProjectPath, ParsedFile> files, DocumentChanges documents, InputFingerprints schema,
        boolean schemaChanged, BuildCounters counters) {
    boolean unchanged() {
        return documents.isEmpty() && !schemaChanged;
    }
}
