package wasimoff.eval.system.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import wasimoff.eval.workload.Tsp;
import wasimoff.eval.workload.TspTest;

class WasmEngineTest {
    @ParameterizedTest
    @ValueSource(strings = {"chicory", "wasmtime", "node"})
    void runsTheTspModuleToTheSameDistanceAsTheNativeBuild(String name) throws Exception {
        WasmEngine engine = WasmEngine.named(name);
        engine.compile("tsp", Tsp.module());
        WasmEngine.Result r = engine.run("tsp", List.of("tsp.wasm", "rand", "8", "42"), List.of(), null);
        assertThat(r.exitCode()).isZero();
        assertThat(new String(r.stdout(), StandardCharsets.UTF_8)).isEqualTo(
                "distance = " + TspTest.DISTANCE_8_SEED_42 + "\n");
        assertThat(r.stderr()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"chicory", "wasmtime", "node"})
    void badArgumentsExitWithStatusTwoAndAUsageLine(String name) throws Exception {
        WasmEngine engine = WasmEngine.named(name);
        engine.compile("tsp", Tsp.module());
        WasmEngine.Result r = engine.run("tsp", List.of("tsp.wasm", "rand", "99"), List.of(), null);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(new String(r.stderr(), StandardCharsets.UTF_8)).contains("usage: tsp rand N [SEED]");
        assertThat(r.stdout()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"chicory", "wasmtime", "node"})
    void tasksShareNoStateBetweenInstances(String name) throws Exception {
        WasmEngine engine = WasmEngine.named(name);
        engine.compile("tsp", Tsp.module());
        String first = new String(engine.run("tsp", List.of("tsp", "rand", "7", "1"), List.of(), null).stdout());
        engine.run("tsp", List.of("tsp", "rand", "9", "2"), List.of(), null);
        String again = new String(engine.run("tsp", List.of("tsp", "rand", "7", "1"), List.of(), null).stdout());
        assertThat(again).isEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"chicory", "wasmtime", "node"})
    void anUncompiledModuleIsAnError(String name) {
        assertThatThrownBy(() -> WasmEngine.named(name).run("nope", List.of("x"), List.of(), null))
                .hasMessageContaining("module nope is not compiled");
    }

    @org.junit.jupiter.api.Test
    void unknownEngineListsTheValidOnes() {
        assertThatThrownBy(() -> WasmEngine.named("v8")).hasMessage("unknown engine 'v8'; valid: [chicory, wasmtime, node]");
    }
}
