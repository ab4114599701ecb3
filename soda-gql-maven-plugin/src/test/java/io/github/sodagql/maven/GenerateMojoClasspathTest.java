package io.github.sodagql.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.DependencyResolutionException;
import org.apache.maven.project.DependencyResolutionRequest;
import org.apache.maven.project.DependencyResolutionResult;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code classpath:} schema paths: the goal resolves the compile dependencies itself, and only for them. */
class GenerateMojoClasspathTest {
    private static final String SCHEMA = "type Query {\n  greeting: String\n}\n";

    @TempDir
    Path basedir;

    /** Answers with fixed dependencies and counts the requests. */
    private static final class FakeResolver implements ProjectDependenciesResolver {
        final List<Dependency> dependencies;
        int requests;
        boolean fail;

        FakeResolver(List<Dependency> dependencies) {
            this.dependencies = dependencies;
        }

        @Override
        public DependencyResolutionResult resolve(DependencyResolutionRequest request) throws DependencyResolutionException {
            requests++;
            DependencyResolutionResult result = new DependencyResolutionResult() {
                @Override
                public DependencyNode getDependencyGraph() {
                    return null;
                }

                @Override
                public List<Dependency> getDependencies() {
                    // What the resolution filter lets through, as Maven's resolver would.
                    return dependencies.stream().filter(d -> request.getResolutionFilter()
                            .accept(new org.eclipse.aether.graph.DefaultDependencyNode(d), List.of())).toList();
                }

                @Override
                public List<Dependency> getResolvedDependencies() {
                    return getDependencies();
                }

                @Override
                public List<Dependency> getUnresolvedDependencies() {
                    return List.of();
                }

                @Override
                public List<Exception> getCollectionErrors() {
                    return List.of();
                }

                @Override
                public List<Exception> getResolutionErrors(Dependency dependency) {
                    return List.of();
                }
            };
            if (fail) {
                throw new DependencyResolutionException(result, "Could not find artifact com.example:api:jar:1.0", null);
            }
            return result;
        }
    }

    private Path jar(String name, Map<String, String> entries) throws IOException {
        Path jar = basedir.resolve("repository").resolve(name);
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Dependency dependency(String coordinates, Path file, String scope) {
        return new Dependency(new DefaultArtifact(coordinates).setFile(file.toFile()), scope);
    }

    private GenerateMojo mojo(FakeResolver resolver, String... schemaPaths) throws Exception {
        Path project = basedir.resolve("app");
        Mojos.write(project.resolve("src/main/graphql/greeting.graphql"), "query Greeting {\n  greeting\n}\n");
        GenerateMojo mojo = Mojos.generate(Mojos.project(project), new RecordingBuildContext(), "default", "com.example.app",
                "src/main/graphql");
        mojo.schemaPaths = new ArrayList<>(List.of(schemaPaths));
        mojo.dependenciesResolver = resolver;
        return mojo;
    }

    @Test
    void withoutAClasspathSchemaPathNoDependencyIsResolved() throws Exception {
        FakeResolver resolver = new FakeResolver(List.of());
        GenerateMojo mojo = mojo(resolver, "src/main/graphql/schema.graphqls");
        Mojos.write(basedir.resolve("app/src/main/graphql/schema.graphqls"), SCHEMA);

        mojo.execute();

        assertEquals(0, resolver.requests);
        assertTrue(Files.isRegularFile(basedir.resolve("app/target/generated-sources/soda-gql/com/example/app/GreetingQuery.java")));
    }

    @Test
    void aClasspathSchemaPathIsLookedUpInTheCompileScopeDependencies() throws Exception {
        FakeResolver resolver = new FakeResolver(List.of(
                dependency("com.example:tests:1.0", jar("tests-1.0.jar", Map.of("schema/schema.graphqls", "broken {")), "test"),
                dependency("com.example:api:1.0", jar("api-1.0.jar", Map.of("schema/schema.graphqls", SCHEMA)), "compile")));
        GenerateMojo mojo = mojo(resolver, "classpath:schema/schema.graphqls");

        mojo.execute();

        assertEquals(1, resolver.requests);
        assertTrue(Files.isRegularFile(basedir.resolve("app/target/generated-sources/soda-gql/com/example/app/GreetingQuery.java")));
    }

    @Test
    void aSchemaErrorInTheJarFailsTheBuildAtTheJarsEntry() throws Exception {
        FakeResolver resolver = new FakeResolver(List.of(
                dependency("com.example:api:1.0", jar("api-1.0.jar", Map.of("schema/schema.graphqls", "type Query {\n  a: Nope\n}\n")),
                        "compile")));

        MojoFailureException failure = assertThrows(MojoFailureException.class,
                mojo(resolver, "classpath:schema/schema.graphqls")::execute);

        assertTrue(failure.getMessage().contains("api-1.0.jar!/schema/schema.graphqls:2:3: [SCHEMA_INVALID]"), failure.getMessage());
    }

    @Test
    void unresolvableDependenciesFailWithAHintAndNoStackTrace() throws Exception {
        FakeResolver resolver = new FakeResolver(List.of());
        resolver.fail = true;

        MojoExecutionException failure = assertThrows(MojoExecutionException.class,
                mojo(resolver, "classpath:schema/schema.graphqls")::execute);

        assertTrue(failure.getMessage().startsWith("soda-gql: cannot resolve the compile dependencies that 'classpath:' "
                + "schema paths are looked up in: Could not find artifact com.example:api:jar:1.0"), failure.getMessage());
        assertEquals(null, failure.getCause());
    }
}
