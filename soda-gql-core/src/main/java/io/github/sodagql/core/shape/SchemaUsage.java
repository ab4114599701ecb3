package io.github.sodagql.core.shape;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.Collections;

/**
 * The schema types the operations and fragments actually use, sorted by name: only these are generated,
 * so output follows the documents, not the schema's size.
 */
public record SchemaUsage(List<EnumShape> enums, List<InputShape> inputs, SortedSet<String> customScalars) {
    public SchemaUsage {
        enums = List.copyOf(enums);
        inputs = List.copyOf(inputs);
        customScalars = Collections.unmodifiableSortedSet(new TreeSet<>(customScalars));
    }
}
