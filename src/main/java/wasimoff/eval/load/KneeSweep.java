package wasimoff.eval.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The throughput x response-time sweep: open-loop runs at a series of arrival rates, and the knee,
 * the highest achieved throughput whose corrected p99 stays under a bound.
 */
public final class KneeSweep {
    private KneeSweep() {
    }

    /** Runs one open-loop step at a rate and returns what it measured. */
    @FunctionalInterface
    public interface StepRunner {
        OpenLoopRunner.Summary run(double rate) throws Exception;
    }

    /** Arrival rates from {@code fromShare} to {@code toShare} of {@code max}, {@code count} of them, evenly spaced. */
    public static List<Double> rates(double max, double fromShare, double toShare, int count) {
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rates.add(max * (fromShare + (toShare - fromShare) * i / (count - 1)));
        }
        return rates;
    }

    public static List<OpenLoopRunner.Summary> sweep(List<Double> rates, StepRunner step) throws Exception {
        List<OpenLoopRunner.Summary> results = new ArrayList<>();
        for (double r : rates) {
            results.add(step.run(r));
        }
        return results;
    }

    /** The run with the highest achieved throughput whose p99 is at most {@code p99BoundMillis}. */
    public static Optional<OpenLoopRunner.Summary> knee(List<OpenLoopRunner.Summary> runs, double p99BoundMillis) {
        return runs.stream().filter(r -> r.p99() <= p99BoundMillis && r.failed() == 0)
                .max(java.util.Comparator.comparingDouble(OpenLoopRunner.Summary::achievedRate));
    }
}
