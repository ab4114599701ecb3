package io.github.sodagql.core.recompile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which sources of one compilation must be compiled again so that a change cannot leave a stale class
 * behind: every source that refers to a type whose source changed (javac compiles it anyway: it is newer
 * than its class) or went away, whether by a class reference or by name in its text (compile-time
 * constants such as {@code DOCUMENT} are inlined by javac and leave no reference). A source compiled again
 * because of a reference passes the change on only if it declares constants that others may have inlined,
 * or if one of its classes extends or implements a changed type: what it inherits is part of its API, and a
 * call through it names it, not the changed type. Java signatures are written out in full, so recompiling
 * a class cannot change its API otherwise. Classes without a source in the compilation (an annotation
 * processor's output, what a deleted source left) that refer to a changed type count as changed too. Pure.
 *
 * @param marked sources, relative to their root, whose class must be made stale (the compiler's own rule
 *               then compiles them): they are not stale now but depend on a change
 * @param deleted class files, relative to the classes folder, compiled from a removed source
 * @param changedTypes the internal names of every type whose change may affect other compilations (the
 *                     tests' classes depend on the main ones)
 */
public record RecompilePlan(SortedSet<String> marked, SortedSet<String> deleted, SortedSet<String> changedTypes) {

    public RecompilePlan {
        marked = new TreeSet<>(marked);
        deleted = new TreeSet<>(deleted);
        changedTypes = new TreeSet<>(changedTypes);
    }

    /** Whether a source's text names any of the given simple class names. */
    @FunctionalInterface
    public interface SourceText {
        boolean mentions(String source, Set<String> simpleNames);
    }

    /**
     * @param classes  every class file of the compilation's classes folder, by its path relative to it
     * @param sources  every source of the compilation, relative to its root
     * @param stale    the sources javac will compile anyway (no class, or a class older than the source)
     * @param removed  sources whose classes must go: removed generated sources
     * @param incoming types changed in another compilation this one depends on
     */
    public static RecompilePlan of(Map<String, ClassFile> classes, Set<String> sources, Set<String> stale,
            Set<String> removed, Set<String> incoming, SourceText text) {
        Map<String, List<ClassFile>> bySource = new HashMap<>();
        Map<String, Set<String>> referencedBy = new HashMap<>();
        Map<String, Set<String>> extendedBy = new HashMap<>();
        SortedSet<String> deleted = new TreeSet<>();
        Set<String> changed = new HashSet<>(incoming);
        for (Map.Entry<String, ClassFile> entry : classes.entrySet()) {
            ClassFile type = entry.getValue();
            String source = type.sourcePath();
            bySource.computeIfAbsent(source, s -> new ArrayList<>()).add(type);
            for (String reference : type.referencedTypes()) {
                referencedBy.computeIfAbsent(ClassFile.topLevel(reference), r -> new HashSet<>()).add(source);
            }
            for (String supertype : type.supertypes()) {
                extendedBy.computeIfAbsent(ClassFile.topLevel(supertype), r -> new HashSet<>()).add(source);
            }
            if (removed.contains(source)) {
                deleted.add(entry.getKey());
                changed.add(type.name());
            } else if (stale.contains(source)) {
                changed.add(type.name());
            }
        }
        Set<String> compiled = new HashSet<>(stale);
        compiled.addAll(removed);
        SortedSet<String> marked = new TreeSet<>();
        Set<String> frontier = new HashSet<>(changed);
        while (!frontier.isEmpty()) {
            Set<String> candidates = new HashSet<>();
            Set<String> simpleNames = new HashSet<>();
            for (String type : frontier) {
                String top = ClassFile.topLevel(type);
                candidates.addAll(referencedBy.getOrDefault(top, Set.of()));
                simpleNames.add(top.substring(top.lastIndexOf('/') + 1));
            }
            Set<String> next = new HashSet<>();
            // Subtypes of a changed type changed with it, whether javac compiles them anyway or not.
            for (String type : frontier) {
                for (String subtype : extendedBy.getOrDefault(ClassFile.topLevel(type), Set.of())) {
                    for (ClassFile inheriting : bySource.getOrDefault(subtype, List.of())) {
                        if (changed.add(inheriting.name())) {
                            next.add(inheriting.name());
                        }
                    }
                }
            }
            // Classes whose source is not among the compilation's (written by an annotation processor during the
            // last compile, or left by a deleted source) are never compiled from here, but a processor writes them
            // again from what changed, and what they inherit changed with it: they pass the change on to their users.
            for (String outside : candidates) {
                if (!sources.contains(outside) && !removed.contains(outside)) {
                    for (ClassFile type : bySource.getOrDefault(outside, List.of())) {
                        if (changed.add(type.name())) {
                            next.add(type.name());
                        }
                    }
                }
            }
            for (String source : sources) {
                if (compiled.contains(source)
                        || !(candidates.contains(source) || text.mentions(source, simpleNames))) {
                    continue;
                }
                compiled.add(source);
                marked.add(source);
                for (ClassFile type : bySource.getOrDefault(source, List.of())) {
                    if (type.declaresConstants() && changed.add(type.name())) {
                        next.add(type.name());
                    }
                }
            }
            frontier = next;
        }
        return new RecompilePlan(marked, deleted, new TreeSet<>(changed));
    }

    public boolean isEmpty() {
        return marked.isEmpty() && deleted.isEmpty();
    }
}
