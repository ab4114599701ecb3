package io.github.sodagql.core.recompile;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the recompilation rule needs from the classes javac compiled from one source, remembered with the
 * stamp (modification time and size) of the source's own class file ({@code Foo.class} for {@code Foo.java}):
 * javac rewrites that file whenever it compiles the source, so while the stamp holds, the classes need not
 * be read again.
 *
 * @param source            the source, relative to its root ({@code com/example/Foo.java})
 * @param classMillis       the modification time of the source's class file
 * @param classSize         its size in bytes
 * @param declaredTypes     the internal names of the top-level types the source declares
 * @param referencedTypes   the top-level types its classes refer to, other than its own and the JDK's
 * @param declaresConstants whether any of its classes declares a compile-time constant
 */
public record CompiledSource(String source, long classMillis, long classSize, Set<String> declaredTypes,
        Set<String> referencedTypes, boolean declaresConstants) {

    public CompiledSource {
        declaredTypes = Set.copyOf(declaredTypes);
        referencedTypes = Set.copyOf(referencedTypes);
    }

    /** Sums up the classes javac compiled from one source. */
    static CompiledSource of(String source, long classMillis, long classSize, Collection<ClassFile> classes) {
        Set<String> declared = new TreeSet<>();
        Set<String> referenced = new TreeSet<>();
        boolean constants = false;
        for (ClassFile type : classes) {
            declared.add(ClassFile.topLevel(type.name()));
            for (String reference : type.referencedTypes()) {
                // The JDK's types are never among a change's types: leaving them out keeps the index small.
                if (!reference.startsWith("java/") && !reference.startsWith("javax/")) {
                    referenced.add(ClassFile.topLevel(reference));
                }
            }
            constants |= type.declaresConstants();
        }
        referenced.removeAll(declared);
        return new CompiledSource(source, classMillis, classSize, declared, referenced, constants);
    }

    /**
     * The classes this stands for, as {@link RecompilePlan} reads them: one per declared top-level type, with
     * the references and the constants of all of them (the plan works on top-level types and on sources).
     */
    Collection<ClassFile> asClasses() {
        String file = source.substring(source.lastIndexOf('/') + 1);
        return declaredTypes.stream()
                .map(name -> new ClassFile(name, Optional.of(file), referencedTypes, declaresConstants))
                .toList();
    }

    boolean hasStamp(long millis, long size) {
        return classMillis == millis && classSize == size;
    }
}
