package wasimoff.eval.report;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import wasimoff.eval.load.LocustFormat;

/**
 * What the comparison shows of one point: its runs (repetitions), the median repetition by
 * requests/s, and for requests/s, p50, p99 and the failure ratio the median over the repetitions
 * with the 95% confidence interval of their mean.
 *
 * @param medianRun the repetition whose requests/s is the median (the lower of the two middle ones
 *                  for an even count); the CSV row holds its figures
 */
public record PointFigures(PointKey key, List<RunResult> runs, RunResult medianRun, Spread requestsPerSecond,
                           Spread p50Millis, Spread p99Millis, Spread failureRatio) {

    /** The median of one figure over the repetitions, and the 95% interval of their mean. */
    public record Spread(double median, ConfidenceInterval ci) {
        static Spread of(List<RunResult> runs, ToDoubleFunction<RunResult> figure) {
            double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
            int n = values.length;
            double median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
            return new Spread(median, ConfidenceInterval.of95(values));
        }
    }

    /** The figures of {@code runs}, the selected runs of point {@code key}; there must be at least one. */
    public static PointFigures of(PointKey key, List<RunResult> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs of " + key.name());
        }
        List<RunResult> byThroughput = runs.stream()
                .sorted(Comparator.comparingDouble(r -> r.summary().requestsPerSecond())).toList();
        return new PointFigures(key, List.copyOf(runs), byThroughput.get((runs.size() - 1) / 2),
                Spread.of(runs, r -> r.summary().requestsPerSecond()),
                Spread.of(runs, r -> percentile(r, 0.5)),
                Spread.of(runs, r -> percentile(r, 0.99)),
                Spread.of(runs, r -> r.summary().failureRatio()));
    }

    public int repetitions() {
        return runs.size();
    }

    /** A response-time percentile of a run in milliseconds, NaN when the run did not measure it. */
    private static double percentile(RunResult run, double fraction) {
        Double v = run.summary().percentilesMillis().get(LocustFormat.percentileLabel(fraction));
        return v == null ? Double.NaN : v;
    }
}
