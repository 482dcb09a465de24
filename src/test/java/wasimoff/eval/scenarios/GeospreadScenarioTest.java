package wasimoff.eval.scenarios;

import wasimoff.eval.junit.EvaluationScenario;
import wasimoff.eval.junit.ThroughputScenario;

/** The seed's `geospread` scenario (scenarios/geospread.yaml): `mvn verify -Pscenario=geospread`. */
@EvaluationScenario("geospread")
class GeospreadScenarioTest extends ThroughputScenario {
}
