package io.github.sodagql.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a schema and N documents of realistic shape, deterministically from a seed:
 * <ul>
 *   <li>a schema of {@code E = clamp(N / 100, 8, 120)} entity types implementing the interfaces {@code Node}
 *       and {@code Named}, a union {@code SearchResult}, enums {@code Status} and {@code SortOrder}, input
 *       objects {@code PageInput}, {@code FilterInput} and {@code UpdateInput}, a query and a mutation root;</li>
 *   <li>fragments in entity files ({@code entities/entityT/*.graphql}), one per file, on five levels: a
 *       fragment of level d spreads one of level d - 1 on a related type, so chains are up to 5 deep;</li>
 *   <li>4 hub fragments ({@code shared/hubs}), each spread by about 20% of the operations;</li>
 *   <li>up to 50 leaf fragments ({@code shared/leaves}) on the interface {@code Node}, each spread by about
 *       1% of the operations;</li>
 *   <li>operations in page files ({@code pages/pK/*.graphql}), one per file: queries of one entity (with a
 *       union search in one of eight), list queries with input objects and enum variables, mutations.</li>
 * </ul>
 * About 45% of the documents are fragments. Every document is valid against the schema.
 */
final class SyntheticGenerator {
    static final long DEFAULT_SEED = 20_260_101L;
    private static final int VERSION = 1;
    private static final int HUBS = 4;

    private SyntheticGenerator() {}

    /** Generates into {@code root} unless a complete generation with the same parameters is there. */
    static void ensure(Path root, int n, long seed) throws IOException {
        Path marker = root.resolve(".complete-v" + VERSION + "-" + n + "-" + seed);
        if (Files.exists(marker)) {
            return;
        }
        Fixture.deleteTree(root);
        CREATED.clear();
        long start = System.nanoTime();
        generate(root, n, seed);
        System.out.printf("synthetic-%d: generated %d documents and a schema in %d ms (seed %d) into %s%n", n, n,
                (System.nanoTime() - start) / 1_000_000, seed, root);
        Files.writeString(marker, "generated\n");
    }

    static void generate(Path root, int n, long seed) throws IOException {
        if (n < 3) {
            throw new IllegalArgumentException("synthetic-N needs N >= 3");
        }
        Random random = new Random(seed);
        int types = Math.max(8, Math.min(120, n / 100));
        int unionMembers = Math.min(types, 20);
        Files.createDirectories(root);
        Files.writeString(root.resolve("schema.graphqls"), schema(types, unionMembers));

        int leaves = Math.max(1, Math.min(50, n / 40));
        int hubs = n >= 20 ? HUBS : 1;
        int entityFragments = Math.max(1, Math.min(n - hubs - leaves - 1, (int) Math.round(n * 0.45) - hubs - leaves));
        int operations = n - hubs - leaves - entityFragments;

        for (int h = 0; h < hubs; h++) {
            int t = h % types;
            write(root.resolve("shared/hubs/Hub" + h + ".graphql"), "fragment Hub" + h + " on Node {\n  id\n"
                    + "  ... on Named {\n    name\n  }\n  ... on Entity" + t + " {\n    status\n    score\n  }\n}\n");
        }
        for (int j = 0; j < leaves; j++) {
            int t = (j * 7) % types;
            write(root.resolve("shared/leaves/Leaf" + j + ".graphql"), "fragment Leaf" + j + " on Node {\n"
                    + "  ... on Entity" + t + " {\n    f" + (j % 6) + "\n    tags\n  }\n}\n");
        }
        // Entity fragments by level, then type: every level-d fragment spreads a level-(d-1) one.
        List<List<List<String>>> byLevelAndType = new ArrayList<>();
        for (int level = 0; level < 5; level++) {
            List<List<String>> perType = new ArrayList<>();
            for (int t = 0; t < types; t++) {
                perType.add(new ArrayList<>());
            }
            byLevelAndType.add(perType);
        }
        List<List<String>> byType = new ArrayList<>();
        for (int t = 0; t < types; t++) {
            byType.add(new ArrayList<>());
        }
        for (int j = 0; j < entityFragments; j++) {
            int level = (int) ((long) j * 5 / entityFragments);
            int t = j % types;
            String name = "E" + t + "L" + level + "F" + j;
            StringBuilder body = new StringBuilder("fragment ").append(name).append(" on Entity").append(t).append(" {\n  id\n");
            if (level == 0) {
                body.append("  name\n  f").append(j % 6).append("\n  count\n");
            } else {
                boolean first = level % 2 == 1;
                int target = (t + (first ? 1 : 2)) % types;
                List<String> candidates = byLevelAndType.get(level - 1).get(target);
                body.append("  status\n  ").append(first ? "rel0" : "rel1").append(" {\n");
                if (candidates.isEmpty()) {
                    body.append("    id\n");
                } else {
                    body.append("    ...").append(candidates.get(random.nextInt(candidates.size()))).append('\n');
                }
                body.append("  }\n");
            }
            body.append("}\n");
            write(root.resolve("entities/entity" + t + "/" + name + ".graphql"), body.toString());
            byLevelAndType.get(level).get(t).add(name);
            byType.get(t).add(name);
        }
        for (int i = 0; i < operations; i++) {
            int t = random.nextInt(types);
            String chain = byType.get(t).isEmpty() ? null : byType.get(t).get(random.nextInt(byType.get(t).size()));
            StringBuilder spreads = new StringBuilder();
            if (chain != null) {
                spreads.append("    ...").append(chain).append('\n');
            }
            for (int h = 0; h < hubs; h++) {
                if (random.nextDouble() < 0.20) {
                    spreads.append("    ...Hub").append(h).append('\n');
                }
            }
            if (random.nextDouble() < 0.5) {
                spreads.append("    ...Leaf").append(random.nextInt(leaves)).append('\n');
            }
            double kind = random.nextDouble();
            String text;
            if (kind < 0.10) {
                text = "mutation Update" + i + "($input: UpdateInput!) {\n  update" + t + "(input: $input) {\n    id\n"
                        + spreads + "  }\n}\n";
            } else if (kind < 0.25) {
                text = "query Page" + i + "($filter: FilterInput, $order: SortOrder = DESC) {\n  list" + t
                        + "(page: {first: 20, order: $order}, filter: $filter) {\n    id\n" + spreads + "  }\n}\n";
            } else if (kind < 0.35) {
                int u = random.nextInt(unionMembers);
                int u2 = (u + 1) % unionMembers;
                String onU = byType.get(u).isEmpty() ? "id" : "..." + byType.get(u).get(random.nextInt(byType.get(u).size()));
                text = "query Page" + i + "($id: ID!, $text: String!) {\n  entity" + t + "(id: $id) {\n    id\n" + spreads
                        + "  }\n  search(text: $text, first: 5) {\n    ... on Entity" + u + " {\n      " + onU
                        + "\n    }\n    ... on Entity" + u2 + " {\n      id\n      name\n    }\n  }\n}\n";
            } else {
                text = "query Page" + i + "($id: ID!) {\n  entity" + t + "(id: $id) {\n    id\n" + spreads + "  }\n}\n";
            }
            write(root.resolve("pages/p" + (i / 100) + "/Op" + i + ".graphql"), text);
        }
    }

    private static String schema(int types, int unionMembers) {
        StringBuilder s = new StringBuilder();
        s.append("enum Status {\n  ACTIVE\n  INACTIVE\n  PENDING\n  ARCHIVED\n}\n\n");
        s.append("enum SortOrder {\n  ASC\n  DESC\n}\n\n");
        s.append("input PageInput {\n  first: Int\n  after: String\n  order: SortOrder\n}\n\n");
        s.append("input FilterInput {\n  status: Status\n  text: String\n  tags: [String!]\n}\n\n");
        s.append("input UpdateInput {\n  id: ID!\n  name: String\n  status: Status\n  tags: [String!]\n}\n\n");
        s.append("interface Node {\n  id: ID!\n}\n\n");
        s.append("interface Named {\n  name: String!\n}\n\n");
        for (int t = 0; t < types; t++) {
            s.append("type Entity").append(t).append(" implements Node & Named {\n  id: ID!\n  name: String!\n  status: Status!\n")
                    .append("  score: Float\n  count: Int\n  active: Boolean\n  tags: [String!]!\n");
            for (int f = 0; f < 6; f++) {
                s.append("  f").append(f).append(": String\n");
            }
            s.append("  rel0: Entity").append((t + 1) % types).append('\n');
            s.append("  rel1: Entity").append((t + 2) % types).append('\n');
            s.append("  items(page: PageInput): [Entity").append((t + 3) % types).append("!]!\n}\n\n");
        }
        s.append("union SearchResult =");
        for (int u = 0; u < unionMembers; u++) {
            s.append(u == 0 ? " " : " | ").append("Entity").append(u);
        }
        s.append("\n\ntype Query {\n  node(id: ID!): Node\n  search(text: String!, first: Int): [SearchResult!]!\n");
        for (int t = 0; t < types; t++) {
            s.append("  entity").append(t).append("(id: ID!): Entity").append(t).append('\n');
            s.append("  list").append(t).append("(page: PageInput, filter: FilterInput): [Entity").append(t).append("!]!\n");
        }
        s.append("}\n\ntype Mutation {\n");
        for (int t = 0; t < types; t++) {
            s.append("  update").append(t).append("(input: UpdateInput!): Entity").append(t).append('\n');
        }
        s.append("}\n");
        return s.toString();
    }

    private static final java.util.Set<Path> CREATED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static void write(Path file, String text) throws IOException {
        if (CREATED.add(file.getParent())) {
            Files.createDirectories(file.getParent());
        }
        Files.write(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
