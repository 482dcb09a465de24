package wasimoff.eval.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import wasimoff.eval.load.LocustFormat;

/**
 * What the comparison shows of one point: its runs (repetitions), the median repetition by
 * requests/s, and for requests/s, p50, p99, the failure ratio and the efficiency the median over the
 * repetitions with the 95% confidence interval of their mean.
 *
 * @param medianRun  the repetition whose requests/s is the median (the lower of the two middle ones
 *                   for an even count); the CSV row holds its figures
 * @param efficiency over the repetitions that recorded one; NaN when none did
 * @param capacity   the median run's efficiency record (CPUs usable, workers, limit), empty when it has none
 * @param withoutWanLatency whether a run went past the testbed's WAN emulation ({@code parameters.json}:
 *                   {@code wan emulation} "NOT applied to ..."): its figures have none of the placement's
 *                   latency, so they are not comparable with those of a system whose traffic paid it
 */
public record PointFigures(PointKey key, List<RunResult> runs, RunResult medianRun, Spread requestsPerSecond,
                           Spread p50Millis, Spread p99Millis, Spread failureRatio, Spread efficiency,
                           Optional<RunEfficiency> capacity, boolean withoutWanLatency) {

    /** The median of one figure over the repetitions, and the 95% interval of their mean. */
    public record Spread(double median, ConfidenceInterval ci) {
        static Spread of(List<RunResult> runs, ToDoubleFunction<RunResult> figure) {
            return of(runs.stream().mapToDouble(figure).toArray());
        }

        static Spread of(double... values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            double median = n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            return new Spread(median, ConfidenceInterval.of95(sorted));
        }
    }

    /** The figures of {@code runs}, the selected runs of point {@code key}; there must be at least one. */
    public static PointFigures of(PointKey key, List<RunResult> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs of " + key.name());
        }
        List<RunResult> byThroughput = runs.stream()
                .sorted(Comparator.comparingDouble(r -> r.summary().requestsPerSecond())).toList();
        RunResult median = byThroughput.get((runs.size() - 1) / 2);
        return new PointFigures(key, List.copyOf(runs), median,
                Spread.of(runs, r -> r.summary().requestsPerSecond()),
                Spread.of(runs, r -> percentile(r, 0.5)),
                Spread.of(runs, r -> percentile(r, 0.99)),
                Spread.of(runs, r -> r.summary().failureRatio()),
                Spread.of(runs.stream().map(PointFigures::efficiencyOf).flatMap(Optional::stream)
                        .mapToDouble(RunEfficiency::efficiency).toArray()),
                efficiencyOf(median), runs.stream().anyMatch(PointFigures::wentPastTheWan));
    }

    private static Optional<RunEfficiency> efficiencyOf(RunResult run) {
        try {
            return RunEfficiency.of(run);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int repetitions() {
        return runs.size();
    }

    private static boolean wentPastTheWan(RunResult run) {
        try {
            return String.valueOf(run.parameters().get("wan emulation")).startsWith("NOT applied");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A response-time percentile of a run in milliseconds, NaN when the run did not measure it. */
    private static double percentile(RunResult run, double fraction) {
        Double v = run.summary().percentilesMillis().get(LocustFormat.percentileLabel(fraction));
        return v == null ? Double.NaN : v;
    }
}
