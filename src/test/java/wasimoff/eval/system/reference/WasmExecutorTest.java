package wasimoff.eval.system.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import wasimoff.eval.workload.Tsp;
import wasimoff.eval.workload.TspTest;

class WasmExecutorTest {
    private final WasmExecutor executor = new WasmExecutor();

    @Test
    void runsTheTspModuleToTheSameDistanceAsTheNativeBuild() {
        executor.compile("tsp", Tsp.module());
        WasmExecutor.Result r = executor.run("tsp", List.of("tsp.wasm", "rand", "8", "42"), List.of(), null);
        assertThat(r.exitCode()).isZero();
        assertThat(new String(r.stdout(), StandardCharsets.UTF_8)).isEqualTo(
                "distance = " + TspTest.DISTANCE_8_SEED_42 + "\n");
        assertThat(r.stderr()).isEmpty();
    }

    @Test
    void badArgumentsExitWithStatusTwoAndAUsageLine() {
        executor.compile("tsp", Tsp.module());
        WasmExecutor.Result r = executor.run("tsp", List.of("tsp.wasm", "rand", "99"), List.of(), null);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(new String(r.stderr(), StandardCharsets.UTF_8)).contains("usage: tsp rand N [SEED]");
        assertThat(r.stdout()).isEmpty();
    }

    @Test
    void tasksShareNoStateBetweenInstances() {
        executor.compile("tsp", Tsp.module());
        String first = new String(executor.run("tsp", List.of("tsp", "rand", "7", "1"), List.of(), null).stdout());
        executor.run("tsp", List.of("tsp", "rand", "9", "2"), List.of(), null);
        String again = new String(executor.run("tsp", List.of("tsp", "rand", "7", "1"), List.of(), null).stdout());
        assertThat(again).isEqualTo(first);
    }
}
