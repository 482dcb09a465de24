package wasimoff.eval.scenarios;

import wasimoff.eval.junit.EvaluationScenario;
import wasimoff.eval.junit.ThroughputScenario;

/** The seed's `some-medium` scenario (scenarios/some-medium.yaml): `mvn verify -Pscenario=some-medium`. */
@EvaluationScenario("some-medium")
class SomeMediumScenarioTest extends ThroughputScenario {
}
