package wasimoff.eval.report;

import wasimoff.eval.load.LocustFormat;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code comparison.csv}: one row per point, {@code <placement>/<fleet>/tsp-<n>/<system>}, with the
 * Locust figures of its median repetition copied from that run's {@code locust_stats.csv}
 * Aggregated row, then {@link Comparison#EFFICIENCY_COLUMN}. When any point has several repetitions,
 * {@link Comparison#REPETITION_COLUMNS} follow.
 */
final class ComparisonCsv {
    private ComparisonCsv() {
    }

    static Path write(List<PointFigures> points, Function<PointFigures, String> scenario, Path file)
            throws IOException {
        boolean repetitions = points.stream().anyMatch(p -> p.repetitions() > 1);
        List<String> header = new ArrayList<>(Comparison.CSV_COLUMNS);
        header.add(Comparison.EFFICIENCY_COLUMN);
        if (repetitions) {
            header.addAll(Comparison.REPETITION_COLUMNS);
        }
        try (Writer w = Files.newBufferedWriter(file)) {
            LocustFormat.row(w, header);
            for (PointFigures p : points) {
                Map<String, String> stats = p.medianRun().aggregatedStats();
                List<String> cells = new ArrayList<>(List.of(scenario.apply(p), p.key().name()));
                for (String column : Comparison.CSV_COLUMNS.subList(2, Comparison.CSV_COLUMNS.size())) {
                    cells.add(stats.getOrDefault(column, "N/A"));
                }
                double efficiency = p.efficiency().median();
                cells.add(Double.isNaN(efficiency) ? "N/A" : LocustFormat.number(efficiency));
                if (repetitions) {
                    ConfidenceInterval ci = p.requestsPerSecond().ci();
                    cells.add(Integer.toString(p.repetitions()));
                    cells.add(ci.defined() ? LocustFormat.number(ci.low()) : "");
                    cells.add(ci.defined() ? LocustFormat.number(ci.high()) : "");
                }
                LocustFormat.row(w, cells);
            }
        }
        return file;
    }
}
