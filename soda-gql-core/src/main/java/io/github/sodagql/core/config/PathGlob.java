package io.github.sodagql.core.config;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;

/**
 * A glob over {@code /}-separated relative paths, as Ant and Maven users write them: a leading
 * {@code **}{@code /} also matches zero folders, so {@code **}{@code /*.graphql} matches {@code a.graphql}.
 */
public final class PathGlob {
    /** The JDK's globs ignore case on Windows, and only there. */
    private static final boolean GLOBS_IGNORE_CASE = java.io.File.separatorChar == '\\';

    private final PathMatcher matcher;
    private final PathMatcher matcherWithoutLeadingFolders;
    /** For {@code **}{@code /*.graphql}, the common case, {@code .graphql}: a name's suffix decides, no matcher runs. */
    private final String anyFolderSuffix;

    public PathGlob(String pattern) {
        String rest = pattern.startsWith("**/*") ? pattern.substring(4) : null;
        this.anyFolderSuffix = rest != null && rest.chars().noneMatch(c -> "*?[]{}\\/".indexOf(c) >= 0) ? rest : null;
        this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        this.matcherWithoutLeadingFolders = pattern.startsWith("**/")
                ? FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(3))
                : null;
    }

    public static boolean isValid(String pattern) {
        try {
            new PathGlob(pattern);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** True when {@code relativePath} (relative to the folder the glob is written for) matches. */
    public boolean matches(Path relativePath) {
        if (anyFolderSuffix != null) {
            Path name = relativePath.getFileName();
            return name != null && nameEndsWith(name.toString(), anyFolderSuffix);
        }
        return matcher.matches(relativePath)
                || (matcherWithoutLeadingFolders != null && matcherWithoutLeadingFolders.matches(relativePath));
    }

    /** Whether a file name ends with {@code suffix} as this platform's globs see it: ignoring case on Windows. */
    public static boolean nameEndsWith(String name, String suffix) {
        return GLOBS_IGNORE_CASE
                ? name.regionMatches(true, name.length() - suffix.length(), suffix, 0, suffix.length())
                : name.endsWith(suffix);
    }
}
