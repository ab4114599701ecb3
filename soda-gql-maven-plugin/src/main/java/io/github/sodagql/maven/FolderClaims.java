package io.github.sodagql.maven;

import io.github.sodagql.core.diagnostic.Diagnostic;
import io.github.sodagql.core.diagnostic.DiagnosticCode;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.project.MavenProject;

/**
 * The folders each execution of the plugin writes to in this build, kept on the project, so that two
 * executions never share one silently: each would take the other's outputs for stale ones, or its snapshot
 * for a changed configuration. A folder equal to, inside or around one that another execution writes to
 * is a {@code CONFIG_INVALID} error naming both. The same execution may claim its folders again (m2e runs it
 * once per incremental build on the same project).
 */
final class FolderClaims {
    private static final String KEY = FolderClaims.class.getName();

    private record Claim(String executionId, boolean usual, String parameter, Path folder) {}

    private FolderClaims() {}

    /** Claims the execution's folders, or says which other execution already writes to one of them. */
    static Optional<Diagnostic> claim(MavenProject project, ExecutionFolders folders) {
        List<Claim> wanted = List.of(
                new Claim(folders.executionId(), folders.usual(), "outputDirectory", normalized(folders.outputDirectory())),
                new Claim(folders.executionId(), folders.usual(), "stateDirectory", normalized(folders.stateDirectory())),
                new Claim(folders.executionId(), folders.usual(), "resourceDirectory", normalized(folders.resourceDirectory())));
        synchronized (project) {
            @SuppressWarnings("unchecked")
            List<Claim> claims = (List<Claim>) project.getContextValue(KEY);
            if (claims == null) {
                claims = new ArrayList<>();
                project.setContextValue(KEY, claims);
            }
            for (Claim mine : wanted) {
                for (Claim theirs : claims) {
                    if (!sameExecution(theirs, mine) && overlap(mine.folder(), theirs.folder())) {
                        return Optional.of(conflict(project, mine, theirs));
                    }
                }
            }
            for (Claim mine : wanted) {
                if (!claims.contains(mine)) {
                    claims.add(mine);
                }
            }
        }
        return Optional.empty();
    }

    private static Path normalized(File folder) {
        return folder.toPath().toAbsolutePath().normalize();
    }

    /**
     * The executions with the usual folders are one: the default one may run under several ids in one build
     * ({@code default}, then {@code default-cli}), and so may a module's only execution.
     */
    private static boolean sameExecution(Claim a, Claim b) {
        return a.executionId().equals(b.executionId()) || (a.usual() && b.usual());
    }

    private static boolean overlap(Path a, Path b) {
        return a.startsWith(b) || b.startsWith(a);
    }

    private static Diagnostic conflict(MavenProject project, Claim mine, Claim theirs) {
        String where = mine.folder().equals(theirs.folder()) ? "is the folder" : "overlaps the folder";
        return Diagnostic.global(DiagnosticCode.CONFIG_INVALID,
                "Configuration '" + mine.parameter() + "' of execution '" + mine.executionId() + "' ("
                        + shown(project, mine.folder()) + ") " + where + " that execution '" + theirs.executionId()
                        + "' uses as its " + theirs.parameter() + " (" + shown(project, theirs.folder())
                        + "); each would delete or overwrite the other's files.",
                "Give each execution its own outputDirectory and stateDirectory, or leave them unset: every "
                        + "execution then gets folders of its own, named after its id.");
    }

    private static String shown(MavenProject project, Path folder) {
        if (project.getBasedir() == null) {
            return folder.toString();
        }
        Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
        return folder.startsWith(base) ? base.relativize(folder).toString().replace('\\', '/') : folder.toString();
    }
}
