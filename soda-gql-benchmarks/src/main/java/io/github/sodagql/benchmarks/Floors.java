package io.github.sodagql.benchmarks;

import graphql.language.Document;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.EchoingWiringFactory;
import graphql.schema.idl.FastSchemaGenerator;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The physical floors: the least a cold build and a no-op build can do.
 *
 * <p>{@code floor-parse}: read and load the schema (graphql-java {@code SchemaParser} and
 * {@code FastSchemaGenerator} with validation, its fastest) on its own thread while every document is read and parsed with
 * {@code Parser} on a parallel stream: the same concurrency the core uses, so the ratio compares like
 * with like. {@code floor-stat}: {@code Files.readAttributes} of every input (documents and schema files),
 * sequentially, with the list of inputs known in advance (no directory walk, no stat of outputs).
 * {@code floor-write}: write the files a cold build generates, with their bytes, into an empty folder, one
 * {@code Files.write} each (directories created as met): what any code generator pays to the file system.
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
                // graphql-java's fastest validated build, the one the core uses for a schema it has not seen.
                RuntimeWiring wiring = EchoingWiringFactory.newEchoingWiring(builder -> registry.scalars().keySet().stream()
                        .filter(name -> !ScalarInfo.isGraphqlSpecifiedScalar(name))
                        .forEach(name -> builder.scalar(EchoingWiringFactory.fakeScalar(name))));
                schema.complete(new FastSchemaGenerator().makeExecutableSchema(
                        SchemaGenerator.Options.defaultOptions(), registry, wiring));
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

    /** Every regular file under {@code root}, with its bytes, in path order. */
    static List<Map.Entry<Path, byte[]>> readTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            List<Map.Entry<Path, byte[]>> files = new ArrayList<>();
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.add(Map.entry(file, Files.readAllBytes(file)));
            }
            return files;
        }
    }

    static Long write(List<Map.Entry<Path, byte[]>> files) throws IOException {
        long bytes = 0;
        for (Map.Entry<Path, byte[]> file : files) {
            Files.createDirectories(file.getKey().getParent());
            Files.write(file.getKey(), file.getValue());
            bytes += file.getValue().length;
        }
        return (long) files.size() + (bytes & 0);
    }
}
