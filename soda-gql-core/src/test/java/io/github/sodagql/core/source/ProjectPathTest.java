package io.github.sodagql.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProjectPathTest {

    @Test
    void parseNormalizesSeparatorsAndDots() {
        assertEquals("src/main/graphql/a.graphql", ProjectPath.parse("src\\main/./graphql/x/../a.graphql").value());
    }

    @Test
    void ofRelativizesAgainstTheProject() {
        Path project = Path.of("/p/project").toAbsolutePath();

        assertEquals("src/a.graphql", ProjectPath.of(project, project.resolve("src/a.graphql")).value());
        assertEquals("../api/schema.graphqls", ProjectPath.of(project, project.resolve("../api/schema.graphqls")).value());
    }

    @Test
    void absolutePathsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ProjectPath("/etc/passwd"));
    }

    @Test
    void sourceLocationPrintsLikeJavac() {
        assertEquals("a/b.graphql:12:5", new SourceLocation(ProjectPath.parse("a/b.graphql"), 12, 5).toString());
    }
}
