package io.github.sodagql.core.codegen;

import io.github.sodagql.core.config.ScalarMapping;
import io.github.sodagql.core.shape.FragmentShape;
import io.github.sodagql.core.shape.OperationShape;
import io.github.sodagql.core.shape.SchemaUsage;
import io.github.sodagql.core.source.ProjectPath;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What the Java generator needs: where and in which package, the scalar mappings, and the shapes. */
public record GenerationRequest(
        String javaPackage,
        ProjectPath outputDirectory,
        Map<String, ScalarMapping> scalars,
        List<OperationShape> operations,
        List<FragmentShape> fragments,
        SchemaUsage usage) {

    public GenerationRequest {
        Objects.requireNonNull(javaPackage, "javaPackage");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        scalars = Map.copyOf(scalars);
        operations = List.copyOf(operations);
        fragments = List.copyOf(fragments);
        Objects.requireNonNull(usage, "usage");
    }
}
