package io.github.sodagql.core.session;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Times the stages of one build, in the order they ran. Times go to the report, never into outputs. */
final class StageClock {
    private final long start = System.nanoTime();
    private final Map<String, Long> nanos = Collections.synchronizedMap(new LinkedHashMap<>());

    /** Times work that runs beside other stages (its time overlaps theirs in the total). */
    <T> T timeConcurrently(String stage, Supplier<T> work) {
        return time(stage, work);
    }

    <T> T time(String stage, Supplier<T> work) {
        long begin = System.nanoTime();
        try {
            return work.get();
        } finally {
            nanos.merge(stage, System.nanoTime() - begin, Long::sum);
        }
    }

    Map<String, Long> stageMillis() {
        Map<String, Long> millis = new LinkedHashMap<>();
        synchronized (nanos) {
            nanos.forEach((stage, n) -> millis.put(stage, n / 1_000_000));
        }
        return Collections.unmodifiableMap(millis);
    }

    long totalMillis() {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
