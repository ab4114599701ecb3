package io.github.sodagql.core.codegen;

import graphql.language.Definition;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Node;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLSchema;
import io.github.sodagql.core.compose.ComposedOperation;
import io.github.sodagql.core.compose.Composer;
import io.github.sodagql.core.config.ScalarMapping;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.graph.DefinitionGraph;
import io.github.sodagql.core.graph.DefinitionId;
import io.github.sodagql.core.parse.DefinitionNodes;
import io.github.sodagql.core.parse.DocumentParser;
import io.github.sodagql.core.shape.FieldShape;
import io.github.sodagql.core.shape.OperationShape;
import io.github.sodagql.core.shape.SelectionShape;
import io.github.sodagql.core.shape.SelectionShape.ObjectSelection;
import io.github.sodagql.core.shape.SelectionShape.PolymorphicSelection;
import io.github.sodagql.core.shape.ShapeBuilder;
import io.github.sodagql.core.shape.TypeRef;
import io.github.sodagql.core.shape.VariableShape;
import io.github.sodagql.core.source.ProjectPath;
import io.github.sodagql.core.source.SourceLocation;
import io.github.sodagql.core.stack.LargeStack;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the selections whose generated record would be too wide for the JVM, before anything is generated:
 * a record's canonical constructor takes one parameter per component, and a method takes at most 255 parameter
 * slots, {@code this} included, where a {@code long} or {@code double} takes two (JVMS 4.3.3). javac would
 * otherwise fail on our output with "too many parameters". Each such selection is a {@code CODEGEN_LIMIT} error
 * at the field that holds it (or the definition, for its top-level selection), so the definition is never
 * generated. The slot count follows {@link TypeMapping}: a non-null {@code Float}, and a custom scalar mapped to
 * {@code java.lang.Long} or {@code java.lang.Double}, become primitives that take two; {@code RecordLimitsTest}
 * compiles records right at the limit to keep the two in step.
 */
public final class RecordLimits {
    /** Parameter slots a record's components may take: 255, less one for {@code this}. */
    public static final int MAX_SLOTS = 254;
    private static final Set<String> TWO_SLOT_TYPES = Set.of("java.lang.Long", "java.lang.Double", "long", "double");

    private final Map<String, ScalarMapping> scalars;

    /** @param scalars the configured custom scalar mappings, by GraphQL name */
    public RecordLimits(Map<String, ScalarMapping> scalars) {
        this.scalars = Map.copyOf(scalars);
    }

    /**
     * The {@code CODEGEN_LIMIT} errors of a definition that passed validation: records too wide for the JVM. Only a
     * definition with enough fields and spreads to come near the limit is shaped for it.
     *
     * @param operation the definition composed, when it is an operation that could be
     */
    public List<Diagnostic> check(GraphQLSchema schema, DefinitionGraph graph,
            Composer composer, DefinitionNodes nodes, DefinitionId id,
            Optional<ComposedOperation> operation) {
        List<Definition<?>> definitions = new ArrayList<>();
        if (operation.isPresent()) {
            operation.get().document().getDefinitions().forEach(definitions::add);
        } else if (id.kind() == DefinitionId.Kind.FRAGMENT && id.equals(graph.fragmentIndex().get(id.name()))) {
            definitions.add(nodes.fragment(id.file(), id.name()));
            graph.reachableFragments(id).forEach(f -> definitions.add(nodes.fragment(f.file(), f.name())));
        }
        if (!mayExceed(definitions)) {
            return List.of();
        }
        ShapeBuilder shapes = new ShapeBuilder(schema,
                name -> Optional.ofNullable(graph.fragmentIndex().get(name)).map(fragment -> composer.fragment(fragment, nodes)));
        return LargeStack.retryingOnOverflow("soda-gql-shape", () -> operation.isPresent()
                ? check(shapes.operation(operation.get()), graph.fragmentIndex(), nodes)
                : check(id, shapes.fragment(id.file(), composer.fragment(id, nodes)).selection(), graph.fragmentIndex(), nodes));
    }

