package wasimoff.eval.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class as the run of one scenario file, {@code scenarios/<value>.yaml}.
 *
 * <p>Before the class, the extension loads and validates the scenario, resolves what runs on the
 * chosen testbed ({@code -Dtestbed=embedded|docker|hetzner}, default {@code embedded}, see
 * {@link wasimoff.eval.scenario.RunSettings} for the overrides), prints those settings and provisions
 * the testbed for the largest fleet. Test methods take a {@link wasimoff.eval.scenario.ScenarioPoint}
 * from {@link ScenarioPoints} and a {@link ScenarioSession}, which deploys, scales, runs the load and
 * reports it to Allure. After the class the testbed and every system are torn down through JUnit's
 * {@code ExtensionContext.Store}, also when a test failed; a JVM shutdown hook backs this up.
 *
 * <pre>{@code
 * @EvaluationScenario("optimal")
 * class OptimalScenarioTest extends ThroughputScenario {
 * }
 * }</pre>
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ScenarioExtension.class)
@Tag("scenario")
public @interface EvaluationScenario {
    /** The scenario id: the file name in {@code scenarios/} without {@code .yaml}. */
    String value();
}
