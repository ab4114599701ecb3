package io.github.sodagql.core.output;

import io.github.sodagql.core.source.ProjectPath;
import java.util.Arrays;
import java.util.Objects;

/** A file the build produces: where it goes and its exact bytes. */
public record OutputFile(ProjectPath path, byte[] bytes) {
    public OutputFile {
        Objects.requireNonNull(path, "path");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutputFile file && path.equals(file.path) && Arrays.equals(bytes, file.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * path.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return path + " (" + bytes.length + " bytes)";
    }
}
