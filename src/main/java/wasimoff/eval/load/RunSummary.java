package wasimoff.eval.load;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The outcome of one load run, written as {@code summary.json}: counts, throughput, response-time
 * percentiles (milliseconds, uncorrected closed-loop values) and the load generator's own CPU use,
 * with a warning when the generator itself may have been the bottleneck.
 */
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
        String generatorWarning) {

    /** Above this share of the machine's cores the generator may have limited the measured throughput. */
    public static final double SATURATION_SHARE = 0.8;

    static RunSummary of(RunSpec spec, RequestStats stats, Instant started, Duration elapsed, long cpuNanos,
                         int cores, int unfinishedUsers) {
        Histogram h = stats.total();
        long completed = h.getTotalCount();
        long failed = stats.failureCount();
        double seconds = elapsed.toNanos() / 1e9;
        Map<String, Double> pct = new LinkedHashMap<>();
        for (double p : spec.percentiles()) {
            pct.put(LocustFormat.percentileLabel(p), completed == 0 ? 0 : h.getValueAtPercentile(p * 100) / 1000.0);
        }
        double cpuCores = cpuNanos / 1e9 / seconds;
        String warning = cpuCores > SATURATION_SHARE * cores
                ? String.format("load generator used %.2f of %d cores: the client may have limited this result",
                        cpuCores, cores)
                : null;
        return new RunSummary(spec.name(), started, seconds, spec.users(), stats.sentCount(), completed - failed,
                failed, stats.sentCount() - completed, completed / seconds, (completed - failed) / seconds,
                completed == 0 ? 0 : h.getMean() / 1000.0, completed == 0 ? 0 : h.getMinValue() / 1000.0,
                completed == 0 ? 0 : h.getMaxValue() / 1000.0, pct, stats.failuresByReason(), cpuCores, cores,
                warning);
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
}
