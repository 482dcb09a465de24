package wasimoff.eval.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Supplies a {@code @ParameterizedTest} with the points of the class's {@link EvaluationScenario}, in
 * sweep order (largest fleet first), one invocation per point.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ArgumentsSource(ScenarioPointsProvider.class)
public @interface ScenarioPoints {
}
