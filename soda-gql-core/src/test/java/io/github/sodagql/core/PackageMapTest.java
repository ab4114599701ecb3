package io.github.sodagql.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package map of docs/architecture.md, read from the sources' imports: data flows one way, only the session
 * holds state and nothing below it reaches up, and the command line is a client that nothing imports.
 */
class PackageMapTest {
    private static final Path SOURCES = Path.of("src/main/java/io/github/sodagql/core");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?io\\.github\\.sodagql\\.core\\.([a-z]+)\\.",
            Pattern.MULTILINE);

    @Test
    void nothingImportsTheCommandLine() {
        Map<String, SortedSet<String>> imports = importsByPackage();
        imports.forEach((from, to) -> assertTrue(from.equals("cli") || !to.contains("cli"),
                () -> from + " imports cli, the library's client"));
    }

    @Test
    void onlyTheCommandLineImportsTheSession() {
        Map<String, SortedSet<String>> imports = importsByPackage();
        imports.forEach((from, to) -> assertTrue(Set.of("session", "cli").contains(from) || !to.contains("session"),
                () -> from + " imports session; stages take values in and give values out"));
    }

    @Test
    void codegenReturnsItsOwnValuesWithoutTheOutputStage() {
        assertTrue(!importsByPackage().get("codegen").contains("output"), "codegen imports output");
    }

    @Test
    void packagesImportEachOtherWithoutCycles() {
        Map<String, SortedSet<String>> imports = importsByPackage();
        List<String> cycle = new ArrayList<>();
        Set<String> done = new TreeSet<>();
        for (String start : imports.keySet()) {
            cycle = cycleFrom(start, imports, new ArrayList<>(), done);
            if (!cycle.isEmpty()) {
                break;
            }
        }
        assertEquals(List.of(), cycle, "a cycle of package imports");
        assertTrue(imports.size() >= 15, "expected the pipeline's packages, found " + imports.keySet());
    }

    private static List<String> cycleFrom(String node, Map<String, SortedSet<String>> imports, List<String> path,
            Set<String> done) {
        int seen = path.indexOf(node);
        if (seen >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
            cycle.add(node);
            return cycle;
        }
        if (done.contains(node)) {
            return List.of();
        }
        path.add(node);
        for (String next : imports.getOrDefault(node, new TreeSet<>())) {
            List<String> cycle = cycleFrom(next, imports, path, done);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        done.add(node);
        return List.of();
    }

    private static SortedMap<String, SortedSet<String>> importsByPackage() {
        SortedMap<String, SortedSet<String>> imports = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                String from = SOURCES.relativize(file).getName(0).toString();
                SortedSet<String> to = imports.computeIfAbsent(from, p -> new TreeSet<>());
                try {
                    Matcher matcher = IMPORT.matcher(Files.readString(file));
                    while (matcher.find()) {
                        if (!matcher.group(1).equals(from)) {
                            to.add(matcher.group(1));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return imports;
    }
}
