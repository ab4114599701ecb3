package io.github.sodagql.benchmarks;

import java.nio.file.Path;
import java.util.List;

/** Apollo Kotlin's compiler on the same schema and documents, generating Java. */
final class ApolloPeer {
    private ApolloPeer() {}

    record Result(int files, String error) {}

    static Result compile(List<Path> schemaFiles, List<Path> documents, Path output) {
        return new Result(0, "apollo peer not implemented yet");
    }
}
