package io.github.sodagql.core.recompile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecompilePlanTest {
    private static ClassFile type(String name, boolean constants, String... references) {
        return new ClassFile(name, Optional.empty(), Set.of(references), Set.of(), constants);
    }

    private static final Map<String, ClassFile> CLASSES = Map.of(
            "g/Hello.class", type("g/Hello", true),
            "a/Inliner.class", type("a/Inliner", false),
            "a/Caller.class", type("a/Caller", false, "g/Hello$Data"),
            "a/Relay.class", type("a/Relay", true, "g/Hello"),
            "a/RelayUser.class", type("a/RelayUser", false),
            "a/Other.class", type("a/Other", false, "java/lang/String"));
    private static final Set<String> SOURCES = Set.of("g/Hello.java", "a/Inliner.java", "a/Caller.java",
            "a/Relay.java", "a/RelayUser.java", "a/Other.java");

    @Test
    void aSourceThatNamesAChangedTypeIsMarkedWithoutAReference() {
        RecompilePlan plan = RecompilePlan.of(CLASSES, SOURCES, Set.of("g/Hello.java"), Set.of(), Set.of(),
                (source, names) -> source.equals("a/Inliner.java") && names.contains("Hello"));
        assertEquals(Set.of("a/Inliner.java", "a/Caller.java", "a/Relay.java"), plan.marked());
    }

    @Test
    void onlyMarkedClassesWithConstantsPassTheChangeOn() {
        RecompilePlan plan = RecompilePlan.of(CLASSES, SOURCES, Set.of("g/Hello.java"), Set.of(), Set.of(),
                (source, names) -> source.equals("a/RelayUser.java") && names.contains("Relay"));
        assertEquals(Set.of("a/Caller.java", "a/Relay.java", "a/RelayUser.java"), plan.marked());
        assertEquals(Set.of("g/Hello", "a/Relay"), plan.changedTypes());
    }

    @Test
    void typesChangedElsewhereMarkTheUsersOfTheirWholeSource() {
        // A nested type changed: its source changed, so a user of any type in it is compiled again.
        RecompilePlan plan = RecompilePlan.of(CLASSES, SOURCES, Set.of(), Set.of(), Set.of("g/Hello$Data"),
                (source, names) -> false);
        assertEquals(Set.of("a/Caller.java", "a/Relay.java"), plan.marked());
    }

    @Test
    void classesOfRemovedSourcesAreDeletedAndTheirUsersMarked() {
        RecompilePlan plan = RecompilePlan.of(CLASSES, Set.of("a/Inliner.java", "a/Caller.java", "a/Relay.java",
                "a/RelayUser.java", "a/Other.java"), Set.of(), Set.of("g/Hello.java"), Set.of(), (source, names) -> false);
        assertEquals(Set.of("g/Hello.class"), plan.deleted());
        assertEquals(Set.of("a/Caller.java", "a/Relay.java"), plan.marked());
    }

    @Test
    void aSubclassOfAChangedTypePassesTheChangeOnToItsUsers() {
        // Dep calls new Base().v(): javac names Base as the owner, v() is Lib's. Lib changes, Base's source does not.
        Map<String, ClassFile> classes = Map.of(
                "a/Lib.class", type("a/Lib", false),
                "a/Base.class", new ClassFile("a/Base", Optional.empty(), Set.of("a/Lib"), Set.of("a/Lib"), false),
                "a/Dep.class", type("a/Dep", false, "a/Base"),
                "a/Bystander.class", type("a/Bystander", false, "a/Dep"));
        RecompilePlan plan = RecompilePlan.of(classes, Set.of("a/Lib.java", "a/Base.java", "a/Dep.java", "a/Bystander.java"),
                Set.of("a/Lib.java"), Set.of(), Set.of(), (source, names) -> false);
        assertEquals(Set.of("a/Base.java", "a/Dep.java"), plan.marked());
        assertEquals(Set.of("a/Lib", "a/Base"), plan.changedTypes());
    }
}
