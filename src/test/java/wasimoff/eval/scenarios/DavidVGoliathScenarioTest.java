package wasimoff.eval.scenarios;

import wasimoff.eval.junit.EvaluationScenario;
import wasimoff.eval.junit.ThroughputScenario;

/** The seed's `david-v-goliath` scenario (scenarios/david-v-goliath.yaml): `mvn verify -Pscenario=david-v-goliath`. */
@EvaluationScenario("david-v-goliath")
class DavidVGoliathScenarioTest extends ThroughputScenario {
}
