package io.github.sodagql.core.session;

/**
 * What a build did, counted. Tests assert on these (never on time): an incremental build is proven by
 * the work it skipped. Each group is filled by the step that did the work ({@code with*}), so no step
 * counts another's.
 *
 * @param filesScanned documents stat'ed by a scan (0 when a build tool supplied the change set)
 * @param statHits documents whose size and mtime had not moved: not read at all
 * @param hashesComputed documents (and schema files) read and hashed because their stat moved or they are new
 * @param filesParsed documents parsed because they are new or their content changed
 * @param filesReparsed unchanged documents parsed again from the snapshot's text, because a definition in
 *     them had to be recomposed or regenerated
 * @param schemaParsed 1 when the schema was parsed from its files, 0 when the build needed none or reused a parse
 *     (the session's, or the one saved beside the snapshot, when the schema files did not change)
 * @param filesGenerated source files generated (rendered) by this build
 * @param filesWritten outputs whose bytes changed and were written
 * @param filesUnchanged outputs left as they were: rendered again with the same bytes, or, in a build with
 *     nothing to do, not rendered at all
 * @param filesDeleted outputs removed because nothing produces them any more
 * @param outputs every output the build leaves (generated sources and the artifact), written or not
 */
public record BuildCounters(
        int filesScanned,
        int statHits,
        int hashesComputed,
        int filesParsed,
        int filesReparsed,
        int schemaParsed,
        int operationsComposed,
        int operationsValidated,
        int definitionsChecked,
        int filesGenerated,
        int filesWritten,
        int filesUnchanged,
        int filesDeleted,
        int outputs) {

    public static BuildCounters none() {
        return new BuildCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** Discovery's counts: documents stat'ed, unchanged by stat, and files read and hashed. */
    public BuildCounters withDiscovery(int scanned, int hits, int hashes) {
        return new BuildCounters(scanned, hits, hashes, filesParsed, filesReparsed, schemaParsed, operationsComposed,
                operationsValidated, definitionsChecked, filesGenerated, filesWritten, filesUnchanged, filesDeleted, outputs);
    }

    /** Parsing's counts: documents parsed, parsed again from the snapshot, and whether the schema was parsed. */
    public BuildCounters withParsing(int parsed, int reparsed, boolean schema) {
        return new BuildCounters(filesScanned, statHits, hashesComputed, parsed, reparsed, schema ? 1 : 0,
                operationsComposed, operationsValidated, definitionsChecked, filesGenerated, filesWritten, filesUnchanged,
                filesDeleted, outputs);
    }

    /** Checking's counts: operations composed and validated, definitions checked. */
    public BuildCounters withChecks(int composed, int validated, int checked) {
        return new BuildCounters(filesScanned, statHits, hashesComputed, filesParsed, filesReparsed, schemaParsed,
                composed, validated, checked, filesGenerated, filesWritten, filesUnchanged, filesDeleted, outputs);
    }

    /** Generation's and output's counts: files rendered, written, unchanged, deleted, and every output left. */
    public BuildCounters withOutputs(int generated, int written, int unchanged, int deleted, int all) {
        return new BuildCounters(filesScanned, statHits, hashesComputed, filesParsed, filesReparsed, schemaParsed,
                operationsComposed, operationsValidated, definitionsChecked, generated, written, unchanged, deleted, all);
    }
}
