package io.github.sodagql.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/** A Maven log that keeps its lines, prefixed with the level as Maven prints it. */
final class RecordingLog implements Log {
    final List<String> lines = new ArrayList<>();

    @Override
    public boolean isDebugEnabled() {
        return false;
    }

    @Override
    public void debug(CharSequence content) {
        lines.add("[DEBUG] " + content);
    }

    @Override
    public void debug(CharSequence content, Throwable error) {
        debug(content);
    }

    @Override
    public void debug(Throwable error) {
        debug(String.valueOf(error));
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public void info(CharSequence content) {
        lines.add("[INFO] " + content);
    }

    @Override
    public void info(CharSequence content, Throwable error) {
        info(content);
    }

    @Override
    public void info(Throwable error) {
        info(String.valueOf(error));
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public void warn(CharSequence content) {
        lines.add("[WARNING] " + content);
    }

    @Override
    public void warn(CharSequence content, Throwable error) {
        warn(content);
    }

    @Override
    public void warn(Throwable error) {
        warn(String.valueOf(error));
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    public void error(CharSequence content) {
        lines.add("[ERROR] " + content);
    }

    @Override
    public void error(CharSequence content, Throwable error) {
        error(content);
    }

    @Override
    public void error(Throwable error) {
        error(String.valueOf(error));
    }
}
