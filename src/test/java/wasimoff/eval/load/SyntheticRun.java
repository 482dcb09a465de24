package wasimoff.eval.load;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import wasimoff.eval.workload.ResponseChecks;

/**
 * A load run's results directory made from seeded, synthetic measurements but written by the load
 * generator's own {@link RequestStats}, {@link RunSummary} and {@link ResultsWriter}: the same files
 * a run writes, without a server or wall-clock time, and identical for the same shape.
 *
 * @param seconds           history rows before the final (drain) row
 * @param requestsPerSecond mean requests completed per second
 * @param medianMillis      median response time; times spread log-normally around it
 * @param failureShare      share of requests that fail with HTTP 500
 * @param droppedPerSecond  open-loop arrivals dropped every second (failures without a time)
 */
public record SyntheticRun(long seed, int seconds, int requestsPerSecond, double medianMillis, double failureShare,
                           int droppedPerSecond) {
    /** The first history row's Unix second. */
    public static final long START = 1_700_000_000L;

    /** A run without dropped arrivals. */
    public SyntheticRun(long seed, int seconds, int requestsPerSecond, double medianMillis, double failureShare) {
        this(seed, seconds, requestsPerSecond, medianMillis, failureShare, 0);
    }

    /** The spec a run of this shape records in {@code run.json}. */
    public RunSpec spec(String name) {
        return new RunSpec(name, new RunSpec.HttpRequestTemplate("POST", "http://127.0.0.1:9/api/client/run/tsp.wasm",
                Map.of(), "{}"), ResponseChecks.HTTP_2XX, 16, 4, seconds * 1000L, null, "127.0.0.1", 120_000,
                "locust");
    }

    /** Feeds this run's measurements into {@code stats}, one tick per second plus the drain tick. */
    public void feed(RequestStats stats) {
        Random random = new Random(seed);
        for (int i = 0; i <= seconds; i++) {
            int n = i == seconds ? requestsPerSecond / 10
                    : requestsPerSecond - requestsPerSecond / 10 + random.nextInt(requestsPerSecond / 5 + 1);
            for (int r = 0; r < n; r++) {
                stats.sent();
                long micros = Math.round(medianMillis * 1000 * Math.exp(0.5 * random.nextGaussian()));
                boolean failed = random.nextDouble() < failureShare;
                stats.record(micros, micros - 30, failed ? 4 : 20, failed ? "HTTP 500: boom" : null);
            }
            for (int d = 0; d < droppedPerSecond && i < seconds; d++) {
                stats.sent();
                stats.dropped("not sent: queue full");
            }
            stats.tick(START + i, i == seconds ? 0 : Math.min(16, 4 * (i + 1)));
        }
    }

    /** Writes the results directory of this run into {@code dir} and returns its summary. */
    public RunSummary write(Path dir, String name) throws IOException {
        RunSpec spec = spec(name);
        RequestStats stats = new RequestStats(spec.percentiles());
        feed(stats);
        RunSummary summary = RunSummary.of(spec, stats, Instant.ofEpochSecond(START), Duration.ofSeconds(seconds),
                new GeneratorCpu.Usage(0.25, 0.2, 3), 2, "synthetic");
        new ResultsWriter(spec, stats, summary).writeTo(dir);
        return summary;
    }
}
