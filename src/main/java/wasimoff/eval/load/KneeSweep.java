package wasimoff.eval.load;

import wasimoff.eval.workload.ResponseCheck;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Sweeps open-loop arrival rates and finds the knee of the throughput x response-time curve: the
 * highest achieved throughput (successes per second) whose p99 response time, measured from the
 * intended send times, stays under a bound, with at most a given failure ratio. This is the seed's
 * "throughput x response time" evaluation; rates typically run from 10% to 120% of the maximum a
 * closed-loop run reached ({@link #rates}).
 *
 * <p>The sweep stops early after {@value #STOP_AFTER_OVER_BOUND} consecutive points over the bound:
 * past the knee, higher rates only queue more.
 *
 * <p>Usage: {@code new KneeSweep(500, 0.01).sweep(KneeSweep.rates(max, 0.1, 1.2, 12),
 * KneeSweep.openLoop(spec, check, dir, System.out::println))}.
 */
public final class KneeSweep {
    /** Consecutive points over the bound after which the sweep stops. */
    public static final int STOP_AFTER_OVER_BOUND = 2;

    private final double p99BoundMillis;
    private final double maxFailureRatio;

    /**
     * @param p99BoundMillis  a point is acceptable when its p99 is at most this
     * @param maxFailureRatio ... and at most this share of its requests failed
     */
    public KneeSweep(double p99BoundMillis, double maxFailureRatio) {
        this.p99BoundMillis = p99BoundMillis;
        this.maxFailureRatio = maxFailureRatio;
    }

    /**
     * One open-loop step's outcome.
     *
     * @param targetRate   the arrival rate asked for (requests per second)
     * @param achievedRate successes per second
     * @param p99Millis    p99 response time from the intended send times
     * @param failureRatio failed / sent
     * @param generatorWarning the generator's saturation warning, or null
     */
    public record Point(double targetRate, double achievedRate, double p99Millis, double failureRatio,
                        String generatorWarning) {
        /** The point a finished open-loop run at {@code rate} measured. */
        public static Point of(double rate, RunSummary s) {
            return new Point(rate, s.successesPerSecond(), s.percentileMillis(0.99), s.failureRatio(),
                    s.generatorWarning());
        }
    }

    /** Runs one open-loop step at an arrival rate and tells what it measured. */
    @FunctionalInterface
    public interface Step {
        Point run(double rate) throws IOException, InterruptedException;
    }

    /**
     * A finished sweep.
     *
     * @param points every step run, in order
     * @param knee   the acceptable point with the highest achieved throughput, or null when none is
     */
    public record Result(List<Point> points, double p99BoundMillis, double maxFailureRatio, Point knee) {
        public Optional<Point> kneePoint() {
            return Optional.ofNullable(knee);
        }

        /** A table for consoles and reports. */
        public String table() {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%10s %10s %10s %8s%n", "target/s",
                    "achieved/s", "p99 ms", "failed"));
            for (Point p : points) {
                b.append(String.format(Locale.ROOT, "%10.1f %10.1f %10.1f %7.2f%%%s%n", p.targetRate(),
                        p.achievedRate(),
                        p.p99Millis(), p.failureRatio() * 100, p == knee ? "  <- knee" : ""));
            }
            return b.toString();
        }
    }

    /** {@code count} rates evenly spaced from {@code fromShare * max} to {@code toShare * max}. */
    public static List<Double> rates(double max, double fromShare, double toShare, int count) {
        if (count < 1 || max <= 0 || fromShare <= 0 || toShare < fromShare) {
            throw new IllegalArgumentException("need count >= 1, max > 0 and 0 < fromShare <= toShare");
        }
        List<Double> r = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double share = count == 1 ? fromShare : fromShare + (toShare - fromShare) * i / (count - 1);
            r.add(Math.round(max * share * 1000) / 1000.0);
        }
        return r;
    }

    /** Runs the steps in order (stopping early past the knee) and finds the knee. */
    public Result sweep(List<Double> rates, Step step) throws IOException, InterruptedException {
        List<Point> points = new ArrayList<>();
        int overBound = 0;
        for (double rate : rates) {
            Point p = step.run(rate);
            points.add(p);
            overBound = acceptable(p) ? 0 : overBound + 1;
            if (overBound >= STOP_AFTER_OVER_BOUND) {
                break;
            }
        }
        return new Result(List.copyOf(points), p99BoundMillis, maxFailureRatio, knee(points).orElse(null));
    }

    /** The acceptable point with the highest achieved throughput. */
    public Optional<Point> knee(List<Point> points) {
        return points.stream().filter(this::acceptable).max(Comparator.comparingDouble(Point::achievedRate));
    }

    private boolean acceptable(Point p) {
        return p.p99Millis() <= p99BoundMillis && p.failureRatio() <= maxFailureRatio;
    }

    /**
     * Steps that run {@code base} open-loop at a constant rate with {@link LoadRunner}, each into its
     * own results directory {@code outRoot/rate-<rate>}.
     */
    public static Step openLoop(RunSpec base, ResponseCheck check, Path outRoot, Consumer<String> progress) {
        return rate -> {
            RunSpec spec = base.withArrival(ArrivalSchedule.constant(rate));
            RunSummary s = new LoadRunner(spec, check, progress)
                    .run(outRoot.resolve(String.format(Locale.ROOT, "rate-%.1f", rate)));
            return Point.of(rate, s);
        };
    }
}
