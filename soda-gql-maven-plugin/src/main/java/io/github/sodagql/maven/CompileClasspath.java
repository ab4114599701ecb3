package io.github.sodagql.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.DefaultDependencyResolutionRequest;
import org.apache.maven.project.DependencyResolutionException;
import org.apache.maven.project.DependencyResolutionRequest;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.graph.Dependency;

/**
 * The jars and folders a {@code classpath:} schema path is looked up in: the project's compile-scope dependencies
 * (compile, provided, system), in classpath order, without the project's own output. In a reactor, Maven's
 * workspace reader answers for the other modules: their {@code target/classes}, or their jar once packaged.
 *
 * <p>Resolved here, and only when a {@code schemaPaths} entry is {@code classpath:}, rather than by declaring
 * {@code requiresDependencyResolution = COMPILE} on the goals. That declaration would make Maven resolve the compile
 * dependencies before every run of the goal, for every project, though most never use them; and at
 * {@code generate-sources}, which IDEs run on import, it would fail a reactor whose sibling modules are neither
 * built nor installed yet. Resolving on demand keeps that cost and that failure to the projects that ask for it.
 */
final class CompileClasspath {
    private static final Set<String> COMPILE_SCOPES = Set.of("compile", "provided", "system");

    private CompileClasspath() {}

    static List<Path> resolve(MavenProject project, RepositorySystemSession session, ProjectDependenciesResolver resolver)
            throws MojoExecutionException {
        DependencyResolutionRequest request = new DefaultDependencyResolutionRequest(project, session)
                .setResolutionFilter((node, parents) -> node.getDependency() == null
                        || COMPILE_SCOPES.contains(node.getDependency().getScope()));
        List<Dependency> dependencies;
        try {
            dependencies = resolver.resolve(request).getDependencies();
        } catch (DependencyResolutionException e) {
            throw new MojoExecutionException("soda-gql: cannot resolve the compile dependencies that 'classpath:' schema "
                    + "paths are looked up in: " + e.getMessage() + System.lineSeparator() + "    hint: in a reactor, build "
                    + "from its root (mvn compile) so that the module that ships the schema is built first, or install it.");
        }
        List<Path> elements = new ArrayList<>();
        for (Dependency dependency : dependencies) {
            File file = dependency.getArtifact() == null ? null : dependency.getArtifact().getFile();
            if (file != null && COMPILE_SCOPES.contains(dependency.getScope())) {
                elements.add(file.toPath().toAbsolutePath().normalize());
            }
        }
        return elements;
    }
}
