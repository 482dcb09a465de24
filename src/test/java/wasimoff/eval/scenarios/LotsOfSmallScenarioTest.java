package wasimoff.eval.scenarios;

import wasimoff.eval.junit.EvaluationScenario;
import wasimoff.eval.junit.ThroughputScenario;

/** The seed's `lots-of-small` scenario (scenarios/lots-of-small.yaml): `mvn verify -Pscenario=lots-of-small`. */
@EvaluationScenario("lots-of-small")
class LotsOfSmallScenarioTest extends ThroughputScenario {
}
