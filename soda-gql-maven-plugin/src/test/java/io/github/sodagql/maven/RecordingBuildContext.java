package io.github.sodagql.maven;

import java.io.File;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.codehaus.plexus.build.BuildContext;
import org.codehaus.plexus.util.Scanner;

/** A BuildContext that records markers, as m2e would show them. */
final class RecordingBuildContext implements BuildContext {
    final List<String> messages = new ArrayList<>();
    final List<File> cleared = new ArrayList<>();
    boolean incremental;
    String[] changed = {};
    String[] deleted = {};

    @Override
    public void addMessage(File file, int line, int column, String message, int severity, Throwable cause) {
        messages.add((severity == SEVERITY_ERROR ? "E " : "W ") + file.getName() + ":" + line + ":" + column + " " + message);
    }

    @Override
    public void removeMessages(File file) {
        cleared.add(file);
    }

    @Override
    public boolean hasDelta(String relpath) {
        return true;
    }

    @Override
    public boolean hasDelta(File file) {
        return true;
    }

    @Override
    public boolean hasDelta(List<String> relpaths) {
        return true;
    }

    @Override
    public void refresh(File file) {}

    @Override
    public OutputStream newFileOutputStream(File file) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Scanner newScanner(File basedir) {
        return new FixedScanner(basedir, changed);
    }

    @Override
    public Scanner newDeleteScanner(File basedir) {
        return new FixedScanner(basedir, deleted);
    }

    @Override
    public Scanner newScanner(File basedir, boolean ignoreDelta) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isIncremental() {
        return incremental;
    }

    @Override
    public void setValue(String key, Object value) {}

    @Override
    public Object getValue(String key) {
        return null;
    }

    @Override
    public void addWarning(File file, int line, int column, String message, Throwable cause) {
        addMessage(file, line, column, message, SEVERITY_WARNING, cause);
    }

    @Override
    public void addError(File file, int line, int column, String message, Throwable cause) {
        addMessage(file, line, column, message, SEVERITY_ERROR, cause);
    }

    @Override
    public boolean isUptodate(File target, File source) {
        return false;
    }

    /** What m2e's scanners answer: the files that changed (or were deleted) since the last build. */
    private record FixedScanner(File basedir, String[] files) implements Scanner {
        @Override
        public void setIncludes(String[] includes) {}

        @Override
        public void setExcludes(String[] excludes) {}

        @Override
        public void addDefaultExcludes() {}

        @Override
        public void scan() {}

        @Override
        public String[] getIncludedFiles() {
            return files.clone();
        }

        @Override
        public String[] getIncludedDirectories() {
            return new String[0];
        }

        @Override
        public File getBasedir() {
            return basedir;
        }

        @Override
        public void setFilenameComparator(java.util.Comparator<String> comparator) {}
    }
}
