package wasimoff.eval.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code comparison.md}: per placement, TSP size and fleet a table of the systems and, for every pair
 * of systems, whether their difference in requests/s exceeds their 95% confidence intervals (the
 * intervals do not overlap), stays within them, or cannot be judged (a point with a single run has
 * no interval).
 */
final class ComparisonSummary {
    /** How a pair of systems compares. */
    enum Verdict { EXCEEDS, WITHIN, UNJUDGED }

    private ComparisonSummary() {
    }

    static Path write(Path resultsRoot, RunCatalog.Selection selection, Map<String, List<PointFigures>> byChart,
                      Path file) throws IOException {
        StringBuilder body = new StringBuilder();
        int[] counts = new int[Verdict.values().length];
        for (Map.Entry<String, List<PointFigures>> chart : byChart.entrySet()) {
            List<PointFigures> points = chart.getValue();
            PointKey first = points.get(0).key();
            body.append("\n## ").append(first.placement()).append(", tsp-").append(first.tspN()).append("\n\n");
            body.append("Charts: [throughput](").append(chart.getKey()).append("/throughput.svg), [response times](")
                    .append(chart.getKey()).append("/response-times.svg), [failure ratio](").append(chart.getKey())
                    .append("/failures.svg)\n");
            Map<String, List<PointFigures>> byFleet = new TreeMap<>(PointKey::compareFleets);
            points.forEach(p -> byFleet.computeIfAbsent(p.key().fleet(), f -> new ArrayList<>()).add(p));
            byFleet.forEach((fleet, systems) -> fleet(body, fleet, systems, counts));
        }
        StringBuilder out = new StringBuilder("# Comparison\n\n");
        out.append("Results: `").append(resultsRoot).append("`; runs: ")
                .append(selection == RunCatalog.Selection.ALL ? "every run of a point, as repetitions"
                        : "the newest run of each point")
                .append(".\n\nFigures are medians over a point's repetitions; an interval is the 95% confidence")
                .append(" interval of the mean requests/s (Student's t). Two systems differ beyond their intervals")
                .append(" when the intervals do not overlap.\n\n");
        out.append(String.format(Locale.ROOT, "Of %d differences between systems, %d exceed their intervals, %d do"
                        + " not, and %d cannot be judged (a point with a single run has no interval).\n",
                counts[0] + counts[1] + counts[2], counts[Verdict.EXCEEDS.ordinal()],
                counts[Verdict.WITHIN.ordinal()], counts[Verdict.UNJUDGED.ordinal()]));
        out.append(body);
        Files.writeString(file, out);
        return file;
    }

    private static void fleet(StringBuilder out, String fleet, List<PointFigures> systems, int[] counts) {
        out.append("\n### ").append(fleet).append("\n\n");
        out.append("| system | runs | requests/s | 95% CI | p50 [ms] | p99 [ms] | failure ratio |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (PointFigures p : systems) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %s | %.1f | %.1f | %.2f%% |\n",
                    p.key().system(), p.repetitions(), p.requestsPerSecond().median(),
                    interval(p.requestsPerSecond().ci()), p.p50Millis().median(), p.p99Millis().median(),
                    100 * p.failureRatio().median()));
        }
        if (systems.size() > 1) {
            out.append('\n');
        }
        for (int i = 0; i < systems.size(); i++) {
            for (int j = i + 1; j < systems.size(); j++) {
                PointFigures a = systems.get(i);
                PointFigures b = systems.get(j);
                Verdict verdict = verdict(a, b);
                counts[verdict.ordinal()]++;
                out.append("- ").append(pair(a, b, verdict)).append('\n');
            }
        }
    }

    static Verdict verdict(PointFigures a, PointFigures b) {
        ConfidenceInterval x = a.requestsPerSecond().ci();
        ConfidenceInterval y = b.requestsPerSecond().ci();
        if (!x.defined() || !y.defined()) {
            return Verdict.UNJUDGED;
        }
        return x.overlaps(y) ? Verdict.WITHIN : Verdict.EXCEEDS;
    }

    private static String pair(PointFigures a, PointFigures b, Verdict verdict) {
        PointFigures faster = a.requestsPerSecond().median() >= b.requestsPerSecond().median() ? a : b;
        PointFigures slower = faster == a ? b : a;
        double fast = faster.requestsPerSecond().median();
        double slow = slower.requestsPerSecond().median();
        String difference = String.format(Locale.ROOT, "%s vs %s: %.2f vs %.2f requests/s (%s %+.1f%%)",
                faster.key().system(), slower.key().system(), fast, slow, faster.key().system(),
                slow == 0 ? Double.POSITIVE_INFINITY : 100 * (fast - slow) / slow);
        return difference + switch (verdict) {
            case EXCEEDS -> ": **exceeds the intervals** (" + interval(faster.requestsPerSecond().ci()) + " and "
                    + interval(slower.requestsPerSecond().ci()) + " do not overlap)";
            case WITHIN -> ": within the intervals (they overlap): not a measured difference";
            case UNJUDGED -> ": cannot be judged, "
                    + List.of(faster, slower).stream().filter(p -> !p.requestsPerSecond().ci().defined())
                    .map(p -> p.key().system()).collect(Collectors.joining(" and "))
                    + " ran once";
        };
    }

    private static String interval(ConfidenceInterval ci) {
        return ci.defined() ? String.format(Locale.ROOT, "%.2f to %.2f", ci.low(), ci.high()) : "-";
    }
}
