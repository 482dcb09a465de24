package wasimoff.eval.junit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import wasimoff.eval.load.RunSummary;
import wasimoff.eval.settings.SettingValues;
import wasimoff.eval.settings.Settings;

/**
 * What a throughput point must reach: more successful requests per second than {@code minRps}
 * ({@code -Dassert.min-rps}, default 0), a failure ratio of at most {@code maxFailureRatio}
 * ({@code -Dassert.max-failure-ratio}, default 0.01), and nothing lost.
 */
public record ThroughputBounds(double minRps, double maxFailureRatio) {
    static ThroughputBounds from(SettingValues v) {
        return new ThroughputBounds(v.getOr(Settings.MIN_RPS, 0.0), v.getOr(Settings.MAX_FAILURE_RATIO, 0.01));
    }

    /** Asserts all three bounds at once, so a report shows every one that failed. */
    public void assertMetBy(RunSummary s) {
        assertAll(
                () -> assertTrue(s.successesPerSecond() > minRps, () -> String.format(
                        "throughput %.2f successful req/s is not above the floor %.2f", s.successesPerSecond(), minRps)),
                () -> assertTrue(s.failureRatio() <= maxFailureRatio, () -> String.format(
                        "failure ratio %.4f is above %.4f; failures: %s", s.failureRatio(), maxFailureRatio,
                        s.failures())),
                () -> assertTrue(s.nothingLost(), () -> String.format(
                        "requests lost: sent %d, succeeded %d, failed %d, unfinished %d", s.sent(), s.succeeded(),
                        s.failed(), s.unfinished())));
    }
}
