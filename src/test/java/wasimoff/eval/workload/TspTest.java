package wasimoff.eval.workload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

public class TspTest {
    /** What {@code tsp rand 8 42} prints, pinned from the native build (docs/tsp-workload.md). */
    public static final String DISTANCE_8_SEED_42 = "1664.043";

    @Test
    void theCommittedModuleIsWebAssembly() {
        assertThat(Tsp.module()).startsWith(0, 'a', 's', 'm');
    }

    @Test
    void aDistanceLineIsAValidResult() {
        assertThat(Tsp.invalid("distance = 123.456\n")).isEmpty();
        assertThat(Tsp.distance("distance = 123.456\n")).hasValue(123.456);
    }

    @Test
    void anythingElseIsNamedAsInvalid() {
        assertThat(Tsp.invalid("usage: tsp rand N [SEED]")).hasValue("no TSP distance in output");
        assertThat(Tsp.invalid("distance = 0.000")).hasValue("TSP distance is not positive");
        assertThat(Tsp.invalid("distance = 12")).hasValue("no TSP distance in output");
    }
}
