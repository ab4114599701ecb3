package io.github.sodagql.benchmarks;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * SVG charts from the harness's own results (metrics.json files, or the reports of this run): median wall
 * time against the number of documents on log-log axes for cold, noop and edit-leaf-fragment, and soda-gql's
 * cold build against Apollo's compiler per fixture.
 */
final class Charts {
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};
    static final List<String> SCALING = List.of("cold", "noop", "noop-rebuild", "edit-leaf-fragment", "floor-parse");

    private Charts() {}

    /** fixture -> (documents, scenario -> median wall ms). */
    record Point(String fixture, int documents, Map<String, Double> medianMillis) {}

    static void write(Path file, List<Harness.Report> reports) throws IOException {
        List<Point> points = new ArrayList<>();
        for (Harness.Report r : reports) {
            Map<String, Double> ms = new LinkedHashMap<>();
            r.scenarios.forEach((name, its) -> ms.put(name, Stats.median(its, "wallNanos") / 1e6));
            points.add(new Point(r.fixture, r.documents, ms));
        }
        writeBoth(file, points);
    }

    /** Reads every metrics.json under the folders (in-process runs only; the first of a fixture's scenario wins). */
    static List<Point> read(List<Path> folders) throws IOException {
        Map<String, Point> byFixture = new TreeMap<>();
        for (Path folder : folders) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(folder)) {
                files = walk.filter(p -> p.getFileName().toString().equals("metrics.json")).sorted().toList();
            }
            for (Path f : files) {
                JsonObject json = JsonParser.parseString(Files.readString(f)).getAsJsonObject();
                if (json.getAsJsonObject("options").get("freshJvm").getAsBoolean()) {
                    continue;
                }
                String fixture = json.get("fixture").getAsString();
                Point point = byFixture.computeIfAbsent(fixture,
                        k -> new Point(k, json.get("documents").getAsInt(), new LinkedHashMap<>()));
                json.getAsJsonObject("scenarios").entrySet().forEach(e -> point.medianMillis().putIfAbsent(e.getKey(),
                        e.getValue().getAsJsonObject().getAsJsonObject("median").get("wallNanos").getAsDouble() / 1e6));
            }
        }
        List<Point> points = new ArrayList<>(byFixture.values());
        points.sort((a, b) -> Integer.compare(a.documents(), b.documents()));
        return points;
    }

    /** Writes FILE (scaling) and FILE with "-apollo" before ".svg" (the peer). */
    static void writeBoth(Path file, List<Point> points) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(file, scaling(points));
        String name = file.getFileName().toString().replaceFirst("\\.svg$", "");
        Files.writeString(parent.resolve(name + "-apollo.svg"), apollo(points));
    }

    static String scaling(List<Point> points) {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort((a, b) -> Integer.compare(a.documents(), b.documents()));
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (String scenario : SCALING) {
            List<double[]> xy = new ArrayList<>();
            for (Point p : sorted) {
                Double ms = p.medianMillis().get(scenario);
                if (ms != null && ms > 0 && p.documents() > 0) {
                    xy.add(new double[] {p.documents(), ms});
                }
            }
            if (!xy.isEmpty()) {
                series.put(scenario, xy);
            }
        }
        Svg svg = new Svg("soda-gql: median wall time vs documents (log-log, one JVM, warm)", "documents", "ms");
        return svg.lines(series, sorted);
    }

    static String apollo(List<Point> points) {
        List<Point> withApollo = points.stream().filter(p -> p.medianMillis().containsKey("apollo")
                && p.medianMillis().containsKey("cold")).toList();
        Svg svg = new Svg("cold build: soda-gql vs Apollo Kotlin 4.3.3 compiler (Java output), median ms, log scale",
                "fixture", "ms");
        return svg.bars(withApollo, List.of("cold", "apollo"), List.of("soda-gql cold", "Apollo compiler"));
    }

    /**
     * The edit loop of one fixture as stacked bars, one per {@code mvn compile} step: Maven's own floor
     * ({@code mvn validate}), the soda-gql plugin (its summary line's time), and the rest (the compiler plugin
     * and javac, mostly). Linear axis, milliseconds.
     */
    static String loop(String fixture, String subtitle, List<MavenLoop.Step> steps) {
        long floor = steps.stream().filter(s -> s.scenario().equals("mvn-validate")).mapToLong(MavenLoop.Step::wallMillis)
                .findFirst().orElse(0);
        List<MavenLoop.Step> bars = steps.stream().filter(s -> s.scenario().startsWith("mvn-compile")).toList();
        long max = Math.max(1, bars.stream().mapToLong(MavenLoop.Step::wallMillis).max().orElse(1));
        int width = 760;
        int left = 230;
        int right = 40;
        int barHeight = 34;
        int top = 60;
        int height = top + bars.size() * (barHeight + 18) + 60;
        String[] labels = {"Maven (mvn validate)", "soda-gql plugin", "javac and the rest"};
        String[] colors = {"#9e9e9e", "#2ca02c", "#1f77b4"};
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n"
                + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", width, height, width, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"20\" y=\"22\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
                Svg.escape("the edit loop, " + fixture + ": where a `mvn compile` goes (ms)")));
        svg.append(String.format(Locale.ROOT, "<text x=\"20\" y=\"40\" fill=\"#555\">%s</text>%n", Svg.escape(subtitle)));
        double scale = (width - left - right) / (double) max;
        for (int i = 0; i < bars.size(); i++) {
            MavenLoop.Step step = bars.get(i);
            long plugin = Math.max(0, step.pluginMillis());
            long maven = Math.min(floor, step.wallMillis());
            long rest = Math.max(0, step.wallMillis() - maven - plugin);
            long[] parts = {maven, plugin, rest};
            int y = top + i * (barHeight + 18);
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", left - 8,
                    y + barHeight / 2 + 4, Svg.escape(step.scenario() + " (" + step.compiled() + " files compiled)")));
            double x = left;
            for (int p = 0; p < parts.length; p++) {
                double w = parts[p] * scale;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
                        + "<title>%s: %d ms</title></rect>%n", x, y, w, barHeight, colors[p], labels[p], parts[p]));
                x += w;
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\">%,d ms</text>%n",
                    Math.min(x + 4, width - right - 30.0), y + barHeight + 13, step.wallMillis()));
        }
        int ly = height - 24;
        for (int p = 0; p < labels.length; p++) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"10\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", 20 + p * 220, ly - 9, colors[p], 40 + p * 220, ly, labels[p]));
        }
        return svg.append("</svg>\n").toString();
    }

    /** A tiny SVG writer with log axes. */
    private static final class Svg {
        final int width = 760;
        final int height = 460;
        final int left = 70;
        final int right = 170;
        final int top = 40;
        final int bottom = 60;
        final String title;
        final String xLabel;
        final String yLabel;
        final StringBuilder out = new StringBuilder();

        Svg(String title, String xLabel, String yLabel) {
            this.title = title;
            this.xLabel = xLabel;
            this.yLabel = yLabel;
        }

        private void header() {
            out.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                    + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n", width, height, width, height));
            out.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
            out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"14\" font-weight=\"bold\">%s</text>\n",
                    left, escape(title)));
        }

        private double lo(double v) {
            return Math.pow(10, Math.floor(Math.log10(v)));
        }

        private double hi(double v) {
            return Math.pow(10, Math.ceil(Math.log10(v)));
        }

        private void yAxis(double yMin, double yMax) {
            int plotH = height - top - bottom;
            for (double d = yMin; d <= yMax * 1.0001; d *= 10) {
                double y = top + plotH - (Math.log10(d) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin)) * plotH;
                out.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n",
                        left, width - right, y, y));
                out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", left - 6,
                        y + 4, number(d)));
            }
            out.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" transform=\"rotate(-90 16 %d)\" "
                    + "text-anchor=\"middle\">%s (log)</text>\n", top + plotH / 2, top + plotH / 2, escape(yLabel)));
        }

        private double yOf(double v, double yMin, double yMax) {
            int plotH = height - top - bottom;
            return top + plotH - (Math.log10(v) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin)) * plotH;
        }

        String lines(Map<String, List<double[]>> series, List<Point> points) {
            header();
            double xMin = Double.MAX_VALUE;
            double xMax = 0;
            double yMin = Double.MAX_VALUE;
            double yMax = 0;
            for (List<double[]> xy : series.values()) {
                for (double[] p : xy) {
                    xMin = Math.min(xMin, p[0]);
                    xMax = Math.max(xMax, p[0]);
                    yMin = Math.min(yMin, p[1]);
                    yMax = Math.max(yMax, p[1]);
                }
            }
            if (series.isEmpty()) {
                return out.append("</svg>\n").toString();
            }
            xMin = lo(xMin);
            xMax = hi(xMax * 1.0001);
            yMin = lo(yMin);
            yMax = hi(yMax * 1.0001);
            yAxis(yMin, yMax);
            int plotW = width - left - right;
            int plotH = height - top - bottom;
            final double x0 = xMin;
            final double x1 = xMax;
            java.util.function.DoubleUnaryOperator xOf = v -> left + (Math.log10(v) - Math.log10(x0))
                    / (Math.log10(x1) - Math.log10(x0)) * plotW;
            for (double d = xMin; d <= xMax * 1.0001; d *= 10) {
                double x = xOf.applyAsDouble(d);
                out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>\n",
                        x, x, top, top + plotH));
                out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x,
                        top + plotH + 16, number(d)));
            }
            out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s (log)</text>\n",
                    left + plotW / 2, height - 14, escape(xLabel)));
            for (Point p : points) {
                double x = xOf.applyAsDouble(Math.max(p.documents(), 1));
                out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#888\" "
                        + "font-size=\"9\">%s</text>\n", x, top + plotH + 30, escape(p.fixture())));
            }
            int i = 0;
            for (Map.Entry<String, List<double[]>> s : series.entrySet()) {
                String color = COLORS[i % COLORS.length];
                StringBuilder path = new StringBuilder();
                for (double[] p : s.getValue()) {
                    double x = xOf.applyAsDouble(p[0]);
                    double y = yOf(p[1], yMin, yMax);
                    path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                    out.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>%s %s: "
                            + "%s ms</title></circle>\n", x, y, color, escape(s.getKey()), number(p[0]), number(p[1])));
                }
                out.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>\n",
                        path, color));
                int ly = top + 10 + i * 20;
                out.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" "
                        + "stroke-width=\"2\"/><text x=\"%d\" y=\"%d\">%s</text>\n", width - right + 12, width - right + 36,
                        ly, ly, color, width - right + 42, ly + 4, escape(s.getKey())));
                i++;
            }
            return out.append("</svg>\n").toString();
        }

        String bars(List<Point> points, List<String> scenarios, List<String> labels) {
            header();
            if (points.isEmpty()) {
                return out.append("</svg>\n").toString();
            }
            double yMin = Double.MAX_VALUE;
            double yMax = 0;
            for (Point p : points) {
                for (String s : scenarios) {
                    yMin = Math.min(yMin, p.medianMillis().get(s));
                    yMax = Math.max(yMax, p.medianMillis().get(s));
                }
            }
            yMin = lo(yMin);
            yMax = hi(yMax * 1.0001);
            yAxis(yMin, yMax);
            int plotW = width - left - right;
            int plotH = height - top - bottom;
            double group = (double) plotW / points.size();
            double bar = group * 0.8 / scenarios.size();
            for (int g = 0; g < points.size(); g++) {
                Point p = points.get(g);
                for (int s = 0; s < scenarios.size(); s++) {
                    double v = p.medianMillis().get(scenarios.get(s));
                    double x = left + g * group + group * 0.1 + s * bar;
                    double y = yOf(v, yMin, yMax);
                    out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                            + "fill=\"%s\"><title>%s %s: %s ms</title></rect>\n", x, y, bar - 2, top + plotH - y,
                            COLORS[s % COLORS.length], escape(p.fixture()), escape(labels.get(s)), number(v)));
                    out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"10\">"
                            + "%s</text>\n", x + bar / 2 - 1, y - 3, number(v)));
                }
                double ratio = p.medianMillis().get(scenarios.get(1)) / p.medianMillis().get(scenarios.get(0));
                out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
                        left + g * group + group / 2, top + plotH + 16, escape(p.fixture())));
                out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\" "
                        + "font-size=\"10\">Apollo / soda-gql = %.2f</text>\n", left + g * group + group / 2,
                        top + plotH + 30, ratio));
            }
            for (int s = 0; s < scenarios.size(); s++) {
                int ly = top + 10 + s * 20;
                out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"10\" fill=\"%s\"/>"
                        + "<text x=\"%d\" y=\"%d\">%s</text>\n", width - right + 12, ly - 5, COLORS[s % COLORS.length],
                        width - right + 32, ly + 4, escape(labels.get(s))));
            }
            return out.append("</svg>\n").toString();
        }

        private static String number(double v) {
            if (v >= 1000) {
                return String.format(Locale.ROOT, "%,.0f", v);
            }
            if (v >= 10) {
                return String.format(Locale.ROOT, "%.0f", v);
            }
            return String.format(Locale.ROOT, v >= 1 ? "%.1f" : "%.2f", v);
        }

        private static String escape(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }
}
