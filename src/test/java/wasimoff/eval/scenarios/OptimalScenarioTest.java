package wasimoff.eval.scenarios;

import wasimoff.eval.junit.EvaluationScenario;
import wasimoff.eval.junit.ThroughputScenario;

/** The seed's `optimal` scenario (scenarios/optimal.yaml): `mvn verify -Pscenario=optimal`. */
@EvaluationScenario("optimal")
class OptimalScenarioTest extends ThroughputScenario {
}
