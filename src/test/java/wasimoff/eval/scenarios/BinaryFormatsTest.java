package wasimoff.eval.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.Allure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import wasimoff.eval.formats.EngineRuntime;
import wasimoff.eval.formats.HyperfineRuntime;
import wasimoff.eval.formats.RunTimes;
import wasimoff.eval.formats.ServiceTimes;
import wasimoff.eval.formats.SystemRuntime;
import wasimoff.eval.formats.TspRuntime;
import wasimoff.eval.system.SystemUnderTest;
import wasimoff.eval.junit.EvaluationScenario;
import wasimoff.eval.junit.ScenarioSession;
import wasimoff.eval.scenario.ScenarioPoint;
import wasimoff.eval.settings.SettingValues;
import wasimoff.eval.settings.Settings;
import wasimoff.eval.report.AllureReport;
import wasimoff.eval.report.RunTimeChart;
import wasimoff.eval.scenario.ScenarioLoader;
import wasimoff.eval.workload.Workload;
import wasimoff.eval.workload.Workloads;

/**
 * The seed's binary-formats evaluation ({@code mvn verify -Pscenario=binaryformats}) on the workload's
 * TSP program ({@code -Dworkload=seed-tsp|own-tsp}, default as {@link Workloads#resolve}): its run time
 * per n as the native build ({@code native}), the static build ({@code static}), the Wasm module in
 * Node's {@code node:wasi} ({@code node}) and any of the wasmtime, wasmer, wasmedge or iwasm command
 * lines found on the PATH (whole processes, timed by hyperfine), in Chicory and wasmtime ({@code chicory},
 * {@code wasmtime}: in this JVM, same statistics), and end to end through each deployed system one
 * request at a time (scenarios/binaryformats.yaml: 2 x CCX13 on the testbed {@code -Dtestbed=} picks,
 * the systems {@code -Dsystems=} names). One
 * hyperfine-format CSV per runtime whose command column reads {@code native(10)}, {@code chicory(10)},
 * ..., {@code service-times.csv} (the native mean per n, for other reports), a chart of run time
 * against n and the ratio of every runtime to native per n. Defaults: n = 2..11, 2 warm-up and 15
 * measured runs ({@code -Dformats.n=2..11}, {@code -Dformats.warmup}, {@code -Dformats.runs}).
 */
@EvaluationScenario("binaryformats")
class BinaryFormatsTest {
    @Test
    void runTimePerRuntimeAndN(ScenarioSession session) throws Exception {
        String why = HyperfineRuntime.unavailableReason();
        Assumptions.assumeTrue(why == null, why);
        SettingValues v = session.values();
        String[] range = v.getOr(Settings.FORMATS_N, "2..11").split("\\.\\.");
        List<Integer> ns = IntStream.rangeClosed(Integer.parseInt(range[0]), Integer.parseInt(range[1])).boxed().toList();
        int warmup = v.getOr(Settings.FORMATS_WARMUP, 2);
        int runs = v.getOr(Settings.FORMATS_RUNS, 15);
        // the run installed the workload's programs before its first point
        Workload workload = session.orchestrator().workload();
        System.out.printf("== binaryformats: %s, n=%s, %d warm-up + %d measured runs each (seed: n=2..13)%n",
                workload.label(), ns, warmup, runs);
        Allure.epic("binaryformats");
        Allure.parameter("n", ns.toString());
        Allure.parameter("runs", runs);
        Allure.parameter("warm-up runs", warmup);
        workload.parameters().forEach(Allure::parameter);
        Path root = ScenarioLoader.defaultDirectory().toAbsolutePath().getParent();
        Path dir = session.evaluationDirectory("binaryformats", session.settings().testbed());
        Path wasm = Files.write(dir.resolve("tsp.wasm"), workload.module());
        List<TspRuntime> runtimes = new ArrayList<>(List.of(
                new HyperfineRuntime("native", List.of(workload.nativeDynamic().toString()), workload, dir),
                new HyperfineRuntime("static", List.of(workload.nativeStatic().toString()), workload, dir),
                new HyperfineRuntime("node", List.of("node", "--no-warnings",
                        root.resolve("workload/tsp/run-wasm.mjs").toString(), wasm.toString()), workload, dir),
                new EngineRuntime("wasmtime", workload),
                new EngineRuntime("chicory", workload)));
        // Wasm runtimes a user may have installed; each is measured when found and named when not
        Map<String, List<String>> optional = new LinkedHashMap<>();
        optional.put("wasmtime", List.of("wasmtime", "run", wasm.toString()));
        optional.put("wasmer", List.of("wasmer", "run", wasm.toString(), "--"));
        optional.put("wasmedge", List.of("wasmedge", wasm.toString()));
        optional.put("iwasm", List.of("iwasm", wasm.toString()));
        for (var e : optional.entrySet()) {
            if (onPath(e.getKey())) {
                runtimes.add(new HyperfineRuntime(e.getKey() + "-cli", e.getValue(), workload, dir));
            } else {
                System.out.println("   " + e.getKey() + "-cli not measured: '" + e.getKey() + "' is not on the PATH");
            }
        }
        Map<String, List<RunTimes>> results = new LinkedHashMap<>();
        measureAll(runtimes, ns, warmup, runs, dir, results);
        // end to end through each system, deployed by the orchestrator on the testbed -Dtestbed picks
        for (ScenarioPoint point : session.points()) {
            if (results.containsKey(point.system())) {
                continue;
            }
            SystemUnderTest sut;
            try {
                sut = session.deploy(point).system();
            } catch (org.opentest4j.TestAbortedException notRun) {
                System.out.println("   " + point.system() + " not measured: " + notRun.getMessage());
                continue;
            }
            measureAll(List.of(new SystemRuntime(sut)), ns, warmup, runs, dir, results);
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
            List<RunTimes> times = Allure.step("measure " + r.name(), () -> r.measure(ns, warmup, runs));
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
                row.add(String.format(Locale.ROOT, "%.2f", times.get(i).mean() / results.get("native").get(i).mean()));
            }
            ratios.add(String.join(";", row));
        });
        Files.write(dir.resolve("ratio-to-native.csv"), ratios);
        ServiceTimes.write(results.get("native"), dir.resolve(ServiceTimes.FILE));
        RunTimeChart.write(results, "TSP run time per runtime (mean +- stddev)", dir.resolve("runtimes.png"));
        AllureReport.attach("run time against n", dir.resolve("runtimes.png"));
        AllureReport.attach("ratio to native", dir.resolve("ratio-to-native.csv"));
        ratios.forEach(l -> System.out.println("   " + l));
        System.out.println("== binaryformats results: " + dir);
        int i10 = ns.indexOf(10);
        if (i10 >= 0) {
            assertThat(results.get("native").get(i10).mean()).as("native faster than Chicory at n=10")
                    .isLessThan(results.get("chicory").get(i10).mean());
        }
        int i11 = ns.indexOf(11);
        if (i11 >= 0) {
            assertThat(results.get("wasmtime").get(i11).mean()).as("wasmtime within 3x of native at n=11")
                    .isLessThan(3 * results.get("native").get(i11).mean());
        }
    }
}
