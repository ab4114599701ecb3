package io.github.sodagql.core.recompile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What tells one state of a class file from another without reading it: its modification time, its size and,
 * where the file system has one, its change time (ctime, which no tool can set back: a rewrite that keeps the
 * size and has its modification time restored still moves it). javac rewrites {@code Foo.class} whenever it
 * compiles {@code Foo.java}; this stamp moves with it.
 *
 * @param modifiedMillis the modification time, what the compiler plugin compares with the source's
 * @param size           the size in bytes
 * @param changedNanos   the change time in nanoseconds, or -1 where the file system does not say
 */
public record ClassStamp(long modifiedMillis, long size, long changedNanos) {
    /** The stamp of a source that has no class file of its own name: it matches no file. */
    static final ClassStamp NONE = new ClassStamp(-1, -1, -1);

    /**
     * The stamp of a regular file, not following links (a link is not a class javac wrote here, and the
     * check never touches a file through one), or null if there is none.
     */
    static ClassStamp of(Path file) throws IOException {
        try {
            try {
                // One stat for all four.
                Map<String, Object> unix = Files.readAttributes(file, "unix:isRegularFile,lastModifiedTime,size,ctime",
                        LinkOption.NOFOLLOW_LINKS);
                if (!Boolean.TRUE.equals(unix.get("isRegularFile"))) {
                    return null;
                }
                return new ClassStamp(((FileTime) unix.get("lastModifiedTime")).toMillis(), (Long) unix.get("size"),
                        ((FileTime) unix.get("ctime")).to(TimeUnit.NANOSECONDS));
            } catch (UnsupportedOperationException e) {
                // No "unix" view (Windows): modification time and size alone.
            }
            BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return basic.isRegularFile() ? new ClassStamp(basic.lastModifiedTime().toMillis(), basic.size(), -1) : null;
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
