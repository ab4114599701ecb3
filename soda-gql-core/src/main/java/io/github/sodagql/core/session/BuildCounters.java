package io.github.sodagql.core.session;

/**
 * What a build did, counted. Tests assert on these (never on time): an incremental build is proven by
 * the work it skipped.
 *
 * @param filesScanned documents stat'ed by a scan (0 when a build tool supplied the change set)
 * @param filesRead documents whose bytes were read
 * @param filesParsed documents handed to the parser (read successfully)
 * @param filesDeleted outputs removed because nothing produces them any more
 */
public record BuildCounters(
        int filesScanned,
        int filesRead,
        int filesParsed,
        int operationsComposed,
        int operationsValidated,
        int definitionsChecked,
        int filesWritten,
        int filesUnchanged,
        int filesDeleted) {}
