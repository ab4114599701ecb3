package io.github.sodagql.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Measures one run of a task: wall time, process and thread CPU time, allocated bytes, peak heap, GC.
 *
 * <p>Allocated bytes: {@code allocatedBytesThread} is exact for the calling thread. {@code allocatedBytes}
 * sums {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes(long[])} over every thread (the core
 * parses and validates on parallel streams and loads the schema on its own thread): the delta of threads
 * alive before and after, plus threads that start and die during the run (the schema thread), whose last
 * value a 1 ms sampler keeps. A short-lived thread's allocations after its last sample are missed, so the
 * sum is a slight under-estimate. JDK 17 has no total-allocation counter (getTotalThreadAllocatedBytes is JDK 21).
 *
 * <p>Peak heap: the peak usage of every heap memory pool is reset before the run and read after it (no
 * sampling, which misses short builds); the sum of the pools' peaks is reported.
 */
final class Probe {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    static {
        if (THREADS.isThreadAllocatedMemorySupported() && !THREADS.isThreadAllocatedMemoryEnabled()) {
            THREADS.setThreadAllocatedMemoryEnabled(true);
        }
        if (THREADS.isThreadCpuTimeSupported() && !THREADS.isThreadCpuTimeEnabled()) {
            THREADS.setThreadCpuTimeEnabled(true);
        }
    }

    /** Bytes allocated by the harness's own short-lived threads, reported by them just before they end. */
    private static final java.util.concurrent.atomic.AtomicLong ENDED_THREADS = new java.util.concurrent.atomic.AtomicLong();

    private Probe() {}

    /** Called by a harness thread at its end, so that its allocations are counted though it dies. */
    static void threadEnding(long startBytes) {
        ENDED_THREADS.addAndGet(THREADS.getCurrentThreadAllocatedBytes() - startBytes);
    }

    static long currentThreadAllocated() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    /** The measurements of one run, and what the task returned. */
    record Measured<T>(T value, Map<String, Long> metrics) {}

    static <T> Measured<T> measure(Callable<T> task) throws Exception {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isValid()).toList();
        List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
        System.gc();
        Sampler sampler = new Sampler();
        Map<Long, Long> before = allocatedByThread();
        long ended0 = ENDED_THREADS.get();
        long heapBefore = pools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long gcCount0 = gcs.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
        long gcTime0 = gcs.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        long threadAlloc0 = THREADS.getCurrentThreadAllocatedBytes();
        long threadCpu0 = THREADS.getCurrentThreadCpuTime();
        long processCpu0 = OS.getProcessCpuTime();
        sampler.start();
        long wall0 = System.nanoTime();
        T value = task.call();
        long wall = System.nanoTime() - wall0;
        long processCpu = OS.getProcessCpuTime() - processCpu0;
        long threadCpu = THREADS.getCurrentThreadCpuTime() - threadCpu0;
        long threadAlloc = THREADS.getCurrentThreadAllocatedBytes() - threadAlloc0;
        sampler.stopAndJoin();
        Map<Long, Long> after = allocatedByThread();
        long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long gcCount = gcs.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum() - gcCount0;
        long gcTime = gcs.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum() - gcTime0;
        // Every thread seen during the run: its last value (after the run, else the sampler's), minus before.
        Map<Long, Long> last = new HashMap<>(sampler.lastSeen);
        last.putAll(after);
        last.remove(sampler.id);
        long allocated = ENDED_THREADS.get() - ended0;
        for (Map.Entry<Long, Long> e : last.entrySet()) {
            long delta = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (delta > 0) {
                allocated += delta;
            }
        }
        Map<String, Long> metrics = new LinkedHashMap<>();
        metrics.put("wallNanos", wall);
        metrics.put("processCpuNanos", processCpu);
        metrics.put("threadCpuNanos", threadCpu);
        metrics.put("allocatedBytes", allocated);
        metrics.put("allocatedBytesThread", threadAlloc);
        metrics.put("peakHeapBytes", peak);
        metrics.put("heapBeforeBytes", heapBefore);
        metrics.put("gcCount", gcCount);
        metrics.put("gcMillis", gcTime);
        return new Measured<>(value, metrics);
    }

    private static Map<Long, Long> allocatedByThread() {
        long[] ids = THREADS.getAllThreadIds();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        Map<Long, Long> map = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                map.put(ids[i], bytes[i]);
            }
        }
        return map;
    }

    /** Keeps the last allocation count of every thread, every millisecond, so threads that die are counted. */
    private static final class Sampler extends Thread {
        final Map<Long, Long> lastSeen = new HashMap<>();
        volatile boolean running = true;
        final long id;

        Sampler() {
            super("soda-gql-bench-sampler");
            setDaemon(true);
            id = getId();
        }

        @Override
        public void run() {
            while (running) {
                Map<Long, Long> now = allocatedByThread();
                synchronized (lastSeen) {
                    lastSeen.putAll(now);
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stopAndJoin() throws InterruptedException {
            running = false;
            join();
        }
    }
}
