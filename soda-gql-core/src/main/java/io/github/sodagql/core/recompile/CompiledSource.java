package io.github.sodagql.core.recompile;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the recompilation rule needs from the classes javac compiled from one source, remembered with the
 * {@link ClassStamp} of the source's own class file ({@code Foo.class} for {@code Foo.java}): javac rewrites
 * that file whenever it compiles the source, so while the stamp holds, the classes need not be read again.
 *
 * @param source            the source, relative to its root ({@code com/example/Foo.java})
 * @param stamp             the stamp of the source's class file when its classes were read
 *                          ({@link ClassStamp#NONE} if it has none: such a summary is never trusted later)
 * @param declaredTypes     the internal names of the top-level types the source declares
 * @param referencedTypes   the top-level types its classes refer to, other than its own and {@code java.*}
 * @param supertypes        the top-level types its classes extend or implement, other than {@code java.*}
 * @param declaresConstants whether any of its classes declares a compile-time constant
 */
public record CompiledSource(String source, ClassStamp stamp, Set<String> declaredTypes, Set<String> referencedTypes,
        Set<String> supertypes, boolean declaresConstants) {

    public CompiledSource {
        declaredTypes = Set.copyOf(declaredTypes);
        referencedTypes = Set.copyOf(referencedTypes);
        supertypes = Set.copyOf(supertypes);
    }

    /** Sums up the classes javac compiled from one source. */
    static CompiledSource of(String source, ClassStamp stamp, Collection<ClassFile> classes) {
        Set<String> declared = new TreeSet<>();
        Set<String> referenced = new TreeSet<>();
        Set<String> supertypes = new TreeSet<>();
        boolean constants = false;
        for (ClassFile type : classes) {
            declared.add(ClassFile.topLevel(type.name()));
            type.referencedTypes().stream().filter(CompiledSource::mayChange).map(ClassFile::topLevel).forEach(referenced::add);
            type.supertypes().stream().filter(CompiledSource::mayChange).map(ClassFile::topLevel).forEach(supertypes::add);
            constants |= type.declaresConstants();
        }
        referenced.removeAll(declared);
        supertypes.removeAll(declared);
        return new CompiledSource(source, stamp, declared, referenced, supertypes, constants);
    }

    /** Both summaries of one source in one: what either knows of it (the first one's stamp). */
    static CompiledSource union(CompiledSource first, CompiledSource second) {
        Set<String> declared = new TreeSet<>(first.declaredTypes);
        declared.addAll(second.declaredTypes);
        Set<String> referenced = new TreeSet<>(first.referencedTypes);
        referenced.addAll(second.referencedTypes);
        Set<String> supertypes = new TreeSet<>(first.supertypes);
        supertypes.addAll(second.supertypes);
        return new CompiledSource(first.source, first.stamp, declared, referenced, supertypes,
                first.declaresConstants || second.declaresConstants);
    }

    /**
     * Whether a type can be among a change's types: any but {@code java.*}, which the JVM does not let a
     * project declare ({@code javax.*} it does: JSR API projects live there). Leaving them out keeps the
     * index small.
     */
    private static boolean mayChange(String type) {
        return !type.startsWith("java/");
    }

    /**
     * The classes this stands for, as {@link RecompilePlan} reads them: one per declared top-level type, with
     * the references, supertypes and constants of all of them (the plan works on top-level types and sources).
     */
    Collection<ClassFile> asClasses() {
        String file = source.substring(source.lastIndexOf('/') + 1);
        return declaredTypes.stream()
                .map(name -> new ClassFile(name, Optional.of(file), referencedTypes, supertypes, declaresConstants))
                .toList();
    }

    /** Whether this summary still stands for the classes of a source whose class file now has {@code now}. */
    boolean holdsFor(ClassStamp now) {
        return now != null && !stamp.equals(ClassStamp.NONE) && stamp.equals(now);
    }
}
