package wasimoff.eval.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import wasimoff.eval.report.FigureVerdict.Figure;
import wasimoff.eval.report.FigureVerdict.Verdict;

/**
 * {@code comparison.md}: per placement, TSP size and fleet a table of the systems, each one's
 * efficiency against its CPU-bound limit, and for every pair of systems whether their difference in
 * requests/s, p50 and p99 exceeds their 95% confidence intervals (see {@link FigureVerdict}). Where
 * a local testbed gave a fleet fewer CPUs than it asked for, it says that the figure is the
 * machine's, not the system's.
 */
final class ComparisonSummary {
    private ComparisonSummary() {
    }

    static Path write(Path resultsRoot, RunCatalog.Selection selection, Map<String, List<PointFigures>> byChart,
                      Path file) throws IOException {
        StringBuilder body = new StringBuilder();
        Map<Figure, int[]> counts = new EnumMap<>(Figure.class);
        for (Figure f : Figure.values()) {
            counts.put(f, new int[Verdict.values().length]);
        }
        Set<String> machineBound = new LinkedHashSet<>();
        Set<String> withoutWan = new LinkedHashSet<>();
        for (Map.Entry<String, List<PointFigures>> chart : byChart.entrySet()) {
            List<PointFigures> points = chart.getValue();
            PointKey first = points.get(0).key();
            body.append("\n## ").append(first.placement()).append(", tsp-").append(first.tspN()).append("\n\n");
            body.append("Charts: [throughput](").append(chart.getKey()).append("/throughput.svg), [response times](")
                    .append(chart.getKey()).append("/response-times.svg), [failure ratio](").append(chart.getKey())
                    .append("/failures.svg)");
            if (ComparisonCharts.hasEfficiency(points)) {
                body.append(", [efficiency](").append(chart.getKey()).append("/efficiency.svg)");
            }
            body.append('\n');
            Map<String, List<PointFigures>> byFleet = new TreeMap<>(PointKey::compareFleets);
            points.forEach(p -> byFleet.computeIfAbsent(p.key().fleet(), f -> new ArrayList<>()).add(p));
            points.stream().filter(PointFigures::withoutWanLatency)
                    .forEach(p -> withoutWan.add(p.key().system() + " at " + p.key().placement()));
            byFleet.forEach((fleet, systems) -> fleet(body, fleet, systems, counts, machineBound));
        }
        StringBuilder out = new StringBuilder("# Comparison\n\n");
        out.append("Results: `").append(resultsRoot).append("`; runs: ")
                .append(selection == RunCatalog.Selection.ALL ? "every run of a point, as repetitions"
                        : "the newest run of each point")
                .append(".\n\nFigures are medians over a point's repetitions; an interval is the 95% confidence")
                .append(" interval of the mean (Student's t). Two systems differ beyond their intervals")
                .append(" when the intervals do not overlap; a point with a single run has no interval.")
                .append(" Efficiency is a point's successful requests/s over its CPU-bound limit: the CPUs it could")
                .append(" use divided by the median time of single requests sent one at a time to the idle system.\n\n");
        if (java.util.Arrays.stream(counts.get(Figure.REQUESTS_PER_SECOND)).sum() == 0) {
            out.append("One system per point: no differences between systems to judge.\n");
        }
        for (Figure f : Figure.values()) {
            int[] c = counts.get(f);
            int all = java.util.Arrays.stream(c).sum();
            if (all == 0) {
                continue;
            }
            int notComparable = c[Verdict.NOT_COMPARABLE.ordinal()];
            out.append(String.format(Locale.ROOT, "- %s: of %d differences between systems, %d exceed their"
                            + " intervals, %d do not, and %d cannot be judged%s\n", f.label(),
                    all, c[Verdict.EXCEEDS.ordinal()], c[Verdict.WITHIN.ordinal()],
                    c[Verdict.UNJUDGED.ordinal()], notComparable == 0 ? ""
                            : String.format(Locale.ROOT, "; %d are not comparable (one system without the WAN"
                                    + " emulation)", notComparable)));
        }
        if (!withoutWan.isEmpty()) {
            out.append("\n**Without the WAN emulation:** ").append(String.join("; ", withoutWan))
                    .append(". These systems' traffic did not go through the testbed's delay relays, so their figures")
                    .append(" have none of the placement's latency and are not compared with the others'.\n");
        }
        if (!machineBound.isEmpty()) {
            out.append("\n**The machine, not the system:** ").append(String.join("; ", machineBound))
                    .append(". A local testbed shares this machine's CPUs among all nodes, so these fleets' requests/s")
                    .append(" and efficiency are the machine's figures, not the systems'.\n");
        }
        out.append(body);
        Files.writeString(file, out);
        return file;
    }

