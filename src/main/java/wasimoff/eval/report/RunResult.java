package wasimoff.eval.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import wasimoff.eval.load.ResultsWriter;
import wasimoff.eval.load.RunSpec;
import wasimoff.eval.load.RunSummary;

/**
 * A load run's results directory read back: the summary and the per-second history. Reports and
 * assertions use this, never the load generator's memory, so remote and local runs are reported by
 * the same code.
 */
public record RunResult(Path directory, RunSpec spec, RunSummary summary, List<HistoryRow> history) {

    /** One second of the run: elapsed seconds, users, completed requests and failures in that second, p50 and p99 so far. */
    public record HistoryRow(long timestamp, int users, double requestsPerSecond, double failuresPerSecond,
                             String p50, String p99) {
    }

    public static RunResult read(Path dir) throws IOException {
        RunSpec spec = ResultsWriter.JSON.readValue(dir.resolve("run.json").toFile(), RunSpec.class);
        RunSummary summary = ResultsWriter.JSON.readValue(dir.resolve("summary.json").toFile(), RunSummary.class);
        List<String> lines = Files.readAllLines(dir.resolve(spec.csvPrefix() + "_stats_history.csv"));
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int p50 = header.indexOf("50%");
        int p99 = header.indexOf("99%");
        List<HistoryRow> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            rows.add(new HistoryRow(Long.parseLong(c[0]), Integer.parseInt(c[1]), Double.parseDouble(c[4]),
                    Double.parseDouble(c[5]), p50 < 0 ? "N/A" : c[p50], p99 < 0 ? "N/A" : c[p99]));
        }
        return new RunResult(dir, spec, summary, rows);
    }

    /**
     * The {@code Aggregated} row of the run's {@code <prefix>_stats.csv}, each cell as written, by
     * column name.
     */
    public Map<String, String> aggregatedStats() throws IOException {
        List<String> lines = Files.readAllLines(directory.resolve(spec.csvPrefix() + "_stats.csv"));
        String[] header = lines.get(0).split(",", -1);
        for (String line : lines.subList(1, lines.size())) {
            // the Aggregated row's cells hold no commas: its Type is empty and the rest are numbers
            String[] cells = line.split(",", -1);
            if (cells.length == header.length && cells[1].equals("Aggregated")) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], cells[i]);
                }
                return row;
            }
        }
        throw new IOException(directory.resolve(spec.csvPrefix() + "_stats.csv") + " has no Aggregated row");
    }

    /**
     * The failures of every second of the run by reason, from {@code failures_over_time.csv} (one map
     * per history row, empty for a row without failures; all empty when the run has no such file).
     * Like {@link #successesOverTime}, without the drain row after the run time.
     */
    public List<Map<String, Long>> failuresOverTime() throws IOException {
        List<Map<String, Long>> rows = new ArrayList<>();
        for (int i = 0; i < secondsOfTheRun(); i++) {
            rows.add(new java.util.TreeMap<>());
        }
        Path file = directory.resolve(ResultsWriter.FAILURES_OVER_TIME);
        if (!Files.exists(file)) {
            return rows;
        }
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            int first = line.indexOf(';');
            int last = line.lastIndexOf(';');
            int row = Integer.parseInt(line.substring(0, first)) - 1;
            if (row >= 0 && row < rows.size()) {
                rows.get(row).merge(line.substring(first + 1, last), Long.parseLong(line.substring(last + 1)), Long::sum);
            }
        }
        return rows;
    }

    /**
     * Successful requests in every second of the run (completed minus failed). The history's last row
     * holds the drain after the run time, a part of a second that is not one of the run's: it is left out.
     */
    public List<Double> successesOverTime() {
        return history.stream().limit(secondsOfTheRun())
                .map(h -> Math.max(0, h.requestsPerSecond() - h.failuresPerSecond())).toList();
    }

    private int secondsOfTheRun() {
        return (int) Math.min(history.size(), spec.runTimeMillis() / 1000);
    }

    /** The run's {@code parameters.json} (system, fleet, placement, versions, ...); empty when it has none. */
    public Map<String, Object> parameters() throws IOException {
        Path file = directory.resolve("parameters.json");
        if (!Files.exists(file)) {
            return Map.of();
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        ResultsWriter.JSON.readTree(file.toFile()).properties()
                .forEach(e -> parameters.put(e.getKey(), e.getValue().isValueNode()
                        ? e.getValue().asText() : e.getValue().toString()));
        return parameters;
    }
}
