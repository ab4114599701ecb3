package io.github.sodagql.core.session;

import io.github.sodagql.core.config.SodaGqlConfig;
import io.github.sodagql.core.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One build of a project in a JVM of its own, for tests that kill it ({@code kill -9}: no finally block or shutdown
 * hook runs) or run several at once. The child prints {@value #STARTED} when its JVM is up and the build begins, and
 * {@code finished MODE ERRORS WRITTEN} when the build returned, so that the parent can time a kill from the start of the
 * build rather than from the start of the JVM. It builds with {@link #config}, exactly as the parent does in-process.
 *
 * <p>{@code java -cp CLASSPATH io.github.sodagql.core.session.ChildBuild PROJECT_DIR}
 */
final class ChildBuild {
    static final String PACKAGE = "com.example.scaled";
    static final String STARTED = "started";
    static final String FINISHED = "finished";

    private final Process process;
    private final CompletableFuture<Long> started = new CompletableFuture<>();
    private final CompletableFuture<String> finished = new CompletableFuture<>();
    private final List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());

    private ChildBuild(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readOutput, "child-build-output");
        reader.setDaemon(true);
        reader.start();
    }

    static SodaGqlConfig config(Path project) {
        return SodaGqlConfig.builder(project.toAbsolutePath().normalize()).javaPackage(PACKAGE).build();
    }

    public static void main(String[] args) {
        BuilderSession session = new BuilderSession(config(Path.of(args[0])));
        System.out.println(STARTED);
        System.out.flush();
        BuildResult result = session.buildInitial();
        result.diagnostics().stream().filter(Diagnostic::isError).limit(5).forEach(d -> System.out.println(d.format()));
        System.out.println(FINISHED + " " + result.report().mode() + " "
                + result.diagnostics().stream().filter(Diagnostic::isError).count() + " "
                + result.report().counters().filesWritten());
        System.out.flush();
    }

    /** Starts a child build of {@code project}. */
    static ChildBuild start(Path project) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // A small heap and one JIT thread: the machine runs the parent, the child and often other builds.
        return new ChildBuild(new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), ChildBuild.class.getName(), project.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .start());
    }

    private void readOutput() {
        try (var lines = process.inputReader()) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                if (line.equals(STARTED)) {
                    started.complete(System.nanoTime());
                } else if (line.startsWith(FINISHED + " ")) {
                    finished.complete(line);
                }
            }
        } catch (IOException e) {
            // The child was killed: its output ends here.
        }
        started.complete(-1L);
        finished.complete("");
    }

    /** Waits until the build begins; the {@link System#nanoTime} of the moment the parent heard of it. */
    long awaitStart() throws Exception {
        long at = started.get(60, TimeUnit.SECONDS);
        if (at < 0) {
            throw new AssertionError("the child build ended before it started: " + output);
        }
        return at;
    }

    /** Whether the child printed that its build began (it may have, and not yet been heard). */
    boolean hasStarted() {
        return started.isDone() && started.join() >= 0;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** {@code kill -9}, and waits until the process is gone. */
    void kill() throws Exception {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("a killed child build did not exit");
        }
    }

    /** Waits for the child to finish on its own; its {@code finished} line. */
    String awaitFinish() throws Exception {
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("a child build did not finish within 120 s: " + output);
        }
        String line = finished.get(10, TimeUnit.SECONDS);
        if (process.exitValue() != 0 || line.isEmpty()) {
            throw new AssertionError("a child build exited with " + process.exitValue() + ": " + output);
        }
        return line;
    }

    boolean waitFor(long millis) throws InterruptedException {
        return process.waitFor(millis, TimeUnit.MILLISECONDS);
    }

    int exitValue() {
        return process.exitValue();
    }

    List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    /** The file key (inode) of {@code file}, or "absent": an atomic replacement of the file changes it. */
    static Object fileKey(Path file) {
        try {
            Object key = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            return key == null ? Files.getLastModifiedTime(file) : key;
        } catch (IOException e) {
            return "absent";
        }
    }
}
