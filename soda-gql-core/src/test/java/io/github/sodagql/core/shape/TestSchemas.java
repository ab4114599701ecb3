package io.github.sodagql.core.shape;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.github.sodagql.core.TestProject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The small schemas of the shape tests, from {@code src/test/resources/shape/}. */
final class TestSchemas {
    private TestSchemas() {}

    static GraphQLSchema load(String resource) {
        try {
            return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(
                    Files.readString(TestProject.resource(resource))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
