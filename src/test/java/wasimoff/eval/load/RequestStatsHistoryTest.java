package wasimoff.eval.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestStatsHistoryTest {
    /** The budget per second of run time that the per-second history may keep. */
    private static final long BYTES_PER_SECOND = 10_000;

    @TempDir
    Path out;

    /**
     * The expected files were written by the load generator before the history kept compact rows
     * (each row then held a copy of the cumulative histogram), from the same seeded run.
     */
    @Test
    void historyAndStatsCsvOfASeededRunAreTheSameAsWithCumulativeHistogramCopies() throws Exception {
        new SyntheticRun(42, 30, 200, 80, 0.05, 2).write(out, "synthetic");
        assertThat(Files.readString(out.resolve("locust_stats_history.csv"))).isEqualTo(resource("synthetic_stats_history.csv"));
        assertThat(Files.readString(out.resolve("locust_stats.csv"))).isEqualTo(resource("synthetic_stats.csv"));
    }

    @Test
    void historyRetainsLessThan10KilobytesPerSecondOfRunTime() throws Exception {
        RequestStats stats = new RequestStats(RunSpec.SEED_PERCENTILES);
        tick(stats, 0, 50);
        long before = usedHeapAfterGc();
        int seconds = 1000;
        tick(stats, 50, seconds);
        long after = usedHeapAfterGc();
        assertThat(stats.history()).hasSize(50 + seconds);
        Reference.reachabilityFence(stats);
        assertThat((after - before) / seconds).as("bytes retained per second of history").isLessThan(BYTES_PER_SECOND);
    }

    private static void tick(RequestStats stats, int first, int count) {
        for (int s = first; s < first + count; s++) {
            for (int r = 0; r < 20; r++) {
                stats.sent();
                stats.record(1_000L + 997L * ((s * 20L + r) % 5000), 900, 10, r == 0 ? "HTTP 500" : null);
            }
            stats.tick(SyntheticRun.START + s, 8);
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
            least = Math.min(least, rt.totalMemory() - rt.freeMemory());
        }
        return least;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = RequestStatsHistoryTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
