package io.github.sodagql.benchmarks;

import graphql.language.Document;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The physical floors: the least a cold build and a no-op build can do.
 *
 * <p>{@code floor-parse}: read and load the schema (graphql-java {@code SchemaParser} and
 * {@code UnExecutableSchemaGenerator}) on its own thread while every document is read and parsed with
 * {@code Parser} on a parallel stream: the same concurrency the core uses, so the ratio compares like
 * with like. {@code floor-stat}: {@code Files.readAttributes} of every input (documents and schema files),
 * sequentially, with the list of inputs known in advance (no directory walk, no stat of outputs).
 */
final class Floors {
    private Floors() {}

    static Long parse(List<Path> schemaFiles, List<Path> documents) {
        CompletableFuture<GraphQLSchema> schema = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            long allocated = Probe.currentThreadAllocated();
            try {
                TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
                for (Path file : schemaFiles) {
                    registry.merge(new SchemaParser().parse(Files.readString(file)));
                }
                schema.complete(UnExecutableSchemaGenerator.makeUnExecutableSchema(registry));
            } catch (Throwable e) {
                schema.completeExceptionally(e);
            } finally {
                Probe.threadEnding(allocated);
            }
        }, "floor-schema");
        thread.setDaemon(true);
        thread.start();
        long definitions = documents.parallelStream().mapToLong(file -> {
            try {
                Document document = Parser.parse(ParserEnvironment.newParserEnvironment()
                        .document(Files.readString(file)).parserOptions(DocIndex.OPTIONS).build());
                return document.getDefinitions().size();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).sum();
        return definitions + schema.join().getAllTypesAsList().size();
    }

    static Long stat(List<Path> inputs) throws IOException {
        long bytes = 0;
        for (Path input : inputs) {
            bytes += Files.readAttributes(input, BasicFileAttributes.class).size();
        }
        return (long) inputs.size() + (bytes & 0);
    }
}
