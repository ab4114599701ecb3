package io.github.sodagql.core.recompile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassFileTest {
    @TempDir
    Path folder;

    private ClassFile read(CompiledProject project, String name) throws IOException {
        return ClassFile.parse(Files.readAllBytes(project.classes.resolve(name + ".class")));
    }

    @Test
    void aMethodCalledOnAnUnnamedTypeCountsAsAReference() throws IOException {
        ClassFile chain = read(new CompiledProject(folder), "com/example/app/Chain");
        assertTrue(chain.referencedTypes().contains("com/example/graphql/HelloQuery$Data"), chain.toString());
        assertEquals("com/example/app/Chain", chain.name());
        assertEquals("com/example/app/Chain.java", chain.sourcePath());
    }

    @Test
    void aPublicStaticFinalStringIsAConstantOthersMayInline() throws IOException {
        assertTrue(read(new CompiledProject(folder), "com/example/app/Relay").declaresConstants());
    }

    @Test
    void nestedClassesNameTheirSourceFile() throws IOException {
        ClassFile icon = read(new CompiledProject(folder), "com/example/graphql/Badge$Icon");
        assertEquals(Optional.of("Badge.java"), icon.sourceFile());
        assertEquals("com/example/graphql/Badge.java", icon.sourcePath());
        assertEquals("com/example/graphql/Badge", ClassFile.topLevel(icon.name()));
    }

    @Test
    void descriptorsAndSignaturesNameTheirTypes() {
        java.util.Set<String> types = new java.util.HashSet<>();
        ClassFile.addDescriptorTypes("(ILcom/example/A;[Lcom/example/B$C;)Ljava/util/List<Lcom/example/D;>;", types);
        assertEquals(java.util.Set.of("com/example/A", "com/example/B$C", "java/util/List", "com/example/D"), types);
    }

    @Test
    void bytesThatAreNotAClassFileAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ClassFile.parse("not a class".getBytes()));
        assertThrows(IllegalArgumentException.class, () -> ClassFile.parse(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA,
                (byte) 0xBE, 0, 0, 0, 61, 0, 9, 7}));
    }
}
