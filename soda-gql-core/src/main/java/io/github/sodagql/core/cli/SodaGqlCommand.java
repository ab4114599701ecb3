package io.github.sodagql.core.cli;

import io.github.sodagql.core.config.DocumentRoot;
import io.github.sodagql.core.config.ScalarMapping;
import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.session.BuildResult;
import io.github.sodagql.core.session.BuilderSession;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command-line driver: one full build of a project, diagnostics in javac's shape, one summary line.
 * Exits with 1 when the build has errors, 2 on bad arguments. Defaults mirror the Maven plugin's.
 *
 * <pre>
 * soda-gql [--schema PATH_OR_GLOB]... [--documents DIR]... [--include GLOB]... [--exclude GLOB]...
 *          [--scalar NAME=JAVA_TYPE[:CODEC]]... [--classpath JARS_AND_FOLDERS]... [--nullability none|jspecify]
 *          [--state DIR] [--output DIR] [--explain] [--full] [--verbose] --package NAME [PROJECT_DIR]
 * </pre>
 * {@code --classpath} takes jars and folders separated by the platform's path separator, as {@code java -cp} does:
 * where {@code --schema classpath:...} entries are looked up.
 * {@code --explain}, {@code --full} and {@code --verbose} are the plugin's {@code -Dsoda-gql.explain},
 * {@code -Dsoda-gql.full} and {@code -X}.
 */
public final class SodaGqlCommand {
    private SodaGqlCommand() {}

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path project = Path.of(".");
        List<String> schemas = new ArrayList<>();
        List<String> documents = new ArrayList<>();
        List<String> includes = new ArrayList<>();
        List<String> excludes = new ArrayList<>();
        List<String> scalars = new ArrayList<>();
        List<String> classpath = new ArrayList<>();
        String packageName = "";
        String state = null;
        String output = null;
        String nullability = "none";
        boolean explain = false;
        boolean full = false;
        boolean verbose = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                out.println(usage());
                return 0;
            }
            if (arg.equals("--explain") || arg.equals("--full") || arg.equals("--verbose")) {
                explain |= arg.equals("--explain");
                full |= arg.equals("--full");
                verbose |= arg.equals("--verbose");
                continue;
            }
            if (arg.startsWith("--")) {
                if (i + 1 >= args.length) {
                    err.println("soda-gql: option " + arg + " needs a value" + System.lineSeparator() + usage());
                    return 2;
                }
                String value = args[++i];
                switch (arg) {
                    case "--schema" -> schemas.add(value);
                    case "--documents" -> documents.add(value);
                    case "--include" -> includes.add(value);
                    case "--exclude" -> excludes.add(value);
                    case "--scalar" -> scalars.add(value);
                    case "--classpath" -> classpath.add(value);
                    case "--package" -> packageName = value;
                    case "--state" -> state = value;
                    case "--output" -> output = value;
                    case "--nullability" -> nullability = value;
                    default -> {
                        err.println("soda-gql: unknown option " + arg + System.lineSeparator() + usage());
                        return 2;
                    }
                }
            } else {
                project = Path.of(arg);
            }
        }
        SodaGqlConfig.Builder builder = SodaGqlConfig.builder(project.toAbsolutePath().normalize()).javaPackage(packageName)
                .nullability(nullability);
        schemas.forEach(builder::schemaPath);
        for (String elements : classpath) {
            for (String element : elements.split(java.util.regex.Pattern.quote(java.io.File.pathSeparator))) {
                if (!element.isBlank()) {
                    builder.classpathElement(Path.of(element));
                }
            }
        }
        for (String scalar : scalars) {
            int equals = scalar.indexOf('=');
            if (equals <= 0) {
                err.println("soda-gql: --scalar takes Name=java.Type or Name=java.Type:codec.Class" + System.lineSeparator() + usage());
                return 2;
            }
            builder.scalar(ScalarMapping.parse(scalar.substring(0, equals), scalar.substring(equals + 1)));
        }
        for (String directory : documents.isEmpty() ? List.of(SodaGqlConfig.DEFAULT_DOCUMENTS_DIRECTORY) : documents) {
            builder.documentRoot(new DocumentRoot(builder.relative(directory), includes, excludes));
        }
        if (state != null) {
            builder.stateDirectory(state);
        }
        if (output != null) {
            builder.outputDirectory(output);
        }
        SodaGqlConfig config = builder.build();
        BuilderSession session = new BuilderSession(config);
        BuildResult result = full ? session.buildFull() : session.buildInitial();
        result.notices().forEach(err::println);
        for (Diagnostic diagnostic : result.diagnostics()) {
            (diagnostic.isError() ? err : out).println(diagnostic.formatWithHint());
        }
        out.println(result.report().summaryLine());
        if (explain) {
            result.report().explanation().lines().forEach(out::println);
        }
        if (verbose) {
            result.report().detailLines().forEach(out::println);
        }
        result.artifact().ifPresent(artifact -> out.println("artifact: "
                + config.stateDirectory().resolve(BuilderSession.ARTIFACT_FILE).resolveAgainst(config.projectDirectory())));
        return result.hasErrors() ? 1 : 0;
    }

    private static String usage() {
        return "usage: soda-gql [--schema PATH_OR_GLOB]... [--documents DIR]... [--include GLOB]... [--exclude GLOB]..."
                + " [--scalar NAME=JAVA_TYPE[:CODEC]]... [--classpath JARS_AND_FOLDERS]... [--nullability none|jspecify]"
                + " [--state DIR] [--output DIR] [--explain] [--full] [--verbose]"
                + " --package NAME [PROJECT_DIR]";
    }
}
