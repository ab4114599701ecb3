package io.github.sodagql.core.recompile;

import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What the recompilation rule needs from one {@code .class} file: the class's name, the source file javac
 * compiled it from, every type it refers to, and whether it declares compile-time constants that other
 * classes may have inlined. References come from the constant pool (class entries, which include the
 * owners of every method and field used, so {@code b.get().greeting()} counts) and from every descriptor
 * and generic signature (so a value passed along without a call on it counts too); and its superclass and
 * interfaces, because a member inherited from them is used through the class ({@code new Base().v()} names
 * {@code Base} as the owner of {@code v()}, declared in its superclass). Names are JVM internal names
 * ({@code com/example/Foo$Bar}).
 *
 * <p>The bytes are untrusted (anything under {@code target/}): {@link #parse} throws
 * {@link IllegalArgumentException} on anything that is not a well-formed class file, and callers treat such
 * a class as one to recompile.
 */
public record ClassFile(String name, Optional<String> sourceFile, Set<String> referencedTypes,
        Set<String> supertypes, boolean declaresConstants) {

    public ClassFile {
        referencedTypes = Set.copyOf(referencedTypes);
        supertypes = Set.copyOf(supertypes);
    }

    private static final int ACC_PRIVATE = 0x0002;
    private static final int ACC_FINAL = 0x0010;

    /** The package folder of the class, with a trailing slash, or empty for the unnamed package. */
    public String packageFolder() {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash + 1);
    }

    /**
     * The source javac compiled this class from, relative to its source root ({@code com/example/Foo.java}):
     * from the {@code SourceFile} attribute, or for a class compiled without it, its top-level class's name.
     */
    public String sourcePath() {
        return sourceFile.map(file -> packageFolder() + file).orElseGet(() -> topLevel(name) + ".java");
    }

    /** The top-level class of a class name: {@code com/example/Foo$Bar} is in {@code com/example/Foo}. */
    public static String topLevel(String internalName) {
        int slash = internalName.lastIndexOf('/');
        int dollar = internalName.indexOf('$', slash + 1);
        return dollar < 0 ? internalName : internalName.substring(0, dollar);
    }

    public static ClassFile parse(byte[] bytes) {
        try {
            return read(ByteBuffer.wrap(bytes), bytes);
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("truncated class file", e);
        }
    }

    private static ClassFile read(ByteBuffer in, byte[] bytes) {
        if (in.getInt() != 0xCAFEBABE) {
            throw new IllegalArgumentException("not a class file");
        }
        in.getShort();
        in.getShort();
        int count = in.getShort() & 0xFFFF;
        int[] tags = new int[count];
        int[] offsets = new int[count];
        // For a UTF-8 entry its length, for a class entry the index of its name.
        int[] refs = new int[count];
        String[] utf8 = new String[count];
        // Flags by constant pool index, not sets of boxed indexes: this loop runs for every class of a project.
        boolean[] classNames = new boolean[count];
        boolean[] typeTexts = new boolean[count];
        for (int i = 1; i < count; i++) {
            int tag = in.get() & 0xFF;
            tags[i] = tag;
            offsets[i] = in.position();
            switch (tag) {
                case 1 -> {
                    int length = in.getShort() & 0xFFFF;
                    offsets[i] = in.position();
                    refs[i] = length;
                    in.position(in.position() + length);
                }
                case 3, 4 -> in.getInt();
                case 5, 6 -> {
                    in.getLong();
                    i++;
                }
                case 7 -> flag(classNames, refs[i] = in.getShort() & 0xFFFF, true);
                case 16 -> flag(typeTexts, in.getShort() & 0xFFFF, false);
                case 8, 19, 20 -> in.getShort();
                case 9, 10, 11, 17, 18 -> in.getInt();
                case 12 -> {
                    in.getShort();
                    flag(typeTexts, in.getShort() & 0xFFFF, false);
                }
                case 15 -> {
                    in.get();
                    in.getShort();
                }
                default -> throw new IllegalArgumentException("unknown constant pool tag " + tag);
            }
        }
        Pool pool = new Pool(bytes, tags, offsets, refs, utf8);
        in.getShort();
        String name = pool.className(in.getShort() & 0xFFFF);
        Set<String> supertypes = new HashSet<>();
        int superclass = in.getShort() & 0xFFFF;
        if (superclass != 0) {
            supertypes.add(pool.className(superclass));
        }
        int interfaces = in.getShort() & 0xFFFF;
        for (int i = 0; i < interfaces; i++) {
            supertypes.add(pool.className(in.getShort() & 0xFFFF));
        }
        boolean constants = false;
        for (int kind = 0; kind < 2; kind++) {
            int members = in.getShort() & 0xFFFF;
            for (int m = 0; m < members; m++) {
                int access = in.getShort() & 0xFFFF;
                in.getShort();
                flag(typeTexts, in.getShort() & 0xFFFF, false);
                int attributes = in.getShort() & 0xFFFF;
                for (int a = 0; a < attributes; a++) {
                    String attribute = pool.utf8(in.getShort() & 0xFFFF);
                    int length = in.getInt();
                    if (attribute.equals("Signature")) {
                        flag(typeTexts, in.getShort(in.position()) & 0xFFFF, false);
                    } else if (kind == 0 && attribute.equals("ConstantValue")
                            && (access & ACC_FINAL) != 0 && (access & ACC_PRIVATE) == 0) {
                        // Static or not: javac inlines a final field with a constant initializer wherever it is
                        // read (`new Mid().y` too), so both are constants other classes may have copied.
                        constants = true;
                    }
                    in.position(in.position() + length);
                }
            }
        }
        Optional<String> sourceFile = Optional.empty();
        int attributes = in.getShort() & 0xFFFF;
        for (int a = 0; a < attributes; a++) {
            String attribute = pool.utf8(in.getShort() & 0xFFFF);
            int length = in.getInt();
            if (attribute.equals("SourceFile")) {
                sourceFile = Optional.of(pool.utf8(in.getShort(in.position()) & 0xFFFF));
            } else if (attribute.equals("Signature")) {
                flag(typeTexts, in.getShort(in.position()) & 0xFFFF, false);
            }
            in.position(in.position() + length);
        }
        Set<String> types = new HashSet<>();
        for (int index = 1; index < count; index++) {
            if (!classNames[index]) {
                continue;
            }
            String entry = pool.utf8(index);
            if (entry.startsWith("[")) {
                addDescriptorTypes(entry, types);
            } else {
                types.add(entry);
            }
        }
        for (int index = 1; index < count; index++) {
            if (typeTexts[index] && tags[index] == 1) {
                addDescriptorTypes(pool.utf8(index), types);
            }
        }
        types.remove(name);
        supertypes.remove(name);
        return new ClassFile(name, sourceFile, types, supertypes, constants);
    }

    /**
     * The class types named in a descriptor or a generic signature ({@code (ILcom/example/Foo;)V},
     * {@code Ljava/util/List<Lcom/example/Foo$Bar;>;}). Conservative: a stray match only means one more class
     * recompiled.
     */
    static void addDescriptorTypes(String text, Set<String> into) {
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == 'L') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != ';' && text.charAt(end) != '<') {
                    end++;
                }
                if (end < text.length() && end > i + 1) {
                    into.add(text.substring(i + 1, end));
                }
                i = end + 1;
            } else {
                i++;
            }
        }
    }

    /** Marks a constant pool index; a class entry naming no entry at all is a broken class file. */
    private static void flag(boolean[] flags, int index, boolean required) {
        if (index > 0 && index < flags.length) {
            flags[index] = true;
        } else if (required) {
            throw new IllegalArgumentException("bad constant pool index " + index);
        }
    }

    /** Constant pool access for the few entries read after the first pass (modified UTF-8, decoded once). */
    private record Pool(byte[] bytes, int[] tags, int[] offsets, int[] values, String[] utf8) {
        String utf8(int index) {
            if (index <= 0 || index >= tags.length || tags[index] != 1) {
                throw new IllegalArgumentException("bad constant pool index " + index);
            }
            if (utf8[index] == null) {
                utf8[index] = decode(bytes, offsets[index], values[index]);
            }
            return utf8[index];
        }

        String className(int index) {
            if (index <= 0 || index >= tags.length || tags[index] != 7) {
                throw new IllegalArgumentException("bad class index " + index);
            }
            return utf8(values[index]);
        }
    }

    /** Modified UTF-8; nearly every name is ASCII, which the JDK copies into a string in one step. */
    private static String decode(byte[] in, int offset, int length) {
        int end = offset + length;
        if (offset < 0 || end > in.length) {
            throw new IndexOutOfBoundsException("constant outside the class file");
        }
        boolean ascii = true;
        for (int i = offset; i < end; i++) {
            if (in[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(in, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        char[] chars = new char[length];
        int n = 0;
        int i = offset;
        while (i < end) {
            int b = in[i++] & 0xFF;
            if (b < 0x80) {
                chars[n++] = (char) b;
            } else if ((b & 0xE0) == 0xC0) {
                chars[n++] = (char) (((b & 0x1F) << 6) | (in[i++] & 0x3F));
            } else {
                chars[n++] = (char) (((b & 0x0F) << 12) | ((in[i++] & 0x3F) << 6) | (in[i++] & 0x3F));
            }
        }
        return new String(chars, 0, n);
    }
}
