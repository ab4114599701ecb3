package io.github.sodagql.core.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sodagql.core.source.ProjectPath;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentRootTest {
    private static final ProjectPath DOCUMENTS = ProjectPath.parse("src/main/graphql");

    @Test
    void selectsWithTheJdksGlobsIncludingBraces() {
        DocumentRoot root = new DocumentRoot(DOCUMENTS, List.of("{pages,entities}/*.graphql"), List.of("**/draft-*"));

        assertTrue(root.selects(Path.of("pages/cart.graphql")));
        assertTrue(root.selects(Path.of("entities/brand.graphql")));
        assertFalse(root.selects(Path.of("other/cart.graphql")));
        assertFalse(root.selects(Path.of("pages/draft-cart.graphql")), "an exclude wins");
    }

    @Test
    void theDefaultIncludeAlsoSelectsFilesAtTheTop() {
        DocumentRoot root = DocumentRoot.of(DOCUMENTS);

        assertTrue(root.selects(Path.of("cart.graphql")));
        assertTrue(root.selects(Path.of("a/b/cart.graphql")));
        assertFalse(root.selects(Path.of("schema.graphqls")));
    }
}