    /**
     * Whether these definitions (an operation or fragment and every fragment it reaches) might make a record past
     * the limit; when not (nearly always), they need not be shaped to be checked. A record's components come from
     * one selection set, with its inline fragments and, for a type the spread narrows to, a spread fragment's
     * fields flattened in; each takes at most two slots. So a selection set whose width (fields and spreads, those
     * flattened included) is at most half the limit is safe, and so are at most that many variables.
     */
    public static boolean mayExceed(Collection<? extends Definition<?>> definitions) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        Deque<SelectionSet> pending = new ArrayDeque<>();
        for (Definition<?> definition : definitions) {
            if (definition instanceof OperationDefinition operation && operation.getSelectionSet() != null) {
                if (2 * operation.getVariableDefinitions().size() > MAX_SLOTS) {
                    return true;
                }
                pending.push(operation.getSelectionSet());
            } else if (definition instanceof FragmentDefinition fragment && fragment.getSelectionSet() != null) {
                fragments.putIfAbsent(fragment.getName(), fragment);
                pending.push(fragment.getSelectionSet());
            }
        }
        Map<String, Integer> fragmentWidths = new HashMap<>();
        while (!pending.isEmpty()) {
            SelectionSet set = pending.pop();
            if (2L * width(set, fragments, fragmentWidths, new HashSet<>()) > MAX_SLOTS) {
                return true;
            }
            for (Selection<?> selection : set.getSelections()) {
                if (selection instanceof Field field && field.getSelectionSet() != null) {
                    pending.push(field.getSelectionSet());
                } else if (selection instanceof InlineFragment inline && inline.getSelectionSet() != null) {
                    pending.push(inline.getSelectionSet());
                }
            }
        }
        return false;
    }

    /** Fields and spreads of {@code set}, counting those of its inline fragments and of the fragments it spreads. */
    private static int width(SelectionSet set, Map<String, FragmentDefinition> fragments, Map<String, Integer> known,
            Set<String> visiting) {
        int width = 0;
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field) {
                width++;
            } else if (selection instanceof InlineFragment inline && inline.getSelectionSet() != null) {
                width += width(inline.getSelectionSet(), fragments, known, visiting);
            } else if (selection instanceof FragmentSpread spread) {
                width++;
                String name = spread.getName();
                FragmentDefinition fragment = fragments.get(name);
                if (known.containsKey(name)) {
                    width += known.get(name);
                } else if (fragment != null && fragment.getSelectionSet() != null && visiting.add(name)) {
                    int spreadWidth = width(fragment.getSelectionSet(), fragments, known, visiting);
                    visiting.remove(name);
                    known.put(name, spreadWidth);
                    width += spreadWidth;
                }
            }
        }
        return width;
    }

    /**
     * The errors for an operation's variables and selections, located in its document and the fragments it
     * spreads. Its {@code Variables} record has a component per variable: the value itself when required (so a
     * {@code Float!} is a {@code double}), an {@code Input<T>} otherwise.
     */
    public List<Diagnostic> check(OperationShape operation, Map<String, DefinitionId> fragments, DefinitionNodes nodes) {
        DefinitionId id = operation.operation().id();
        OperationDefinition node = nodes.operation(id.file(), id.name());
        List<Diagnostic> found = new ArrayList<>();
        int variableSlots = 0;
        for (VariableShape variable : operation.variables()) {
            variableSlots += variable.required() && twoSlots(variable.type()) ? 2 : 1;
        }
        if (variableSlots > MAX_SLOTS) {
            found.add(Diagnostic.at(DiagnosticCode.CODEGEN_LIMIT, DocumentParser.locationOf(id.file(), node),
                    "The variables of operation '" + id.name() + "' make a record with " + variableSlots
                            + " constructor parameter slots (" + operation.variables().size() + " variables); Java allows "
                            + MAX_SLOTS + ", where a Float! or another double or long takes two.",
                    "Pass related values in one variable of an input object type, or split the operation."));
        }
        found.addAll(check("operation '" + id.name() + "'", id.file(), node, node.getSelectionSet(), operation.data(),
                fragments, nodes));
        return found;
    }

    /** The errors for a fragment's selections. */
    public List<Diagnostic> check(DefinitionId fragment, SelectionShape selection, Map<String, DefinitionId> fragments,
            DefinitionNodes nodes) {
        FragmentDefinition node = nodes.fragment(fragment.file(), fragment.name());
        return check("fragment '" + fragment.name() + "'", fragment.file(), node, node.getSelectionSet(), selection,
                fragments, nodes);
    }

    private List<Diagnostic> check(String definition, ProjectPath file, Node<?> node, SelectionSet top,
            SelectionShape shape, Map<String, DefinitionId> fragments, DefinitionNodes nodes) {
        List<Diagnostic> found = new ArrayList<>();
        Deque<Pending> pending = new ArrayDeque<>();
        pending.push(new Pending(shape, List.of()));
        while (!pending.isEmpty()) {
            Pending next = pending.pop();
            List<ObjectSelection> records = next.shape() instanceof PolymorphicSelection polymorphic
                    ? recordsOf(polymorphic) : List.of((ObjectSelection) next.shape());
            boolean reported = false;
            for (ObjectSelection record : records) {
                int slots = slots(record);
                if (slots > MAX_SLOTS && !reported) {
                    reported = true;
                    found.add(tooWide(definition, file, node, top, next.path(), slots,
                            record.fields().size() + record.fragments().size(), fragments, nodes));
                }
                for (FieldShape field : record.fields()) {
                    List<String> path = new ArrayList<>(next.path());
                    path.add(field.responseName());
                    field.selection().ifPresent(nested -> pending.push(new Pending(nested, path)));
                }
            }
        }
        found.sort(null);
        return found;
    }

    private record Pending(SelectionShape shape, List<String> path) {}

    private static List<ObjectSelection> recordsOf(PolymorphicSelection polymorphic) {
        List<ObjectSelection> records = new ArrayList<>();
        polymorphic.branches().forEach(branch -> records.add(branch.selection()));
        records.add(polymorphic.fallback());
        return records;
    }

    /** The constructor parameter slots of the record {@code SelectionTypes} generates for this selection. */
    private int slots(ObjectSelection record) {
        int slots = record.fragments().size();
        for (FieldShape field : record.fields()) {
            slots += twoSlots(field) ? 2 : 1;
        }
        return slots;
    }

    private boolean twoSlots(FieldShape field) {
        return !field.conditional() && twoSlots(field.type());
    }

    /** Whether a value of {@code type} is a {@code double} or {@code long} where primitives are allowed. */
    private boolean twoSlots(TypeRef type) {
        if (!(type instanceof TypeRef.NonNull nonNull) || !(nonNull.inner() instanceof TypeRef.Named named)) {
            return false;
        }
        if (named.name().equals("Float")) {
            return true;
        }
        ScalarMapping mapping = scalars.get(named.name());
        return mapping != null && TWO_SLOT_TYPES.contains(mapping.javaType());
    }

    private static Diagnostic tooWide(String definition, ProjectPath file, Node<?> node, SelectionSet top,
            List<String> path, int slots, int components, Map<String, DefinitionId> fragments, DefinitionNodes nodes) {
        String what = path.isEmpty() ? definition : "'" + String.join(".", path) + "'";
        SourceLocation at = path.isEmpty() ? DocumentParser.locationOf(file, node)
                : locate(file, top, path, fragments, nodes).orElse(DocumentParser.locationOf(file, node));
        return Diagnostic.at(DiagnosticCode.CODEGEN_LIMIT, at, "The selection of " + what + " makes a record with "
                        + slots + " constructor parameter slots (" + components + " fields and spreads); Java allows "
                        + MAX_SLOTS + ", where a Float! or another double or long takes two.",
                "Move some of its fields into a fragment and spread that: a spread is one component, whatever it selects.");
    }

    /** The field at the end of {@code path}: followed through inline fragments and spreads, as the shape merged them. */
    private static Optional<SourceLocation> locate(ProjectPath file, SelectionSet top, List<String> path,
            Map<String, DefinitionId> fragments, DefinitionNodes nodes) {
        ProjectPath currentFile = file;
        SelectionSet current = top;
        SourceLocation location = null;
        for (String key : path) {
            Optional<Located> field = current == null ? Optional.empty() : find(currentFile, current, key, fragments, nodes);
            if (field.isEmpty()) {
                return Optional.ofNullable(location);
            }
            currentFile = field.get().file();
            current = field.get().field().getSelectionSet();
            location = DocumentParser.locationOf(currentFile, field.get().field());
        }
        return Optional.ofNullable(location);
    }

    private record Located(ProjectPath file, Field field) {}

    private static Optional<Located> find(ProjectPath file, SelectionSet set, String key,
            Map<String, DefinitionId> fragments, DefinitionNodes nodes) {
        Deque<Map.Entry<ProjectPath, SelectionSet>> pending = new ArrayDeque<>();
        pending.add(Map.entry(file, set));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            Map.Entry<ProjectPath, SelectionSet> next = pending.poll();
            for (Selection<?> selection : next.getValue().getSelections()) {
                if (selection instanceof Field field && field.getResultKey().equals(key)) {
                    return Optional.of(new Located(next.getKey(), field));
                } else if (selection instanceof InlineFragment inline && inline.getSelectionSet() != null) {
                    pending.add(Map.entry(next.getKey(), inline.getSelectionSet()));
                } else if (selection instanceof FragmentSpread spread && seen.add(spread.getName())
                        && fragments.containsKey(spread.getName())) {
                    DefinitionId id = fragments.get(spread.getName());
                    pending.add(Map.entry(id.file(), nodes.fragment(id.file(), id.name()).getSelectionSet()));
                }
            }
        }
        return Optional.empty();
    }
}
