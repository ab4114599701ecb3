package io.github.sodagql.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** SVG charts made from the reports of one run. */
final class Charts {
    private Charts() {}

    static void write(Path file, List<Harness.Report> reports) throws IOException {
        throw new IOException("charts not implemented yet");
    }
}
