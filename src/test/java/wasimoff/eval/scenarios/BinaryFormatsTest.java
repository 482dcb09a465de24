package wasimoff.eval.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.Allure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import wasimoff.eval.install.Installer;
import wasimoff.eval.install.InstalledBinaries;
import wasimoff.eval.formats.EngineRuntime;
import wasimoff.eval.formats.HyperfineRuntime;
import wasimoff.eval.formats.RunTimes;
import wasimoff.eval.formats.SystemRuntime;
import wasimoff.eval.formats.TspRuntime;
import wasimoff.eval.system.SystemUnderTest;
import wasimoff.eval.system.Systems;
import wasimoff.eval.system.TwoProviderFleet;
import wasimoff.eval.report.AllureReport;
import wasimoff.eval.report.RunTimeChart;
import wasimoff.eval.scenario.ScenarioLoader;
import wasimoff.eval.workload.NativeTsp;

/**
 * The seed's binary-formats evaluation ({@code mvn verify -Pscenario=binaryformats}): the TSP
 * program's run time per n as a native build (gcc -O2), a static musl build and the Wasm module in
 * Node's {@code node:wasi} and any of the wasmtime, wasmer, wasmedge or iwasm command lines found on
 * the PATH (whole processes, timed by hyperfine), and in Chicory and wasmtime (in this
 * JVM, same statistics), and end to end through each deployed system one request at a time (2 x CCX13
 * on the embedded testbed). One hyperfine-format CSV per runtime, a chart of run time against n and the
 * ratio of every runtime to native per n. Defaults: n = 2..11, 2 warm-up and 15 measured runs
 * ({@code -Dformats.n=2..11}, {@code -Dformats.warmup}, {@code -Dformats.runs}).
 */
@Tag("scenario")
class BinaryFormatsTest {
    private static final long SEED = 42;

    @Test
    void runTimePerRuntimeAndN() throws Exception {
        String why = HyperfineRuntime.unavailableReason();
        Assumptions.assumeTrue(why == null, why);
        String[] range = System.getProperty("formats.n", "2..11").split("\\.\\.");
        List<Integer> ns = IntStream.rangeClosed(Integer.parseInt(range[0]), Integer.parseInt(range[1])).boxed().toList();
        int warmup = Integer.getInteger("formats.warmup", 2);
        int runs = Integer.getInteger("formats.runs", 15);
        System.out.printf("== binaryformats: n=%s, %d warm-up + %d measured runs each (seed: n=2..13)%n", ns, warmup,
                runs);
        Allure.epic("binaryformats");
        Allure.parameter("n", ns.toString());
        Allure.parameter("runs", runs);
        Allure.parameter("warm-up runs", warmup);
        Path root = ScenarioLoader.defaultDirectory().toAbsolutePath().getParent();
        Path dir = Path.of(System.getProperty("results.dir", root.resolve("results").toString()))
                .resolve("binaryformats").resolve(Instant.now().toString().replace(":", ""));
        Files.createDirectories(dir);
        Path wasm = root.resolve("src/main/resources/wasimoff/eval/workload/tsp.wasm");
        List<TspRuntime> runtimes = new ArrayList<>(List.of(
                new HyperfineRuntime("native-gcc", List.of(NativeTsp.gcc().toString()), dir),
                new HyperfineRuntime("native-musl-static", List.of(NativeTsp.muslStatic().toString()), dir),
                new HyperfineRuntime("wasm-node", List.of("node", "--no-warnings",
                        root.resolve("workload/tsp/run-wasm.mjs").toString(), wasm.toString()), dir),
                new EngineRuntime("wasmtime"),
                new EngineRuntime("chicory")));
        // Wasm runtimes a user may have installed; each is measured when found and named when not
        Map<String, List<String>> optional = new LinkedHashMap<>();
        optional.put("wasmtime", List.of("wasmtime", "run", wasm.toString()));
        optional.put("wasmer", List.of("wasmer", "run", wasm.toString(), "--"));
        optional.put("wasmedge", List.of("wasmedge", wasm.toString()));
        optional.put("iwasm", List.of("iwasm", wasm.toString()));
        for (var e : optional.entrySet()) {
            if (onPath(e.getKey())) {
                runtimes.add(new HyperfineRuntime("wasm-" + e.getKey() + "-cli", e.getValue(), dir));
            } else {
                System.out.println("   wasm-" + e.getKey() + "-cli not measured: '" + e.getKey() + "' is not on the PATH");
            }
        }
        List<AutoCloseable> deployed = new ArrayList<>();
        for (String system : List.of("reference", "wasimoff", "serverledge")) {
            var unmet = Systems.prepare(system, "embedded",
                    Installer.ofThisJvm(System.getProperty(Installer.INSTALL), System.out::println));
            if (unmet.isPresent()) {
                System.out.println("   e2e-" + system + " not measured: " + unmet.get().describe());
                continue;
            }
            TwoProviderFleet fleet = new TwoProviderFleet(dir.resolve("testbed-" + system));
            SystemUnderTest sut = Systems.create(system, InstalledBinaries.fromEnvironment(), 0, "chicory");
            deployed.add(fleet);
            deployed.add(sut);
            fleet.deploy(sut);
            runtimes.add(new SystemRuntime(sut));
        }
        Map<String, List<RunTimes>> results = new LinkedHashMap<>();
        try {
            measureAll(runtimes, ns, warmup, runs, dir, results);
        } finally {
            java.util.Collections.reverse(deployed);
            for (AutoCloseable c : deployed) {
                c.close();
            }
        }
        report(results, ns, dir);
    }

