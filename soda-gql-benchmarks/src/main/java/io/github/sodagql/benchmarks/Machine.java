package io.github.sodagql.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the numbers were measured on. */
final class Machine {
    private Machine() {}

    static Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        int cores = Runtime.getRuntime().availableProcessors();
        var os = ManagementFactory.getOperatingSystemMXBean();
        m.put("cpu", cpu);
        m.put("cores", cores);
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("maxHeapMB", Runtime.getRuntime().maxMemory() / (1 << 20));
        m.put("loadAverageAtStart", os.getSystemLoadAverage());
        m.put("summary", String.format("%s, %d cores, %s, max heap %d MB, load average %.2f at start", cpu, cores,
                m.get("java"), Runtime.getRuntime().maxMemory() / (1 << 20), os.getSystemLoadAverage()));
        return m;
    }
}
