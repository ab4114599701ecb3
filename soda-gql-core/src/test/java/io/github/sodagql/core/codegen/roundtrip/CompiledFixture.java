package io.github.sodagql.core.codegen.roundtrip;

import io.github.sodagql.core.config.ScalarMapping;
import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.session.BuildResult;
import io.github.sodagql.core.session.BuilderSession;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * One it-fixture built for real: its documents generated to Java, the sources compiled (warnings as
 * errors, nothing on the classpath), the fixture's checks ({@code codegen/roundtrip/<Name>Checks.java},
 * typed code against the generated API) compiled against them, and everything loaded in one class loader.
 */
final class CompiledFixture {
    private final String name;
    private final String javaPackage;
    private final Path schema;
    private final Path checksSource;
    private final URLClassLoader loader;

    private CompiledFixture(String name, String javaPackage, Path schema, Path checksSource, URLClassLoader loader) {
        this.name = name;
        this.javaPackage = javaPackage;
        this.schema = schema;
        this.checksSource = checksSource;
        this.loader = loader;
    }

    /** @param fixture an it-fixtures folder, e.g. {@code small-app} */
    static CompiledFixture build(String fixture, Path workDirectory) {
        try {
            Path documents = repoRoot().resolve("it-fixtures/" + fixture + "/src/main/graphql");
            Path project = workDirectory.resolve(fixture);
            copyTree(documents, project.resolve("src/main/graphql"));
            String javaPackage = "com.example." + fixture.replace("-", "");
            BuildResult result = new BuilderSession(SodaGqlConfig.builder(project).javaPackage(javaPackage)
                    .nullability(System.getProperty("sodagql.test.nullability", "none"))
                    .scalar(ScalarMapping.of("DateTime", "java.time.OffsetDateTime"))
                    .build()).buildInitial();
            if (!result.diagnostics().isEmpty()) {
                throw new AssertionError(fixture + " does not build: " + result.diagnostics());
            }
            Path classes = project.resolve("classes");
            String generated = compileGeneratedSources(project.resolve("target/generated-sources/soda-gql"), classes);
            if (!generated.isEmpty()) {
                throw new AssertionError("The generated sources of " + fixture + " do not compile cleanly:\n" + generated);
            }
            Path checks = resource("codegen/roundtrip/" + checksClassName(fixture) + ".java");
            String checked = compileChecks(checks, classes);
            if (!checked.isEmpty()) {
                throw new AssertionError("The checks of " + fixture + " do not compile against the generated API:\n" + checked);
            }
            URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                    CompiledFixture.class.getClassLoader());
            return new CompiledFixture(fixture, javaPackage, documents.resolve("schema.graphqls"), checks, loader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name;
    }

    Path schema() {
        return schema;
    }

    /** The text of the fixture's checks, {@code <Name>Checks.java}. */
    String checksSource() {
        try {
            return Files.readString(checksSource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A generated class by simple name, e.g. {@code ProductListQuery} or {@code ProductListQuery$Data}. */
    Class<?> generatedClass(String simpleName) {
        try {
            return Class.forName(javaPackage + "." + simpleName, true, loader);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("No generated class " + simpleName + " in " + name, e);
        }
    }

    /** The compiled {@code <Name>Checks} class of this fixture. */
    Class<?> checks() {
        try {
            return Class.forName("roundtrip." + checksClassName(name), true, loader);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code small-app} -> {@code SmallAppChecks} */
    private static String checksClassName(String fixture) {
        return Stream.of(fixture.split("-"))
                .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1))
                .collect(Collectors.joining()) + "Checks";
    }

    /**
     * Compiles the generated sources the way GeneratedCodeCompilesTest does, with its JavaSourceCompiler
     * (package-private in the parent package, hence the reflection): release 17, -Xlint:all -Werror, and
     * nothing but the output directory on the classpath.
     */
    private static String compileGeneratedSources(Path sources, Path classes) {
        try {
            Class<?> compiler = Class.forName("io.github.sodagql.core.codegen.JavaSourceCompiler");
            Method compile = compiler.getDeclaredMethod("compile", Path.class, Path.class, List.class);
            compile.setAccessible(true);
            return (String) compile.invoke(null, sources, classes, List.of());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot call JavaSourceCompiler.compile", e);
        }
    }

    /**
     * Compiles a fixture's checks against the generated classes, this package's {@link Engine} and JUnit's
     * assertions; also with -Xlint:all -Werror, so a deprecation or raw type in the generated API shows.
     */
    private static String compileChecks(Path checks, Path classes) throws IOException {
        Set<String> classpath = new LinkedHashSet<>();
        classpath.add(classes.toString());
        for (Class<?> type : List.of(Engine.class, org.junit.jupiter.api.Assertions.class,
                org.opentest4j.AssertionFailedError.class, org.apiguardian.api.API.class,
                org.junit.platform.commons.annotation.Contract.class,
                org.jspecify.annotations.Nullable.class)) {
            classpath.add(location(type).toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter output = new StringWriter();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null)) {
            List<String> options = new ArrayList<>(List.of("--release", "17", "-Xlint:all", "-Werror", "-proc:none",
                    "-classpath", String.join(java.io.File.pathSeparator, classpath), "-d", classes.toString(),
                    "-encoding", "UTF-8"));
            boolean ok = compiler.getTask(output, files, null, options, null, files.getJavaFileObjects(checks)).call();
            return ok ? output.toString() : "FAILED\n" + output;
        }
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path resource(String path) {
        URL url = CompiledFixture.class.getClassLoader().getResource(path);
        if (url == null) {
            throw new IllegalStateException("No test resource " + path);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path repoRoot() {
        return io.github.sodagql.core.TestProject.repoRoot();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

}