    private static void fleet(StringBuilder out, String fleet, List<PointFigures> systems, Map<Figure, int[]> counts,
                              Set<String> machineBound) {
        out.append("\n### ").append(fleet).append("\n\n");
        out.append("| system | runs | requests/s | 95% CI | p50 [ms] | 95% CI | p99 [ms] | 95% CI | failure ratio"
                + " | efficiency |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (PointFigures p : systems) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %s | %.1f | %s | %.1f | %s | %.2f%% | %s |\n",
                    p.key().system() + (p.withoutWanLatency() ? " (no WAN latency)" : ""), p.repetitions(),
                    p.requestsPerSecond().median(),
                    FigureVerdict.interval(p.requestsPerSecond().ci()), p.p50Millis().median(),
                    FigureVerdict.interval(p.p50Millis().ci()), p.p99Millis().median(),
                    FigureVerdict.interval(p.p99Millis().ci()), 100 * p.failureRatio().median(),
                    efficiency(p.efficiency().median())));
        }
        efficiencyLine(out, fleet, systems, machineBound);
        if (systems.size() > 1) {
            out.append('\n');
        }
        for (int i = 0; i < systems.size(); i++) {
            for (int j = i + 1; j < systems.size(); j++) {
                for (Figure f : Figure.values()) {
                    Verdict verdict = FigureVerdict.verdict(f, systems.get(i), systems.get(j));
                    counts.get(f)[verdict.ordinal()]++;
                    out.append("- ").append(FigureVerdict.sentence(f, systems.get(i), systems.get(j), verdict))
                            .append('\n');
                }
            }
        }
    }

    /**
     * The line under a fleet's table: each system's efficiency with its limit, and whether the fleet
     * got fewer CPUs than it asked for.
     */
    private static void efficiencyLine(StringBuilder out, String fleet, List<PointFigures> systems,
                                       Set<String> machineBound) {
        List<String> parts = new ArrayList<>();
        RunEfficiency bound = null;
        for (PointFigures p : systems) {
            if (p.capacity().isEmpty()) {
                continue;
            }
            RunEfficiency e = p.capacity().get();
            parts.add(String.format(Locale.ROOT, "%s %s of %.1f requests/s (%d CPUs usable, %.1f ms per request)",
                    p.key().system(), efficiency(p.efficiency().median()), e.cpuBoundLimitPerSecond(), e.cpusUsable(),
                    e.serviceTimeMillis()));
            if (e.machineBound()) {
                bound = e;
            }
        }
        if (parts.isEmpty()) {
            return;
        }
        out.append("\nEfficiency (successful requests/s over the CPU-bound limit): ")
                .append(parts.stream().collect(Collectors.joining("; "))).append(".\n");
        if (bound != null) {
            String asked = String.format(Locale.ROOT, "%s asks for %d vCPUs, the machine has %d usable", fleet,
                    bound.workers(), bound.cpusUsable());
            out.append("**").append(asked).append(": the figure is the machine's, not the system's.**\n");
            machineBound.add(asked);
        }
    }

    private static String efficiency(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * value);
    }
}
