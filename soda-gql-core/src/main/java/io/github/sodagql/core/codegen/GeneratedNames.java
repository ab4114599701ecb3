package io.github.sodagql.core.codegen;

import com.palantir.javapoet.ClassName;
import io.github.sodagql.core.graph.DefinitionId;
import io.github.sodagql.core.diagnostic.Diagnostic;
import java.util.List;
import java.util.Map;

/**
 * The generated class of every enum and input object, fragment and operation.
 *
 * @param warnings a {@code CLASS_NAME_TAKEN} for each definition kept off the name it wanted by another
 */
public record GeneratedNames(Map<String, ClassName> schemaTypes, Map<String, ClassName> fragments,
        Map<DefinitionId, ClassName> operations, List<Diagnostic> warnings) {
    public GeneratedNames {
        warnings = List.copyOf(warnings);
        schemaTypes = Map.copyOf(schemaTypes);
        fragments = Map.copyOf(fragments);
        operations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(operations));
    }

    /** The simple class names by owner, to compare two builds' naming. */
    public Map<String, String> simpleNames() {
        Map<String, String> names = new java.util.TreeMap<>();
        schemaTypes.forEach((type, name) -> names.put("type:" + type, name.simpleName()));
        fragments.forEach((fragment, name) -> names.put("fragment:" + fragment, name.simpleName()));
        operations.forEach((id, name) -> names.put("operation:" + id, name.simpleName()));
        return names;
    }
}
