package io.github.sodagql.core.codegen;

import graphql.language.FragmentDefinition;
import graphql.schema.GraphQLSchema;
import io.github.sodagql.core.compose.ComposedOperation;
import io.github.sodagql.core.compose.Composer;
import io.github.sodagql.core.config.Nullability;
import io.github.sodagql.core.config.ScalarMapping;
import io.github.sodagql.core.graph.DefinitionGraph;
import io.github.sodagql.core.graph.DefinitionId;
import io.github.sodagql.core.parse.DefinitionNodes;
import io.github.sodagql.core.shape.FragmentShape;
import io.github.sodagql.core.shape.OperationShape;
import io.github.sodagql.core.shape.SchemaUsage;
import io.github.sodagql.core.shape.ShapeBuilder;
import io.github.sodagql.core.source.ProjectPath;
import io.github.sodagql.core.stack.LargeStack;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Carries out a {@link GenerationPlan}: shapes the wanted definitions, names every class of the project, and
 * generates. A class name that moved since the last build (a new type took it) may be referred to by any file,
 * so then everything is generated; the shared files follow the names and the schema types in use.
 *
 * @param composed this build's composed operations; others are composed on demand
 * @param knownTypes the types each definition not generated now uses, as recorded
 */
public record IncrementalGenerator(GraphQLSchema schema, DefinitionGraph graph, Composer composer, DefinitionNodes nodes,
        Map<DefinitionId, ComposedOperation> composed, Function<DefinitionId, SortedSet<String>> knownTypes,
        Previous previous, Target target) {

    /**
     * What the last build's generation left.
     *
     * @param classNames the simple name of each class, by what it is for
     * @param typesUsed the schema types the last build's definitions used, all together
     * @param generated whether the last build generated at all (one with errors does not)
     */
    public record Previous(Map<String, String> classNames, SortedSet<String> typesUsed, boolean generated) {
        public Previous {
            classNames = Map.copyOf(classNames);
            typesUsed = Collections.unmodifiableSortedSet(new TreeSet<>(typesUsed));
        }

        public static Previous none() {
            return new Previous(Map.of(), new TreeSet<>(), false);
        }
    }

    /** Where and how to generate: the configuration's part. */
    public record Target(String javaPackage, ProjectPath outputDirectory, Map<String, ScalarMapping> scalars,
            Nullability nullability) {
        public Target {
            scalars = Map.copyOf(scalars);
        }
    }

    public Generation generate(GenerationPlan plan) {
        Map<String, FragmentDefinition> fragmentNodes = new ConcurrentHashMap<>();
        Function<String, FragmentDefinition> fragmentNode = name -> fragmentNodes.computeIfAbsent(name,
                n -> composer.fragment(graph.fragmentIndex().get(n), nodes));
        // Fragment shapes come on demand: a conditional spread needs the fields that show it was included.
        Map<String, FragmentShape> fragmentShapes = new ConcurrentHashMap<>();
        ShapeBuilder shapes = new ShapeBuilder(schema,
                name -> graph.fragmentIndex().containsKey(name) ? Optional.of(fragmentNode.apply(name)) : Optional.empty());
        Function<String, FragmentShape> fragmentShape = name -> fragmentShapes.computeIfAbsent(name,
                n -> shapes.fragment(graph.fragmentIndex().get(n).file(), fragmentNode.apply(n)));

        Map<DefinitionId, SortedSet<String>> typesUsed = new ConcurrentHashMap<>();
        Map<DefinitionId, OperationShape> operationShapes = new ConcurrentHashMap<>();
        Map<DefinitionId, FragmentShape> wantedFragments = new ConcurrentHashMap<>();
        plan.wanted().parallelStream().forEach(id -> {
            // Shaping recurses once per nesting level: a selection near the depth limit may need a larger stack.
            if (id.kind() == DefinitionId.Kind.OPERATION) {
                OperationShape shape = LargeStack.retryingOnOverflow("soda-gql-shape", () -> shapes.operation(
                        composed.containsKey(id) ? composed.get(id) : composer.compose(id, graph, nodes)));
                operationShapes.put(id, shape);
                typesUsed.put(id, LargeStack.retryingOnOverflow("soda-gql-shape", () -> shapes.typesUsed(shape)));
            } else {
                FragmentShape shape = LargeStack.retryingOnOverflow("soda-gql-shape", () -> fragmentShape.apply(id.name()));
                wantedFragments.put(id, shape);
                typesUsed.put(id, LargeStack.retryingOnOverflow("soda-gql-shape", () -> shapes.typesUsed(shape)));
            }
        });
        SortedSet<String> allTypes = new TreeSet<>();
        for (DefinitionId id : graph.definitions().keySet()) {
            if (GenerationPlan.ownsCode(graph, id)) {
                allTypes.addAll(typesUsed.containsKey(id) ? typesUsed.get(id) : knownTypes.apply(id));
            }
        }
        SchemaUsage usage = shapes.usage(allTypes);
        List<OperationRef> operationRefs = graph.operations().entrySet().stream()
                .map(e -> new OperationRef(e.getKey(), e.getValue().kind())).toList();
        GeneratedNames names = JavaGenerator.names(target.javaPackage(), usage, shapes.enumTypeNames(),
                shapes.inputTypeNames(), graph.fragmentIndex().keySet(), operationRefs);
        Map<String, String> before = previous.classNames();
        Map<String, String> now = names.simpleNames();
        boolean renamed = before.entrySet().stream().anyMatch(e -> now.containsKey(e.getKey())
                && !now.get(e.getKey()).equals(e.getValue()));
        if (renamed && !plan.full()) {
            // A name moved (a new type took it): every file may refer to it, so everything is generated.
            return generate(plan.everything(graph));
        }
        // After a build that could not generate, the shared outputs also track the files it left behind.
        boolean includeShared = plan.full() || plan.sharedDamaged() || !previous.generated() || !now.equals(before)
                || !allTypes.equals(previous.typesUsed());
        List<OperationShape> operations = operationShapes.entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
        GeneratedSources sources = JavaGenerator.generate(new GenerationRequest(target.javaPackage(),
                target.outputDirectory(), target.scalars(), names, usage, operations, wantedFragments, fragmentShape,
                includeShared, target.nullability()));
        return new Generation(sources, names, plan.wanted(), typesUsed, includeShared);
    }
}
