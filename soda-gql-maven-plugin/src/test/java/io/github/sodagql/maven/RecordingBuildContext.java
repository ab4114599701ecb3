package io.github.sodagql.maven;

import java.io.File;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.codehaus.plexus.build.BuildContext;
import org.codehaus.plexus.util.Scanner;
import org.codehaus.plexus.util.SelectorUtils;

/** A BuildContext that records markers, as m2e would show them. */
final class RecordingBuildContext implements BuildContext {
    final List<String> messages = new ArrayList<>();
    final List<File> cleared = new ArrayList<>();
    boolean incremental;
    String[] changed = {};
    String[] deleted = {};
    /** The files and folders with a delta, as m2e knows them; {@code null}: everything has one. */
    java.util.Set<File> deltas;

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
        if (deltas == null) {
            return true;
        }
        // As m2e's resource deltas: a folder has one when anything under it changed.
        java.nio.file.Path asked = file.toPath().toAbsolutePath().normalize();
        return deltas.stream().anyMatch(d -> d.toPath().toAbsolutePath().normalize().startsWith(asked));
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

    /**
     * What m2e's scanners answer: the files that changed (or were deleted) since the last build, selected by
     * plexus globs when it is given any, as m2e's are.
     */
    private static final class FixedScanner implements Scanner {
        private final File basedir;
        private final String[] files;
        private String[] includes = {"**"};
        private String[] excludes = {};

        FixedScanner(File basedir, String[] files) {
            this.basedir = basedir;
            this.files = files;
        }

        @Override
        public void setIncludes(String[] includes) {
            this.includes = includes.clone();
        }

        @Override
        public void setExcludes(String[] excludes) {
            this.excludes = excludes.clone();
        }

        @Override
        public void addDefaultExcludes() {}

        @Override
        public void scan() {}

        @Override
        public String[] getIncludedFiles() {
            return java.util.Arrays.stream(files)
                    .filter(f -> java.util.Arrays.stream(includes).anyMatch(i -> SelectorUtils.matchPath(i, f))
                            && java.util.Arrays.stream(excludes).noneMatch(e -> SelectorUtils.matchPath(e, f)))
                    .toArray(String[]::new);
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
