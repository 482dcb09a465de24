package wasimoff.eval.junit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import wasimoff.eval.scenario.ScenarioPoint;

/**
 * The throughput evaluation of the seed, as a base for scenario classes: every point runs the TSP
 * load and must meet the session's {@link ThroughputBounds}.
 */
public abstract class ThroughputScenario {

    @DisplayName("throughput")
    @ParameterizedTest(name = "{0}")
    @ScenarioPoints
    void throughput(ScenarioPoint point, ScenarioSession session) throws Exception {
        session.bounds().assertMetBy(session.run(point).summary());
    }
}
