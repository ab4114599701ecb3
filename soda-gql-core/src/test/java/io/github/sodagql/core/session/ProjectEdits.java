package io.github.sodagql.core.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Edits to a test project's documents that can never hide behind an unchanged stat: every write moves the
 * file's mtime forward by a second on a clock of its own.
 */
final class ProjectEdits {
    private static final Pattern DEFINITION = Pattern.compile("(?m)^(query|mutation|subscription|fragment) (\\w+)");

    private long clock = 1_700_000_000_000L;

    void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        touch(file);
    }

    void touch(Path file) throws IOException {
        clock += 1000;
        Files.setLastModifiedTime(file, FileTime.fromMillis(clock));
    }

    /** The documents under a folder, sorted. */
    static List<Path> documents(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".graphql")).sorted().toList();
        }
    }

    /** The character ranges of the definitions of a document, each to the start of the next. */
    static List<int[]> definitionRanges(String text) {
        List<int[]> ranges = new ArrayList<>();
        Matcher matcher = DEFINITION.matcher(text);
        List<Integer> starts = new ArrayList<>();
        while (matcher.find()) {
            starts.add(matcher.start());
        }
        for (int i = 0; i < starts.size(); i++) {
            ranges.add(new int[] {starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : text.length()});
        }
        return ranges;
    }
}
