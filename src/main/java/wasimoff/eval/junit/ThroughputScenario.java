package wasimoff.eval.junit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import wasimoff.eval.load.RunSummary;
import wasimoff.eval.report.RunResult;
import wasimoff.eval.scenario.ScenarioPoint;

/**
 * The throughput evaluation of the seed, as a base for scenario classes: every point runs the TSP
 * load and must reach a throughput above {@code -Dassert.min-rps} (default: more than 0), a failure
 * ratio of at most {@code -Dassert.max-failure-ratio} (default 0.01), and lose nothing (every
 * request sent is a success or a named failure).
 */
public abstract class ThroughputScenario {

    @ParameterizedTest(name = "{0}")
    @ScenarioPoints
    void throughput(ScenarioPoint point, ScenarioSession session) throws Exception {
        RunSummary s = session.run(point).summary();
        double minRps = Double.parseDouble(System.getProperty("assert.min-rps", "0"));
        double maxFailureRatio = Double.parseDouble(System.getProperty("assert.max-failure-ratio", "0.01"));
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
