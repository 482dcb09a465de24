package wasimoff.eval.load;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The outcome of one load run, written as {@code summary.json}: counts, throughput, response-time
 * percentiles (milliseconds, exact, not Locust-bucketed) and the load generator's own CPU use, with
 * a warning when the generator itself may have been the bottleneck.
 *
 * <p>Counting: {@code sent = succeeded + failed + unfinished}; {@code unfinished} is 0 unless a
 * request outlived the wait after the run time. {@code failed} includes {@code dropped}, open-loop
 * arrivals that were not sent because the in-flight cap was reached.
 *
 * <p>Latency: {@code percentilesMillis}, the mean, min and max, and the CSV files' percentiles are
 * response times from when a request was due. In a closed-loop run that is when its user issued it
 * (as Locust measures); in an open-loop run it is the intended send time of the arrival schedule,
 * and {@code coordinatedOmissionCorrected} is true. {@code serviceTimePercentilesMillis} always
 * runs from the moment the request was written, the uncorrected view.
 *
 * @param generatorCpuCores     CPU seconds per second used by the generator's own threads
 * @param generatorBusiestThread the busiest generator thread's CPU share (1.0 = never idle)
 * @param generatorWarning      set when the generator may have limited the result, else null
 *
 * <p>The orchestrator adds what the generator cannot know (the point's service time, CPU-bound limit
 * and efficiency) to the same file; reading a summary back leaves those to whoever wants them.
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
public record RunSummary(
        String name,
        Instant started,
        double durationSeconds,
        int users,
        long sent,
        long succeeded,
        long failed,
        long unfinished,
        double requestsPerSecond,
        double successesPerSecond,
        double meanMillis,
        double minMillis,
        double maxMillis,
        Map<String, Double> percentilesMillis,
        Map<String, Long> failures,
        double generatorCpuCores,
        int availableCores,
        String generatorWarning,
        String mode,
        boolean coordinatedOmissionCorrected,
        Map<String, Double> serviceTimePercentilesMillis,
        double targetRequestsPerSecond,
        long dropped,
        double generatorBusiestThread,
        int generatorThreads,
        String generatorEngine) {

    /** Above this share of the machine's cores the generator may have limited the measured throughput. */
    public static final double SATURATION_SHARE = 0.8;
    /** {@link #mode()} of a run with closed-loop users. */
    public static final String CLOSED_LOOP = "closed-loop";
    /** {@link #mode()} of a run that followed an arrival schedule. */
    public static final String OPEN_LOOP = "open-loop";

    static RunSummary of(RunSpec spec, RequestStats stats, Instant started, Duration elapsed, GeneratorCpu.Usage cpu,
                         int cores, String engine) {
        Histogram h = stats.total();
        long completed = stats.completedCount();
        long failed = stats.failureCount();
        double seconds = elapsed.toNanos() / 1e9;
        long answered = h.getTotalCount();
        return new RunSummary(spec.name(), started, seconds, spec.users(), stats.sentCount(), completed - failed,
                failed, stats.sentCount() - completed, completed / seconds, (completed - failed) / seconds,
                answered == 0 ? 0 : h.getMean() / 1000.0, answered == 0 ? 0 : h.getMinValue() / 1000.0,
                answered == 0 ? 0 : h.getMaxValue() / 1000.0, percentiles(spec, h), stats.failuresByReason(),
                cpu.cores(), cores, cpu.warning(cores), spec.openLoop() ? OPEN_LOOP : CLOSED_LOOP, spec.openLoop(),
                percentiles(spec, stats.serviceTotal()),
                spec.openLoop() ? spec.arrival().plannedRequests(spec.runTimeMillis()) / (spec.runTimeMillis() / 1000.0)
                        : 0,
                stats.droppedCount(), cpu.busiestThread(), cpu.threads(), engine);
    }

    private static Map<String, Double> percentiles(RunSpec spec, Histogram h) {
        Map<String, Double> pct = new LinkedHashMap<>();
        for (double p : spec.percentiles()) {
            pct.put(LocustFormat.percentileLabel(p),
                    h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(p * 100) / 1000.0);
        }
        return pct;
    }

    /** True when every request sent was either a success or a named failure. */
    public boolean nothingLost() {
        return unfinished == 0 && sent == succeeded + failed;
    }

    public double failureRatio() {
        return sent == 0 ? 0 : (double) failed / sent;
    }

    public List<String> percentileLabels() {
        return List.copyOf(percentilesMillis.keySet());
    }

    /**
     * The response-time percentile {@code fraction} (0.99 = p99) in milliseconds, as the CSV files
     * report it; it must be one of the run's percentiles.
     */
    public double percentileMillis(double fraction) {
        Double v = percentilesMillis.get(LocustFormat.percentileLabel(fraction));
        if (v == null) {
            throw new IllegalArgumentException("percentile " + LocustFormat.percentileLabel(fraction)
                    + " was not measured; this run has " + percentilesMillis.keySet());
        }
        return v;
    }
}
