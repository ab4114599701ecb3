package io.github.sodagql.core.codegen;

import io.github.sodagql.core.config.Nullability;
import io.github.sodagql.core.config.ScalarMapping;
import io.github.sodagql.core.graph.DefinitionId;
import io.github.sodagql.core.shape.FragmentShape;
import io.github.sodagql.core.shape.OperationShape;
import io.github.sodagql.core.shape.SchemaUsage;
import io.github.sodagql.core.source.ProjectPath;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the Java generator needs: where and in which package, the scalar mappings, every name, and the
 * shapes of the definitions to generate now (all of them in a full build, the affected ones otherwise).
 *
 * @param usage the schema types every definition of the project uses
 * @param fragmentLookup the shape of any fragment by name (a conditional spread needs the fields that
 *     prove the fragment was included)
 * @param includeShared also generate the shared files: support types, enums, inputs and the registry
 * @param nullability how the generated types mark what may be null
 */
public record GenerationRequest(
        String javaPackage,
        ProjectPath outputDirectory,
        Map<String, ScalarMapping> scalars,
        GeneratedNames names,
        SchemaUsage usage,
        List<OperationShape> operations,
        Map<DefinitionId, FragmentShape> fragments,
        Function<String, FragmentShape> fragmentLookup,
        boolean includeShared,
        Nullability nullability) {

    public GenerationRequest {
        Objects.requireNonNull(javaPackage, "javaPackage");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        scalars = Map.copyOf(scalars);
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(usage, "usage");
        operations = List.copyOf(operations);
        fragments = new java.util.TreeMap<>(fragments);
        Objects.requireNonNull(fragmentLookup, "fragmentLookup");
        Objects.requireNonNull(nullability, "nullability");
    }
}
