package io.github.sodagql.core.parse;

import io.github.sodagql.core.source.SourceLocation;
import java.util.List;

/** A named executable definition in a document: an operation or a fragment. */
public sealed interface ParsedDefinition permits ParsedOperation, ParsedFragment {

    String name();

    /** Where its keyword stands. */
    SourceLocation location();

    /** The fragments it spreads directly, in document order, duplicates kept (each has its own location). */
    List<SpreadReference> spreads();

    /** Its own deepest nesting of selection sets (1 for a flat selection), its spreads not followed. */
    int depth();

    /** The fragment names it spreads directly, sorted and distinct. */
    default List<String> spreadNames() {
        return spreads().stream().map(SpreadReference::fragmentName).distinct().sorted().toList();
    }
}
