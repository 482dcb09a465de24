package wasimoff.eval.scenarios;

import wasimoff.eval.junit.EvaluationScenario;
import wasimoff.eval.junit.ThroughputScenario;

/** The seed's `badconn` scenario (scenarios/badconn.yaml): `mvn verify -Pscenario=badconn`. */
@EvaluationScenario("badconn")
class BadconnScenarioTest extends ThroughputScenario {
}
