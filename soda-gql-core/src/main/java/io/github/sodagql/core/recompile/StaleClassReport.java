package io.github.sodagql.core.recompile;

import java.util.List;

/**
 * What one {@link StaleClassMarker} run did: the sources javac was going to compile anyway, the classes it
 * read, the sources it made stale (by their class file) and the class files of removed generated sources it
 * deleted. {@code warnings} are one-line notes about class files it could not read or touch.
 */
public record StaleClassReport(int staleSources, int classesRead, List<String> marked, List<String> deleted,
        List<String> warnings) {
    public StaleClassReport {
        marked = List.copyOf(marked);
        deleted = List.copyOf(deleted);
        warnings = List.copyOf(warnings);
    }

    public boolean touchedAnything() {
        return !marked.isEmpty() || !deleted.isEmpty();
    }

    /** One line for the build log. */
    public String summaryLine() {
        return "soda-gql: " + staleSources + " changed source" + (staleSources == 1 ? "" : "s") + "; "
                + marked.size() + " dependent class" + (marked.size() == 1 ? "" : "es") + " marked for recompilation, "
                + deleted.size() + " class file" + (deleted.size() == 1 ? "" : "s") + " of removed generated sources deleted ("
                + classesRead + " classes read)";
    }
}
