package io.github.sodagql.benchmarks;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/** Min, median and max of a metric over iterations. */
final class Stats {
    private Stats() {}

    static double[] values(List<Harness.Iteration> its, String metric) {
        return its.stream().filter(it -> it.metrics.containsKey(metric)).mapToDouble(it -> it.metrics.get(metric))
                .sorted().toArray();
    }

    static double min(List<Harness.Iteration> its, String metric) {
        double[] v = values(its, metric);
        return v.length == 0 ? Double.NaN : v[0];
    }

    static double max(List<Harness.Iteration> its, String metric) {
        double[] v = values(its, metric);
        return v.length == 0 ? Double.NaN : v[v.length - 1];
    }

    static double median(List<Harness.Iteration> its, String metric) {
        double[] v = values(its, metric);
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static Map<String, Double> summary(List<Harness.Iteration> its, BiFunction<List<Harness.Iteration>, String, Double> f) {
        Set<String> keys = new LinkedHashSet<>();
        its.forEach(it -> keys.addAll(it.metrics.keySet()));
        Map<String, Double> out = new LinkedHashMap<>();
        keys.forEach(k -> out.put(k, f.apply(its, k)));
        return out;
    }
}
