package wasimoff.eval.scenarios;

import wasimoff.eval.junit.EvaluationScenario;
import wasimoff.eval.junit.ThroughputScenario;

/** The seed's `worstcase` scenario (scenarios/worstcase.yaml): `mvn verify -Pscenario=worstcase`. */
@EvaluationScenario("worstcase")
class WorstcaseScenarioTest extends ThroughputScenario {
}
