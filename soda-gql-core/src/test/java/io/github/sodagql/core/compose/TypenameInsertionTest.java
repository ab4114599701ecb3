package io.github.sodagql.core.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sodagql.core.TestProject;
import io.github.sodagql.core.artifact.ArtifactOperation;
import io.github.sodagql.core.session.BuildResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TypenameInsertionTest {
    @TempDir
    Path temporary;

    @Test
    void typenameIsAddedOnceToEachAbstractSelectionAndShowsInTheArtifact() {
        BuildResult result = TestProject.copyOf("compose/typename", temporary).build();

        assertEquals(0, result.diagnostics().size(), result.diagnostics().toString());
        ArtifactOperation search = result.artifact().orElseThrow().operations().get(0);
        assertEquals("query Search($text:String!){search(text:$text){__typename ...on Product{name}...on Node{id}}"
                + "node(id:\"1\"){__typename id}product(id:\"1\"){...NodeId}}"
                + " fragment NodeId on Node {__typename id}", search.document());
    }
}
