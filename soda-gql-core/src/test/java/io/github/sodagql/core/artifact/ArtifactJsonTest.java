package io.github.sodagql.core.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sodagql.core.compose.VariableDeclaration;
import io.github.sodagql.core.parse.OperationKind;
import io.github.sodagql.core.source.ContentHash;
import io.github.sodagql.core.source.ProjectPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArtifactJsonTest {

    @Test
    void rendersEveryFieldInAFixedOrderWithAFinalNewline() {
        ContentHash id = ContentHash.of("query Q{a}");
        Artifact artifact = new Artifact(1, Optional.empty(),
                List.of(new ArtifactOperation(id, "Q", OperationKind.QUERY, "query Q($n:Int=1){a ...F} fragment F on A {b}",
                        ProjectPath.parse("q.graphql"), List.of("F"),
                        List.of(new VariableDeclaration("n", "Int", Optional.of("1"))))),
                List.of(new ArtifactFragment("F", "A", ProjectPath.parse("f.graphql"), List.of())),
                new ArtifactCounts(2, 1, 1, 0, 0));

        String json = new String(ArtifactJson.render(artifact), StandardCharsets.UTF_8);

        assertEquals("""
                {
                  "formatVersion": 1,
                  "schemaHash": null,
                  "operations": [
                    {
                      "id": "%s",
                      "name": "Q",
                      "kind": "query",
                      "document": "query Q($n:Int=1){a ...F} fragment F on A {b}",
                      "source": "q.graphql",
                      "fragments": [
                        "F"
                      ],
                      "variables": [
                        {
                          "name": "n",
                          "type": "Int",
                          "defaultValue": "1"
                        }
                      ]
                    }
                  ],
                  "fragments": [
                    {
                      "name": "F",
                      "typeCondition": "A",
                      "source": "f.graphql",
                      "spreads": []
                    }
                  ],
                  "report": {
                    "documents": 2,
                    "operations": 1,
                    "fragments": 1,
                    "errors": 0,
                    "warnings": 0
                  }
                }
                """.formatted(id.hex()), json);
    }

    @Test
    void stringsAreEscapedAsJsonNotAsHtml() {
        Artifact artifact = new Artifact(1, Optional.empty(),
                List.of(new ArtifactOperation(ContentHash.of("x"), "Q", OperationKind.QUERY, "query Q{a(s:\"<\\\"'>\")}",
                        ProjectPath.parse("q.graphql"), List.of(), List.of())),
                List.of(), new ArtifactCounts(1, 1, 0, 0, 0));

        String json = new String(ArtifactJson.render(artifact), StandardCharsets.UTF_8);

        assertEquals(true, json.contains("\"document\": \"query Q{a(s:\\\"<\\\\\\\"'>\\\")}\""), json);
    }
}
