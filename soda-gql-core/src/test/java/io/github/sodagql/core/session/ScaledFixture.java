package io.github.sodagql.core.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A large project made from a small one: the fixture's documents copied {@code copies} times (copy 0 as it is,
 * copy {@code k} under {@code v<k>/} with every operation and fragment renamed {@code Name} to {@code NameV<k>},
 * spreads included), beside one schema. The copies are valid documents of the same schema, so the project builds
 * without errors and generates {@code copies} times the classes; no name is defined twice.
 */
final class ScaledFixture {
    private static final Pattern DEFINITION = Pattern.compile("(?m)^(?:query|mutation|subscription|fragment) (\\w+)");
    /** A definition's own name or a spread of a fragment ({@code ... on Type} is an inline fragment, left alone). */
    private static final Pattern NAME = Pattern.compile("(\\b(?:query|mutation|subscription|fragment) |\\.\\.\\.)(\\w+)");

    private ScaledFixture() {}

    /** Writes the scaled documents of {@code fixture} (a documents folder) into {@code documents}. */
    static void write(Path fixture, Path documents, int copies) throws IOException {
        Set<String> names = new TreeSet<>();
        for (Path document : ProjectEdits.documents(fixture)) {
            Matcher matcher = DEFINITION.matcher(Files.readString(document));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        IncrementalDifferentialTest.copy(fixture, documents);
        for (int copy = 1; copy < copies; copy++) {
            String suffix = "V" + copy;
            for (Path document : ProjectEdits.documents(fixture)) {
                Path target = documents.resolve("v" + copy).resolve(fixture.relativize(document).toString());
                Files.createDirectories(target.getParent());
                Files.writeString(target, renamed(Files.readString(document), names, suffix), StandardCharsets.UTF_8);
            }
        }
    }

    private static String renamed(String text, Set<String> names, String suffix) {
        Matcher matcher = NAME.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(2);
            String replacement = matcher.group(1) + (names.contains(name) ? name + suffix : name);
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
