package io.github.sodagql.benchmarks;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.Node;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Who uses what, read from the documents with graphql-java: the harness picks what a scenario edits (a
 * fragment used by about 1% or 20% of the operations, an operation, a file of operations) and says what it
 * touched, so that the build's counters can be checked against it.
 */
final class DocIndex {
    static final ParserOptions OPTIONS = ParserOptions.getDefaultSdlParserOptions()
            .transform(o -> o.captureLineComments(false).captureIgnoredChars(false));

    /** One named definition. */
    record Def(String name, boolean fragment, Path file, Set<String> spreads, String kind) {}

    final Map<String, Def> fragments = new TreeMap<>();
    final Map<String, Def> operations = new TreeMap<>();
    final Map<Path, List<Def>> byFile = new TreeMap<>();
    /** Fragment name to the operations that reach it, directly or through other fragments. */
    final Map<String, Set<String>> usersOf = new HashMap<>();

    static DocIndex of(List<Path> documents) throws IOException {
        DocIndex index = new DocIndex();
        for (Path file : documents) {
            Document document = Parser.parse(ParserEnvironment.newParserEnvironment()
                    .document(Files.readString(file)).parserOptions(OPTIONS).build());
            for (Definition<?> definition : document.getDefinitions()) {
                Def def;
                if (definition instanceof FragmentDefinition f) {
                    def = new Def(f.getName(), true, file, spreads(f), "fragment");
                    index.fragments.putIfAbsent(def.name(), def);
                } else if (definition instanceof OperationDefinition o && o.getName() != null) {
                    def = new Def(o.getName(), false, file, spreads(o), o.getOperation().name().toLowerCase(java.util.Locale.ROOT));
                    index.operations.putIfAbsent(def.name(), def);
                } else {
                    continue;
                }
                index.byFile.computeIfAbsent(file, f -> new ArrayList<>()).add(def);
            }
        }
        for (Def operation : index.operations.values()) {
            Set<String> seen = new HashSet<>();
            Deque<String> todo = new ArrayDeque<>(operation.spreads());
            while (!todo.isEmpty()) {
                String name = todo.pop();
                if (seen.add(name)) {
                    index.usersOf.computeIfAbsent(name, n -> new HashSet<>()).add(operation.name());
                    Def fragment = index.fragments.get(name);
                    if (fragment != null) {
                        todo.addAll(fragment.spreads());
                    }
                }
            }
        }
        return index;
    }

    private static Set<String> spreads(Node<?> root) {
        Set<String> names = new HashSet<>();
        Deque<Node<?>> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Node<?> node = todo.pop();
            if (node instanceof FragmentSpread spread) {
                names.add(spread.getName());
            }
            for (Node<?> child : node.getChildren()) {
                todo.push(child);
            }
        }
        return names;
    }

    int users(String fragment) {
        return usersOf.getOrDefault(fragment, Set.of()).size();
    }

    /** The fragment whose share of operations is closest to {@code share}, used by at least one operation. */
    Def fragmentNearShare(double share) {
        Def best = null;
        double bestDistance = Double.MAX_VALUE;
        int total = Math.max(1, operations.size());
        for (Def fragment : fragments.values()) {
            int users = users(fragment.name());
            if (users == 0) {
                continue;
            }
            double distance = Math.abs((double) users / total - share);
            // Ties: the fragment whose file holds the fewest definitions, so the edit touches little else.
            if (distance < bestDistance - 1e-12 || (Math.abs(distance - bestDistance) < 1e-12
                    && byFile.get(fragment.file()).size() < byFile.get(best.file()).size())) {
                best = fragment;
                bestDistance = distance;
            }
        }
        if (best == null) {
            throw new IllegalStateException("the fixture has no fragment used by an operation");
        }
        return best;
    }

    /** A file holding only operations (removing it breaks nothing): the middle one by path. */
    Path operationOnlyFile() {
        List<Path> candidates = byFile.entrySet().stream().filter(e -> e.getValue().stream().noneMatch(Def::fragment))
                .map(Map.Entry::getKey).toList();
        if (candidates.isEmpty()) {
            throw new IllegalStateException("the fixture has no file of operations only");
        }
        return candidates.get(candidates.size() / 2);
    }

    /** A query or mutation in the middle by name (a subscription must keep exactly one root field). */
    Def middleOperation() {
        List<Def> all = operations.values().stream().filter(d -> !d.kind().equals("subscription")).toList();
        return all.get(all.size() / 2);
    }

    /** What editing one file touches: its definitions, and the operations that reach any of them. */
    Map<String, Object> touched(Path projectDir, Path file) {
        Set<String> ops = new HashSet<>();
        List<String> defs = new ArrayList<>();
        for (Def def : byFile.getOrDefault(file, List.of())) {
            defs.add(def.name());
            if (def.fragment()) {
                ops.addAll(usersOf.getOrDefault(def.name(), Set.of()));
            } else {
                ops.add(def.name());
            }
        }
        Map<String, Object> touched = new LinkedHashMap<>();
        touched.put("file", projectDir.relativize(file).toString().replace('\\', '/'));
        touched.put("definitionsInFile", defs.size());
        touched.put("operationsAffected", ops.size());
        touched.put("operationsTotal", operations.size());
        touched.put("fragmentsTotal", fragments.size());
        return touched;
    }
}
