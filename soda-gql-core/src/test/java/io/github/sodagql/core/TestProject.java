package io.github.sodagql.core;

import io.github.sodagql.core.config.DocumentRoot;
import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.discovery.InputScanner;
import io.github.sodagql.core.discovery.ReadResult;
import io.github.sodagql.core.parse.DocumentParser;
import io.github.sodagql.core.parse.ParsedFile;
import io.github.sodagql.core.source.ProjectPath;
import io.github.sodagql.core.session.BuildResult;
import io.github.sodagql.core.session.BuilderSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A throw-away project for tests: a resource folder ({@code src/test/resources/<stage>/<case>/}) copied
 * to {@code src/main/graphql} of a temporary directory, built with the plugin's defaults.
 */
public final class TestProject {
    private final Path directory;

    private TestProject(Path directory) {
        this.directory = directory;
    }

    public static TestProject copyOf(String resourceFolder, Path temporaryDirectory) {
        return copyOf(List.of(resourceFolder), temporaryDirectory);
    }

    /** Several resource folders merged into one documents folder (e.g. documents of one case, schema of another). */
    public static TestProject copyOf(List<String> resourceFolders, Path temporaryDirectory) {
        Path target = temporaryDirectory.resolve("src/main/graphql");
        for (String folder : resourceFolders) {
            Path source = resource(folder);
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path destination = target.resolve(source.relativize(file).toString());
                    Files.createDirectories(destination.getParent());
                    Files.copy(file, destination);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new TestProject(temporaryDirectory.toAbsolutePath().normalize());
    }

    public static Path resource(String path) {
        URL url = TestProject.class.getClassLoader().getResource(path);
        if (url == null) {
            throw new IllegalArgumentException("No test resource " + path);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Reads and parses every document of a resource folder, paths relative to the folder. */
    public static List<ParsedFile> parse(String resourceFolder) {
        Path folder = resource(resourceFolder);
        InputScanner scanner = new InputScanner(folder);
        return scanner.scan(List.of(DocumentRoot.of(ProjectPath.parse(".")))).files().stream()
                .map(stat -> (ReadResult.Read) scanner.read(stat.path()))
                .map(read -> DocumentParser.parse(read.file()))
                .toList();
    }

    /** The repository root: from the {@code sodagql.repoRoot} property surefire sets, or found upwards. */
    public static Path repoRoot() {
        String property = System.getProperty("sodagql.repoRoot");
        Path start = (property == null || property.isBlank() ? Path.of("") : Path.of(property)).toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("it-fixtures")) && Files.isDirectory(dir.resolve("soda-gql-core"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No repository root above " + start);
    }

    /** The documents folder of an it-fixtures project. */
    public static Path fixture(String name) {
        return repoRoot().resolve("it-fixtures/" + name + "/src/main/graphql");
    }

    /** A folder of {@code ../shared/corpora}, as a real path; the calling test is skipped when it is absent. */
    public static Path corpus(String relative) {
        Path folder = repoRoot().resolve("../shared/corpora").resolve(relative).normalize();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(folder), "corpus absent: " + folder);
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path directory() {
        return directory;
    }

    public SodaGqlConfig.Builder config() {
        return SodaGqlConfig.builder(directory).javaPackage("com.example.test");
    }

    public BuildResult build() {
        return new BuilderSession(config().build()).buildInitial();
    }

    public void write(String relativePath, String text) {
        try {
            Path file = directory.resolve(relativePath);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
