package io.github.sodagql.core.session;


import io.github.sodagql.core.config.ScalarMapping;
import io.github.sodagql.core.config.SodaGqlConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incremental path against the clean one: a seeded sequence of random edits to a copy of a fixture,
 * and after every edit an incremental build (alternately in the same session and in a new one, which reads
 * the snapshot from disk, as a new {@code mvn} process would) must give exactly what a clean build of the
 * same inputs gives: the same artifact bytes, the same diagnostics and, when there are no errors, the same
 * generated tree. {@code -Dsoda-gql.fuzz.steps=N} and {@code -Dsoda-gql.fuzz.seed=S} change the run.
 */
class IncrementalDifferentialTest {

    @TempDir
    Path temporary;

    private final ProjectEdits edits = new ProjectEdits();

    @Test
    void everyIncrementalBuildEqualsACleanBuildOfTheSameInputs() throws IOException {
        int steps = Integer.getInteger("soda-gql.fuzz.steps", 2000);
        long seed = Long.getLong("soda-gql.fuzz.seed", 20261125L);
        Path project = temporary.resolve("project");
        copy(fixture(System.getProperty("soda-gql.fuzz.fixture", "medium-app")), project.resolve("src/main/graphql"));
        Random random = new Random(seed);
        BuilderSession session = new BuilderSession(config(project, "com.example.fuzz"));
        session.buildInitial();
        String packageName = "com.example.fuzz";
        List<String> log = new ArrayList<>();

        for (int step = 1; step <= steps; step++) {
            String edit = edit(project, random, step);
            if (edit.startsWith("config")) {
                packageName = packageName.endsWith("fuzz") ? "com.example.other" : "com.example.fuzz";
                session = new BuilderSession(config(project, packageName));
            } else if (random.nextInt(3) == 0) {
                session = new BuilderSession(config(project, packageName));
            }
            log.add(step + ": " + edit);
            BuildResult incremental = session.buildInitial();

            String context = "seed " + seed + ", step " + step + " (" + edit + "); last edits: "
                    + log.subList(Math.max(0, log.size() - 6), log.size());
            String currentPackage = packageName;
            CleanBuildComparison.assertSameAsCleanBuild(project, incremental, temporary.resolve("clean"),
                    clean -> config(clean, currentPackage), context);
        }
    }

    private static SodaGqlConfig config(Path project, String packageName) {
        return SodaGqlConfig.builder(project).javaPackage(packageName)
                .scalar(ScalarMapping.of("DateTime", "java.time.OffsetDateTime")).build();
    }

    /** Applies one random edit and says what it was. */
    private String edit(Path project, Random random, int step) throws IOException {
        Path documents = project.resolve("src/main/graphql");
        List<Path> files = ProjectEdits.documents(documents);
        Path file = files.isEmpty() ? null : files.get(random.nextInt(files.size()));
        int kind = random.nextInt(100);
        if (file == null || kind < 8) {
            Path added = documents.resolve("added/doc" + step + ".graphql");
            String text = random.nextBoolean() && !files.isEmpty()
                    ? Files.readString(files.get(random.nextInt(files.size()))) // duplicates every name in it
                    : "query Added" + step + " {\n  __typename\n}\n";
            edits.write(added, text);
            return "add " + documents.relativize(added);
        }
        String text = Files.readString(file);
        List<int[]> definitions = ProjectEdits.definitionRanges(text);
        String name = documents.relativize(file).toString();
        if (kind < 16) {
            Files.delete(file);
            return "remove " + name;
        }
        if (kind < 24) {
            Path renamed = documents.resolve("moved/r" + step + "-" + file.getFileName());
            Files.createDirectories(renamed.getParent());
            Files.move(file, renamed);
            return "rename " + name + " to " + documents.relativize(renamed);
        }
        if (kind < 32 && definitions.size() > 1) {
            int[] range = definitions.get(random.nextInt(definitions.size()));
            edits.write(file, text.substring(0, range[0]) + text.substring(range[1]));
            edits.write(documents.resolve("split/s" + step + ".graphql"), text.substring(range[0], range[1]));
            return "move a definition out of " + name;
        }
        if (kind < 48 && !definitions.isEmpty()) {
            int[] range = definitions.get(random.nextInt(definitions.size()));
            int brace = text.indexOf('{', range[0]);
            String insert = random.nextInt(4) == 0 ? " nonExistingField" + step : " __typename";
            edits.write(file, text.substring(0, brace + 1) + insert + text.substring(brace + 1));
            return "add" + insert + " to " + name;
        }
        if (kind < 62) {
            String fixed = text.replaceAll(" nonExistingField\\d+", "").replaceFirst(" __typename", "");
            edits.write(file, fixed);
            return "remove an added field from " + name;
        }
        if (kind < 68) {
            edits.write(file, text.replaceFirst("\\{", "{ {"));
            return "break the syntax of " + name;
        }
        if (kind < 74) {
            edits.write(file, text.replace("{ {", "{"));
            return "fix the syntax of " + name;
        }
        if (kind < 80) {
            Matcher spread = Pattern.compile("\\.\\.\\.(\\w+)").matcher(text);
            if (spread.find()) {
                edits.write(file, text.substring(0, spread.start(1)) + spread.group(1) + "X" + text.substring(spread.end(1)));
                return "misspell a spread in " + name;
            }
            edits.write(file, text.replaceAll("(\\.\\.\\.\\w+)X", "$1"));
            return "nothing to misspell in " + name;
        }
        if (kind < 84) {
            edits.write(file, text.replaceAll("(\\.\\.\\.\\w+?)X\\b", "$1"));
            return "fix misspelt spreads in " + name;
        }
        if (kind < 90) {
            Path schema = documents.resolve("schema.graphqls");
            String sdl = Files.readString(schema);
            String extension = "\nextend type Query {\n  extra: String\n}\n";
            edits.write(schema, sdl.contains(extension) ? sdl.replace(extension, "") : sdl + extension);
            return "edit the schema";
        }
        if (kind < 94) {
            edits.touch(file);
            return "touch " + name;
        }
        if (kind < 96) {
            return "config: switch the package";
        }
        return "no edit";
    }







    static Path fixture(String name) {
        return io.github.sodagql.core.TestProject.fixture(name);
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
