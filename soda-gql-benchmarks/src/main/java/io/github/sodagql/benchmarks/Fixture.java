package io.github.sodagql.benchmarks;

import io.github.sodagql.core.config.ScalarMapping;
import io.github.sodagql.core.config.SodaGqlConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A benchmark input: where its files come from, how they are laid out in a temporary project, and the
 * configuration a build of that project uses.
 *
 * @param name the fixture's name in reports and work folders (a project path's last segment)
 * @param spec what {@code --fixture} said: a name, or the path of a project with {@code src/main/graphql}
 * @param copies source folder to project-relative folder, copied into every fresh project
 * @param schemaPath the configured schema path (null: every *.graphqls under the document root)
 * @param documentRoot project-relative folder of the documents
 * @param scalars scalar mappings the fixture needs
 */
record Fixture(String name, String spec, List<Copy> copies, String schemaPath, String documentRoot, List<ScalarMapping> scalars) {

    static final String JAVA_PACKAGE = "bench.generated";

    /** Copy {@code from} (a folder or a file) to {@code to} (project-relative). */
    record Copy(Path from, String to) {}

    /** The fixture of that name, or empty with the reason when it is absent (artsy without the corpora). */
    static Fixture resolve(String name, Path repoRoot, Path workRoot) throws IOException {
        if (name.equals("artsy")) {
            Path corpus = repoRoot.resolve("../shared/corpora/artsy-force").normalize();
            if (!Files.isDirectory(corpus.resolve("compiled")) || !Files.isRegularFile(corpus.resolve("data/schema.graphql"))) {
                throw new Absent("fixture artsy skipped: " + corpus + " is absent (see ../shared/corpora/README.md)");
            }
            return new Fixture(name, name, List.of(new Copy(corpus.resolve("data/schema.graphql"), "data/schema.graphql"),
                    new Copy(corpus.resolve("compiled"), "compiled")), "data/schema.graphql", "compiled", List.of());
        }
        if (name.startsWith("synthetic-")) {
            int n;
            try {
                n = Integer.parseInt(name.substring("synthetic-".length()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("synthetic-N needs a number of documents, not " + name);
            }
            Path generated = workRoot.resolve("synthetic").resolve(name);
            SyntheticGenerator.ensure(generated, n, SyntheticGenerator.DEFAULT_SEED);
            return new Fixture(name, name, List.of(new Copy(generated, "src/main/graphql")), null, "src/main/graphql", List.of());
        }
        if (name.contains("/") || name.contains(java.io.File.separator)) {
            // A project of one's own: its src/main/graphql (schema files in it, as the plugin's default).
            Path project = Path.of(name).toAbsolutePath().normalize();
            Path documents = project.resolve("src/main/graphql");
            if (!Files.isDirectory(documents)) {
                throw new IllegalArgumentException("fixture " + name + ": " + documents + " is not a folder");
            }
            String label = project.getFileName() == null ? "project" : project.getFileName().toString();
            return new Fixture(label, name, List.of(new Copy(documents, "src/main/graphql")), null, "src/main/graphql",
                    List.of());
        }
        Path source = repoRoot.resolve("it-fixtures").resolve(name).resolve("src/main/graphql");
        if (!Files.isDirectory(source)) {
            throw new IllegalArgumentException("unknown fixture " + name + ": " + source + " is not a folder");
        }
        List<ScalarMapping> scalars = name.equals("large-app")
                ? List.of(ScalarMapping.of("DateTime", "java.time.OffsetDateTime"))
                : List.of();
        return new Fixture(name, name, List.of(new Copy(source, "src/main/graphql")), null, "src/main/graphql", scalars);
    }

    /** The fixture is not on this machine; the message says why. */
    static final class Absent extends IOException {
        Absent(String message) {
            super(message);
        }
    }

    /** Copies the fixture's files into {@code project} (created). */
    void materialize(Path project) throws IOException {
        Files.createDirectories(project);
        for (Copy copy : copies) {
            copyTree(copy.from(), project.resolve(copy.to()));
        }
    }

    SodaGqlConfig config(Path project) {
        SodaGqlConfig.Builder builder = SodaGqlConfig.builder(project.toAbsolutePath().normalize())
                .javaPackage(JAVA_PACKAGE).documentRoot(documentRoot);
        if (schemaPath != null) {
            builder.schemaPath(schemaPath);
        }
        scalars.forEach(builder::scalar);
        return builder.build();
    }

    /** Project-relative schema files of a materialized project. */
    List<Path> schemaFiles(Path project) throws IOException {
        if (schemaPath != null) {
            return List.of(project.resolve(schemaPath));
        }
        return files(project.resolve(documentRoot), ".graphqls");
    }

    /** The documents (*.graphql) of a materialized project, sorted. */
    List<Path> documents(Path project) throws IOException {
        List<Path> schemas = schemaFiles(project);
        List<Path> documents = new ArrayList<>(files(project.resolve(documentRoot), ".graphql"));
        documents.removeAll(schemas);
        return documents;
    }

    static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p)).sorted().toList();
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        if (Files.isRegularFile(from)) {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<Path> findRepoRoot(Path start) {
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("it-fixtures")) && Files.isDirectory(p.resolve("soda-gql-core"))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
