package io.github.sodagql.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mvn-loop table over repeated rounds: medians per step, and each round's own edit / cold. */
class MavenLoopTableTest {
    private static MavenLoop.Step step(String scenario, long wall) {
        return new MavenLoop.Step(scenario, wall, 100, 1, 0, Path.of("log"));
    }

    private static final List<MavenLoop.Step> THREE_ROUNDS = List.of(
            step("mvn-validate", 1_000),
            step("mvn-compile-cold", 30_000), step("mvn-compile-noop", 3_000), step("mvn-compile-edit-leaf-fragment", 6_000),
            step("mvn-compile-cold", 40_000), step("mvn-compile-noop", 2_000), step("mvn-compile-edit-leaf-fragment", 9_000),
            step("mvn-compile-cold", 33_000), step("mvn-compile-noop", 4_000), step("mvn-compile-edit-leaf-fragment", 6_600));

    @Test
    void eachStepIsItsMedianRoundInTheOrderTheStepsFirstRan() {
        List<MavenLoop.Step> medians = MavenLoop.medians(THREE_ROUNDS);

        assertEquals(List.of("mvn-validate", "mvn-compile-cold", "mvn-compile-noop", "mvn-compile-edit-leaf-fragment"),
                medians.stream().map(MavenLoop.Step::scenario).toList());
        assertEquals(List.of(1_000L, 33_000L, 3_000L, 6_600L), medians.stream().map(MavenLoop.Step::wallMillis).toList());
    }

    @Test
    void eachRoundsEditIsOverTheColdBuildOfTheSameRound() {
        assertEquals(List.of(0.2, 0.225, 0.2), MavenLoop.editRatios(THREE_ROUNDS));
    }

    @Test
    void theTableShowsMediansRangesAndTheRoundsRatios() {
        String table = MavenLoop.markdown("artsy", 1755, 1944, THREE_ROUNDS, false);

        assertTrue(table.contains("| mvn-compile-edit-leaf-fragment | 6,600 (6,000 to 9,000; 3 runs) | 100 | 1 | 20.0% |"), table);
        assertTrue(table.contains("Each round's edit / cold: 20.0%, 22.5%, 20.0%."), table);
    }

    @Test
    void oneRoundIsTheTableAsBefore() {
        String table = MavenLoop.markdown("artsy", 1755, 1944, THREE_ROUNDS.subList(0, 4), false);

        assertTrue(table.contains("| mvn-compile-edit-leaf-fragment | 6,000 | 100 | 1 | 20.0% |"), table);
        assertTrue(!table.contains("Each round"), table);
    }
}