    private static boolean onPath(String program) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    private static void measureAll(List<TspRuntime> runtimes, List<Integer> ns, int warmup, int runs, Path dir,
                                   Map<String, List<RunTimes>> results) throws Exception {
        for (TspRuntime r : runtimes) {
            List<RunTimes> times = Allure.step("measure " + r.name(), () -> r.measure(ns, SEED, warmup, runs));
            results.put(r.name(), times);
            List<String> csv = new ArrayList<>(List.of(RunTimes.HEADER));
            times.forEach(t -> csv.add(t.csv()));
            Files.write(dir.resolve(r.name() + ".csv"), csv);
            AllureReport.attach(r.name() + ".csv", dir.resolve(r.name() + ".csv"));
            System.out.printf("   %-20s %s%n", r.name(), times.stream()
                    .map(t -> String.format(Locale.ROOT, "n=%d %.4fs", t.n(), t.mean())).toList());
        }
    }

    private static void report(Map<String, List<RunTimes>> results, List<Integer> ns, Path dir) throws Exception {
        List<String> ratios = new ArrayList<>(List.of("runtime;" + String.join(";", ns.stream().map(n -> "n=" + n).toList())));
        results.forEach((name, times) -> {
            List<String> row = new ArrayList<>(List.of(name));
            for (int i = 0; i < ns.size(); i++) {
                row.add(String.format(Locale.ROOT, "%.2f", times.get(i).mean() / results.get("native-gcc").get(i).mean()));
            }
            ratios.add(String.join(";", row));
        });
        Files.write(dir.resolve("ratio-to-native.csv"), ratios);
        RunTimeChart.write(results, "TSP run time per runtime (mean +- stddev)", dir.resolve("runtimes.png"));
        AllureReport.attach("run time against n", dir.resolve("runtimes.png"));
        AllureReport.attach("ratio to native", dir.resolve("ratio-to-native.csv"));
        ratios.forEach(l -> System.out.println("   " + l));
        System.out.println("== binaryformats results: " + dir);
        int i10 = ns.indexOf(10);
        if (i10 >= 0) {
            assertThat(results.get("native-gcc").get(i10).mean()).as("native faster than Chicory at n=10")
                    .isLessThan(results.get("wasm-chicory").get(i10).mean());
        }
        int i11 = ns.indexOf(11);
        if (i11 >= 0) {
            assertThat(results.get("wasm-wasmtime").get(i11).mean()).as("wasmtime within 1.5x of native at n=11")
                    .isLessThan(1.5 * results.get("native-gcc").get(i11).mean());
        }
    }
}
