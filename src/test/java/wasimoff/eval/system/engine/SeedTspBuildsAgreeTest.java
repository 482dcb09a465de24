package wasimoff.eval.system.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import wasimoff.eval.workload.SeedTspInstances;
import wasimoff.eval.workload.SeedTspInstalled;
import wasimoff.eval.workload.SeedTspOutput;
import wasimoff.eval.workload.Workload;

/**
 * The seed's TSP program gives the same distance, to the last digit, in every build and engine the
 * evaluation runs it in: instances written once with {@code tsp write N} (committed under
 * {@code seed-instances/}) are solved with {@code tsp read} natively (dynamic and static) and as the
 * wasm module in Chicory and Node. The module is built by another compiler (Debian's rustc 1.63) with
 * an older {@code time} crate than the native builds, so this is what says the results are
 * comparable. Our wasmtime engine cannot feed stdin (wasmtime-java 0.19, see {@link WasmtimeEngine}):
 * it must refuse the instance, and its {@code rand n} runs must give results of the program.
 */
class SeedTspBuildsAgreeTest {
    private static Workload seed;

    @BeforeAll
    static void install() {
        seed = SeedTspInstalled.workload();
    }

    @ParameterizedTest(name = "n={0}")
    @CsvSource({"5, 323.88580495079685", "8, 555.4398753196787", "10, 480.78265295131365"})
    void everyBuildAndEngineSolvesAFixedInstanceToTheSameDistance(int n, String distance) throws Exception {
        byte[] instance = SeedTspInstances.instance(n);
        Map<String, String> stdout = new LinkedHashMap<>();
        stdout.put("native", run(seed.nativeDynamic(), instance));
        stdout.put("static", run(seed.nativeStatic(), instance));
        for (String engine : List.of("chicory", "node")) {
            WasmEngine e = WasmEngine.named(engine);
            e.compile("tsp", seed.module());
            WasmEngine.Result r = e.run("tsp", List.of("tsp", "read"), List.of(), instance);
            assertThat(r.exitCode()).as(engine + " exit status; stderr: " + new String(r.stderr(), StandardCharsets.UTF_8)).isZero();
            assertThat(new String(r.stderr(), StandardCharsets.UTF_8)).as(engine + " stderr").startsWith("path = [");
            stdout.put(engine, new String(r.stdout(), StandardCharsets.UTF_8));
        }
        assertThat(stdout).allSatisfy((build, out) ->
                assertThat(SeedTspOutput.distanceText(out)).as(build + " printed " + out).contains(distance));
    }

    @ParameterizedTest(name = "n={0}")
    @CsvSource({"5", "8", "10"})
    void wasmtimeRefusesStdinAndSolvesRandomInstancesOfTheSeedProgram(int n) throws Exception {
        WasmEngine wasmtime = WasmEngine.named("wasmtime");
        wasmtime.compile("tsp", seed.module());
        assertThatThrownBy(() -> wasmtime.run("tsp", List.of("tsp", "read"), List.of(), SeedTspInstances.instance(n)))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("stdin");
        List<String> argv = new java.util.ArrayList<>(List.of("tsp"));
        argv.addAll(seed.args(n));
        WasmEngine.Result r = wasmtime.run("tsp", argv, List.of(), null);
        assertThat(r.exitCode()).isZero();
        assertThat(SeedTspOutput.invalid(new String(r.stdout(), StandardCharsets.UTF_8))).isEmpty();
    }

    private static String run(Path program, byte[] stdin) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(program.toString(), "read").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().write(stdin);
        p.getOutputStream().close();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(program + " exit status").isZero();
        return out;
    }
}
