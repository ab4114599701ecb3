package io.github.sodagql.core.output;

import io.github.sodagql.core.source.ContentHash;
import io.github.sodagql.core.source.ProjectPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The generated files soda-gql wrote and still owns, each with the hash of what it wrote, kept in the state
 * directory ({@value #FILE}). It is the answer to "may this file be overwritten or deleted": only a file the
 * ledger lists, inside the output folder, may be. It outlives a lost snapshot, so a full build after one still
 * knows which files are its own.
 *
 * <p>The session saves it twice per build that writes: before writing, with every file about to be written
 * added (so a build killed half-way still owns what it wrote), and at the end, as the build left the folder.
 * Read back, entries outside the output folder are dropped with a notice.
 */
public final class OutputLedger {
    public static final String FILE = "outputs.ledger";
    private static final String MAGIC = "soda-gql outputs 1";
    private static final String END = "end";

    private final SortedMap<ProjectPath, ContentHash> owned;

    public OutputLedger(Map<ProjectPath, ContentHash> owned) {
        this.owned = Collections.unmodifiableSortedMap(new TreeMap<>(owned));
    }

    public static OutputLedger empty() {
        return new OutputLedger(Map.of());
    }

    /** What loading found, with a notice for each thing ignored. */
    public record Loaded(OutputLedger ledger, boolean present, List<String> notices) {
        public Loaded {
            notices = List.copyOf(notices);
        }
    }

    /** The ledger in {@code stateDirectory}, keeping only entries inside {@code folder}. */
    public static Loaded load(Path stateDirectory, OutputFolder folder) {
        List<String> lines;
        try {
            lines = Files.readAllLines(stateDirectory.resolve(FILE), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Loaded(empty(), false, List.of());
        } catch (IOException | RuntimeException e) {
            return new Loaded(empty(), false, List.of("soda-gql: ignoring the output ledger (" + FILE
                    + "), which cannot be read; files it listed are no longer treated as soda-gql's."));
        }
        if (lines.size() < 2 || !MAGIC.equals(lines.get(0)) || !END.equals(lines.get(lines.size() - 1))) {
            return new Loaded(empty(), false, List.of("soda-gql: ignoring the output ledger (" + FILE
                    + "), which is damaged; files it listed are no longer treated as soda-gql's."));
        }
        Map<ProjectPath, ContentHash> owned = new TreeMap<>();
        List<String> notices = new ArrayList<>();
        for (String line : lines.subList(1, lines.size() - 1)) {
            int space = line.indexOf(' ');
            Optional<ProjectPath> path = space < 0 ? Optional.empty() : pathOf(line.substring(space + 1));
            if (path.isEmpty() || !folder.contains(path.get()) || !isHash(line.substring(0, space))) {
                notices.add("soda-gql: ignoring the output ledger's entry '" + printable(line)
                        + "': it is not a file inside " + folder.path() + ".");
                continue;
            }
            owned.put(path.get(), new ContentHash(line.substring(0, space)));
        }
        return new Loaded(new OutputLedger(owned), true, notices);
    }

    public void save(Path stateDirectory) throws IOException {
        StringBuilder text = new StringBuilder(MAGIC).append('\n');
        owned.forEach((path, hash) -> text.append(hash.hex()).append(' ').append(path.value()).append('\n'));
        text.append(END).append('\n');
        OutputWriter.writeAtomically(stateDirectory.resolve(FILE), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    public boolean owns(ProjectPath path) {
        return owned.containsKey(path);
    }

    public SortedMap<ProjectPath, ContentHash> owned() {
        return owned;
    }

    /** This ledger with {@code records} added (or updated). */
    public OutputLedger with(Collection<OutputRecord> records) {
        Map<ProjectPath, ContentHash> more = new TreeMap<>(owned);
        records.forEach(record -> more.put(record.path(), record.hash()));
        return new OutputLedger(more);
    }

    /**
     * Files in {@code folder} that {@code ours} does not accept, sorted; at most {@code limit}. Links are reported,
     * never followed; a killed build's temporary files are not foreign.
     */
    static List<ProjectPath> foreignFiles(OutputFolder folder, Path projectDirectory,
            java.util.function.Predicate<ProjectPath> ours, int limit) throws IOException {
        Path root = folder.absolute();
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<ProjectPath> foreign = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : (Iterable<Path>) walk.sorted()::iterator) {
                if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)
                        || OutputWriter.isTemporary(file.getFileName().toString())) {
                    continue;
                }
                ProjectPath path = ProjectPath.of(projectDirectory, file);
                if (Files.isSymbolicLink(file) || !ours.test(path)) {
                    foreign.add(path);
                    if (foreign.size() >= limit) {
                        break;
                    }
                }
            }
        }
        return foreign;
    }

    static Optional<ProjectPath> pathOf(String value) {
        try {
            return Optional.of(new ProjectPath(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static boolean isHash(String value) {
        return value.length() == 64 && value.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    static String printable(String line) {
        String shown = line.length() > 200 ? line.substring(0, 200) + "..." : line;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
