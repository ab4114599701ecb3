package io.github.sodagql.core.session;

/**
 * What a build did, counted. Tests assert on these (never on time): an incremental build is proven by
 * the work it skipped.
 */
public record BuildCounters(
        int filesScanned,
        int filesRead,
        int filesParsed,
        int operationsComposed,
        int operationsValidated,
        int definitionsChecked,
        int filesWritten,
        int filesUnchanged) {}
