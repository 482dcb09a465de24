package wasimoff.eval.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The comparison of the systems of a results tree, per placement and TSP size: charts of requests/s,
 * p50 and p99, the failure ratio and the efficiency per fleet and system ({@code <placement>/tsp-<n>/*.png|svg}),
 * {@code comparison.csv} with the Locust figures and the efficiency of every point, and
 * {@code comparison.md}, which says which differences between systems exceed their confidence
 * intervals and where an efficiency is the machine's rather than the system's.
 *
 * <p>The scenario of a point is the {@code scenario} of its run's {@code parameters.json}; runs that
 * do not record it are given the caller's default.
 */
public final class Comparison {
    /** The fixed columns of {@code comparison.csv}, Locust's names. */
    public static final List<String> CSV_COLUMNS = List.of("Scenario", "Name", "Request Count", "Requests/s",
            "Failure Count", "Failures/s", "Min Response Time", "Average Response Time", "Median Response Time",
            "Max Response Time", "99%");
    /**
     * The column right after the fixed ones: successful requests/s over the CPU-bound limit (the
     * median over a point's repetitions), {@code N/A} for runs that did not record it.
     */
    public static final String EFFICIENCY_COLUMN = "Efficiency";
    /** The columns after {@link #EFFICIENCY_COLUMN} when some point has several repetitions. */
    public static final List<String> REPETITION_COLUMNS = List.of("Repetitions", "Requests/s CI95 low",
            "Requests/s CI95 high");

    private final Path resultsRoot;
    private final RunCatalog.Selection selection;
    private final String defaultScenario;
    private final List<PointFigures> points = new ArrayList<>();

    private Comparison(Path resultsRoot, RunCatalog.Selection selection, String defaultScenario) {
        this.resultsRoot = resultsRoot;
        this.selection = selection;
        this.defaultScenario = defaultScenario;
    }

    /**
     * The comparison of every point of {@code catalog}, read from {@code resultsRoot}, with the runs
     * that {@code selection} takes.
     */
    public static Comparison of(Path resultsRoot, RunCatalog catalog, RunCatalog.Selection selection,
                                String defaultScenario) {
        Comparison c = new Comparison(resultsRoot, selection, defaultScenario);
        catalog.select(selection).forEach((key, runs) -> c.points.add(PointFigures.of(key, runs)));
        return c;
    }

    /** Every point in {@link PointKey#ORDER}. */
    public List<PointFigures> points() {
        return List.copyOf(points);
    }

    /** Writes the charts, {@code comparison.csv} and {@code comparison.md} into {@code out}; returns the files. */
    public List<Path> writeTo(Path out) throws IOException {
        Files.createDirectories(out);
        // one chart per placement and TSP size, in that order; fleets and systems stay in PointKey order within
        Map<String, List<PointFigures>> byChart = new LinkedHashMap<>();
        points.stream()
                .sorted(Comparator.comparing((PointFigures p) -> p.key().placement())
                        .thenComparingInt(p -> p.key().tspN()))
                .forEach(p -> byChart.computeIfAbsent(p.key().placement() + "/tsp-" + p.key().tspN(),
                        k -> new ArrayList<>()).add(p));
        // every chart lists every system, so a system keeps its colour across charts
        List<String> systems = points.stream().map(p -> p.key().system()).distinct().sorted().toList();
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, List<PointFigures>> chart : byChart.entrySet()) {
            List<PointFigures> chartPoints = chart.getValue();
            PointKey first = chartPoints.get(0).key();
            List<String> withoutWan = chartPoints.stream().filter(PointFigures::withoutWanLatency)
                    .map(p -> p.key().system()).distinct().toList();
            String title = first.placement() + ", tsp-" + first.tspN() + (withoutWan.isEmpty() ? ""
                    : " (no WAN latency, not comparable: " + String.join(", ", withoutWan) + ")");
            written.addAll(ComparisonCharts.write(title, chartPoints, systems, out.resolve(chart.getKey())));
        }
        written.add(ComparisonCsv.write(points, this::scenario, out.resolve("comparison.csv")));
        written.add(ComparisonSummary.write(resultsRoot, selection, byChart, out.resolve("comparison.md")));
        return written;
    }

    private String scenario(PointFigures point) {
        try {
            Object recorded = point.medianRun().parameters().get("scenario");
            return recorded == null ? defaultScenario : recorded.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
