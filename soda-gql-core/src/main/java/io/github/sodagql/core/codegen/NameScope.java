package io.github.sodagql.core.codegen;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The names taken in one Java scope. A name asked for twice gets {@code _2}, {@code _3}, ... in the order
 * asked, so the same inputs always give the same names. Type scopes compare case-insensitively, because
 * classes become files and some file systems ignore case; member scopes compare exactly, as Java does.
 */
final class NameScope {
    private final Set<String> taken = new HashSet<>();
    private final boolean ignoreCase;

    private NameScope(boolean ignoreCase) {
        this.ignoreCase = ignoreCase;
    }

    static NameScope forTypes(Set<String> reserved) {
        NameScope scope = new NameScope(true);
        reserved.forEach(scope::reserve);
        return scope;
    }

    static NameScope forMembers(Set<String> reserved) {
        NameScope scope = new NameScope(false);
        reserved.forEach(scope::reserve);
        return scope;
    }

    void reserve(String name) {
        taken.add(key(name));
    }

    boolean isTaken(String name) {
        return taken.contains(key(name));
    }

    /** {@code base} if free, else {@code base_2}, {@code base_3}, ...; the result is taken. */
    String allocate(String base) {
        String name = base;
        for (int n = 2; isTaken(name); n++) {
            name = base + "_" + n;
        }
        reserve(name);
        return name;
    }

    private String key(String name) {
        return ignoreCase ? name.toLowerCase(Locale.ROOT) : name;
    }
}
