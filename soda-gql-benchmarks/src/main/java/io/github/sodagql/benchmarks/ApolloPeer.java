package io.github.sodagql.benchmarks;

import com.apollographql.apollo.compiler.ApolloCompiler;
import com.apollographql.apollo.compiler.CodegenOptions;
import com.apollographql.apollo.compiler.CodegenSchemaOptions;
import com.apollographql.apollo.compiler.InputFile;
import com.apollographql.apollo.compiler.IrOptions;
import com.apollographql.apollo.compiler.TargetLanguage;
import com.apollographql.apollo.compiler.codegen.SourceOutput;
import com.apollographql.apollo.compiler.codegen.SourceOutputKt;
import java.nio.file.Path;
import java.util.List;

/**
 * The peer: Apollo Kotlin's compiler ({@code com.apollographql.apollo:apollo-compiler}) on the same schema
 * and documents, in the same JVM, generating Java, then writing the sources. Kotlin's default arguments
 * are not usable from Java, so every argument is passed: {@code null} for an option means Apollo's default.
 */
final class ApolloPeer {
    private ApolloPeer() {}

    /** How many files Apollo generated, or why it failed. */
    record Result(int files, String error) {}

    static Result compile(List<Path> schemaFiles, List<Path> documents, Path output) {
        try {
            List<InputFile> schemas = schemaFiles.stream().map(ApolloPeer::input).toList();
            List<InputFile> executables = documents.stream().map(ApolloPeer::input).toList();
            // fieldsOnDisjointTypesMustMerge = false: Apollo's default (true) rejects what the GraphQL spec allows
            // and graphql-java accepts (artsy's Relay documents select `edges` of different types on disjoint
            // types); every other option is Apollo's default.
            IrOptions irOptions = new IrOptions(false, null, null, null, null, null, null, null, null);
            CodegenOptions codegenOptions = new CodegenOptions(TargetLanguage.JAVA, "bench.apollo", null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null);
            SourceOutput sources = ApolloCompiler.INSTANCE.buildSchemaAndOperationsSources(schemas, executables,
                    new CodegenSchemaOptions(), irOptions, codegenOptions, null, null, null, null, null, null,
                    message -> { }, null);
            SourceOutputKt.writeTo(sources, output.toFile(), true, null);
            return new Result(sources.getFiles().size(), null);
        } catch (RuntimeException | LinkageError e) {
            String message = String.valueOf(e.getMessage());
            return new Result(0, "Apollo compiler failed: " + e.getClass().getSimpleName() + ": "
                    + message.substring(0, Math.min(600, message.length())));
        }
    }

    private static InputFile input(Path file) {
        return new InputFile(file.toFile(), file.toString().replace(java.io.File.separatorChar, '/'));
    }
}
