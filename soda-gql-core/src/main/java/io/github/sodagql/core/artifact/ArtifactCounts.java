package io.github.sodagql.core.artifact;

/** The artifact's report: counts only, so that the artifact stays byte-identical across identical builds. */
public record ArtifactCounts(int documents, int operations, int fragments, int errors, int warnings) {}
