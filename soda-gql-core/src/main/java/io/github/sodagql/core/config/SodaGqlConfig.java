package io.github.sodagql.core.config;

import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import io.github.sodagql.core.source.ContentHash;
import io.github.sodagql.core.source.ProjectPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Everything a build depends on besides its input files. Build one with {@link #builder}, then call
 * {@link #problems()}: a config with problems must not be built. {@link #hash()} is stable across machines
 * (the project directory is left out), so a changed hash means a changed build.
 *
 * @param projectDirectory absolute; every relative path below is resolved against it
 * @param schemaPaths SDL files, globs of them, or one introspection {@code .json}; empty means every
 *     {@code *.graphqls} under the document roots
 * @param nullability how generated types mark what may be null, as configured ({@link Nullability#configName()});
 *     an unknown name is a config problem, not an exception
 * @param allowForeignFiles whether the output directory may hold files soda-gql did not write (say, when it is
 *     {@code src/main/java}); even then such a file is never overwritten or deleted. Not in {@link #hash()}: it
 *     changes no output
 * @param classpath the compile classpath, absolute, in order: the jars and folders that {@code classpath:} schema
 *     paths are looked up in. Not in {@link #hash()}: it holds machine-specific paths, and what a build reads from
 *     it is fingerprinted like any schema file
 */
public record SodaGqlConfig(
        Path projectDirectory,
        List<String> schemaPaths,
        List<DocumentRoot> documentRoots,
        ProjectPath outputDirectory,
        ProjectPath stateDirectory,
        String javaPackage,
        Map<String, ScalarMapping> scalars,
        ExportOptions exports,
        String nullability,
        boolean allowForeignFiles,
        List<Path> classpath) {
    /** The defaults, in one place: the Maven plugin's parameters and the command line name these. */
    public static final String DEFAULT_DOCUMENTS_DIRECTORY = "src/main/graphql";
    public static final String DEFAULT_OUTPUT_DIRECTORY = "target/generated-sources/soda-gql";
    public static final String DEFAULT_STATE_DIRECTORY = "target/soda-gql";


    /** Starts a schema path that names a file (or a glob of files) on the compile classpath rather than in the project. */
    public static final String CLASSPATH_PREFIX = "classpath:";

    private static final Pattern GRAPHQL_NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]*");
    private static final Pattern JAVA_IDENTIFIER = Pattern.compile("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*");
    private static final Set<String> JAVA_KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
            "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
            "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
            "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
            "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null", "_");

    public SodaGqlConfig {
        Objects.requireNonNull(projectDirectory, "projectDirectory");
        schemaPaths = List.copyOf(schemaPaths);
        documentRoots = List.copyOf(documentRoots);
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(stateDirectory, "stateDirectory");
        Objects.requireNonNull(javaPackage, "javaPackage");
        scalars = Map.copyOf(scalars);
        Objects.requireNonNull(exports, "exports");
        Objects.requireNonNull(nullability, "nullability");
        classpath = List.copyOf(classpath);
    }

    /** The configured {@link Nullability}; {@link #problems()} reports a name that is none. */
    public Nullability nullabilityMode() {
        return Nullability.named(nullability).orElse(Nullability.NONE);
    }

    /** Whether a schema path names files on the classpath ({@code classpath:schema/**}{@code /*.graphqls}). */
    public static boolean isClasspathEntry(String schemaPath) {
        return schemaPath.startsWith(CLASSPATH_PREFIX);
    }

    public static Builder builder(Path projectDirectory) {
        return new Builder(projectDirectory);
    }

    /** Every problem of this config, each a {@code CONFIG_INVALID} naming the field. Empty when valid. */
    public List<Diagnostic> problems() {
        List<Diagnostic> problems = new ArrayList<>();
        if (!projectDirectory.isAbsolute()) {
            problems.add(invalid("projectDirectory", "must be an absolute path, but is '" + projectDirectory + "'",
                    "Pass the project's base directory as an absolute path."));
        }
        for (String schemaPath : schemaPaths) {
            if (schemaPath.isBlank()) {
                problems.add(invalid("schemaPaths", "holds a blank entry", "Remove the empty entry."));
            } else if (isClasspathEntry(schemaPath) && !isClasspathPath(schemaPath.substring(CLASSPATH_PREFIX.length()))) {
                problems.add(invalid("schemaPaths", "entry '" + schemaPath + "' is not a path inside a jar",
                        "Write 'classpath:' then the path inside the jar with '/' separators, such as "
                                + "'classpath:schema/schema.graphqls' or 'classpath:schema/**/*.graphqls'; '..' is not allowed."));
            } else if (!PathGlob.isValid(schemaPath)) {
                problems.add(invalid("schemaPaths", "entry '" + schemaPath + "' is not a valid path or glob",
                        "Use a path such as 'src/main/graphql/schema.graphqls' or a glob such as '**/*.graphqls'."));
            }
        }
        if (documentRoots.isEmpty()) {
            problems.add(invalid("documentsDirectory", "is empty", "Name the folder that holds your .graphql documents."));
        }
        for (DocumentRoot root : documentRoots) {
            for (String glob : concat(root.includes(), root.excludes())) {
                if (glob.isBlank() || !PathGlob.isValid(glob)) {
                    problems.add(invalid("includes/excludes", "pattern '" + glob + "' is not a valid glob",
                            "Use a glob relative to the documents directory, such as '**/*.graphql'."));
                }
            }
        }
        if (!isValidJavaPackage(javaPackage)) {
            problems.add(invalid("packageName", "'" + javaPackage + "' is not a valid Java package name",
                    "Use dot-separated Java identifiers that are not keywords, such as 'com.example.graphql'."));
        } else if (javaPackage.equals("java") || javaPackage.startsWith("java.")) {
            // The JVM refuses to define classes in java.* outside the platform (SecurityException at load time).
            problems.add(invalid("packageName", "'" + javaPackage + "' is under 'java.', which only the JDK may use",
                    "Use a package of your own, such as 'com.example.graphql'."));
        }
        scalars.values().stream().sorted((a, b) -> a.graphqlName().compareTo(b.graphqlName())).forEach(scalar -> {
            if (!GRAPHQL_NAME.matcher(scalar.graphqlName()).matches()) {
                problems.add(invalid("scalars", "'" + scalar.graphqlName() + "' is not a GraphQL scalar name",
                        "Use the scalar's name as the schema spells it, such as 'DateTime'."));
            }
            if (!isQualifiedJavaName(scalar.javaType())) {
                problems.add(invalid("scalars", "Java type '" + scalar.javaType() + "' of scalar '"
                        + scalar.graphqlName() + "' is not a Java type name",
                        "Use a fully qualified class name, such as 'java.time.OffsetDateTime'."));
            }
            scalar.codecClass().filter(codec -> !isQualifiedJavaName(codec)).ifPresent(codec -> problems.add(
                    invalid("scalars", "codec '" + codec + "' of scalar '" + scalar.graphqlName()
                            + "' is not a Java class name", "Use a fully qualified class name.")));
        });
        if (Nullability.named(nullability).isEmpty()) {
            problems.add(invalid("nullability", "'" + nullability + "' is not a nullability mode",
                    "Use 'none' (no annotations) or 'jspecify' (@NullMarked package, @Nullable where a value may be null)."));
        }
        if (projectDirectory.isAbsolute()) {
            Path output = outputDirectory.resolveAgainst(projectDirectory).normalize();
            Path state = stateDirectory.resolveAgainst(projectDirectory).normalize();
            // Each would take the other's files for foreign ones (or, worse, for stale outputs of its own).
            if (output.startsWith(state) || state.startsWith(output)) {
                String where = output.equals(state) ? "is the same folder as" : output.startsWith(state)
                        ? "lies inside" : "holds";
                problems.add(invalid("outputDirectory", "('" + outputDirectory + "') " + where + " 'stateDirectory' ('"
                        + stateDirectory + "'): generated sources and build state must not share a folder",
                        "Give each a folder of its own, neither inside the other, e.g. outputDirectory "
                                + DEFAULT_OUTPUT_DIRECTORY + " and stateDirectory " + DEFAULT_STATE_DIRECTORY + " (the defaults)."));
            }
        }
        exports.unknownManifests().forEach(name -> problems.add(invalid("operationManifests",
                "entry '" + name + "' is not a manifest format",
                "Use 'apollo' (Apollo's persisted-query manifest) or 'persisted-documents' ({\"sha256:<hex>\": document}).")));
        return List.copyOf(problems);
    }

    /** A stable hash of everything that changes the build's output. */
    public ContentHash hash() {
        StringBuilder canonical = new StringBuilder("soda-gql-config/1\n");
        canonical.append("schemaPaths=").append(schemaPaths).append('\n');
        for (DocumentRoot root : documentRoots) {
            canonical.append("root=").append(root.directory()).append(' ').append(root.includes()).append(' ')
                    .append(root.excludes()).append('\n');
        }
        canonical.append("output=").append(outputDirectory).append('\n');
        canonical.append("state=").append(stateDirectory).append('\n');
        canonical.append("package=").append(javaPackage).append('\n');
        new TreeMap<>(scalars).forEach((name, scalar) -> canonical.append("scalar=").append(name).append(' ')
                .append(scalar.javaType()).append(' ').append(scalar.codecClass().orElse("-")).append('\n'));
        if (nullabilityMode() != Nullability.NONE) {
            // Only when set, so the default keeps the hash (and the state) of builds before the option existed.
            canonical.append("nullability=").append(nullabilityMode().configName()).append('\n');
        }
        return ContentHash.of(canonical.toString());
    }

    private static Diagnostic invalid(String field, String what, String hint) {
        return Diagnostic.global(DiagnosticCode.CONFIG_INVALID, "Configuration '" + field + "' " + what + ".", hint);
    }

    private static boolean isValidJavaPackage(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (String part : name.split("\\.", -1)) {
            if (!JAVA_IDENTIFIER.matcher(part).matches() || JAVA_KEYWORDS.contains(part)) {
                return false;
            }
        }
        return true;
    }

    /** A path inside a jar: not empty, {@code /} separators, no {@code ..}; a leading {@code /} is allowed (Spring's style). */
    private static boolean isClasspathPath(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (relative.isBlank() || relative.contains("\\") || !PathGlob.isValid(relative)) {
            return false;
        }
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.equals("..") || segment.equals(".")) {
                return false;
            }
        }
        return true;
    }

    private static boolean isQualifiedJavaName(String name) {
        return isValidJavaPackage(name);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Builds a config with the Maven plugin's defaults. */
    public static final class Builder {
        private final Path projectDirectory;
        private final List<String> schemaPaths = new ArrayList<>();
        private final List<DocumentRoot> documentRoots = new ArrayList<>();
        private ProjectPath outputDirectory = ProjectPath.parse(DEFAULT_OUTPUT_DIRECTORY);
        private ProjectPath stateDirectory = ProjectPath.parse(DEFAULT_STATE_DIRECTORY);
        private String javaPackage = "";
        private final Map<String, ScalarMapping> scalars = new TreeMap<>();
        private ExportOptions exports = ExportOptions.none();
        private String nullability = Nullability.NONE.configName();
        private boolean allowForeignFiles;
        private final List<Path> classpath = new ArrayList<>();

        private Builder(Path projectDirectory) {
            this.projectDirectory = projectDirectory;
        }

        public Builder schemaPath(String pathOrGlob) {
            schemaPaths.add(pathOrGlob);
            return this;
        }

        public Builder documentRoot(DocumentRoot root) {
            documentRoots.add(root);
            return this;
        }

        public Builder documentRoot(String directory) {
            return documentRoot(DocumentRoot.of(relative(directory)));
        }

        public Builder outputDirectory(String directory) {
            outputDirectory = relative(directory);
            return this;
        }

        public Builder stateDirectory(String directory) {
            stateDirectory = relative(directory);
            return this;
        }

        public Builder javaPackage(String name) {
            javaPackage = name;
            return this;
        }

        public Builder allowForeignFiles(boolean allow) {
            allowForeignFiles = allow;
            return this;
        }

        public Builder scalar(ScalarMapping mapping) {
            scalars.put(mapping.graphqlName(), mapping);
            return this;
        }

        /** {@code none} (the default) or {@code jspecify}, as configured. */
        public Builder nullability(String mode) {
            nullability = mode;
            return this;
        }

        /** Adds a jar or folder to the end of the classpath; a relative path is resolved against the project. */
        public Builder classpathElement(Path element) {
            classpath.add(projectDirectory.resolve(element).toAbsolutePath().normalize());
            return this;
        }

        public Builder exports(ExportOptions options) {
            exports = options;
            return this;
        }

        /** A path relative to the project; an absolute one (as Maven gives) is made relative. */
        public ProjectPath relative(String path) {
            Path given = Path.of(path);
            return given.isAbsolute() ? ProjectPath.of(projectDirectory, given) : ProjectPath.parse(path);
        }

        public SodaGqlConfig build() {
            List<DocumentRoot> roots = documentRoots.isEmpty()
                    ? List.of(DocumentRoot.of(ProjectPath.parse(DEFAULT_DOCUMENTS_DIRECTORY)))
                    : documentRoots;
            return new SodaGqlConfig(projectDirectory, schemaPaths, roots, outputDirectory, stateDirectory,
                    javaPackage, scalars, exports, nullability, allowForeignFiles, classpath);
        }
    }
}
