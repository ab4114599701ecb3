package io.github.sodagql.core.session;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on the state directory for the length of a build, so that two builds of one project
 * (the IDE and a terminal) run one after the other instead of interleaving their writes. The second build
 * waits; after the timeout it gives up with a clear message.
 */
final class StateLock implements AutoCloseable {
    static final String FILE = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private StateLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static StateLock acquire(Path stateDirectory, long timeoutMillis) throws IOException {
        Files.createDirectories(stateDirectory);
        FileChannel channel = FileChannel.open(stateDirectory.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        long deadline = System.currentTimeMillis() + timeoutMillis;
        try {
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null; // held by another session in this JVM
                }
                if (lock != null) {
                    return new StateLock(channel, lock);
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new IOException("Another soda-gql build of this project holds " + stateDirectory.resolve(FILE)
                            + " and did not finish within " + timeoutMillis / 1000 + " s");
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            channel.close();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the soda-gql state lock", e);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
