package wasimoff.eval.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.Allure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import wasimoff.eval.system.InstalledForTests;
import wasimoff.eval.report.AllureReport;
import wasimoff.eval.report.TraceSteps;
import wasimoff.eval.report.WaterfallChart;
import wasimoff.eval.scenario.ScenarioLoader;
import wasimoff.eval.system.BrokerAndProviders;
import wasimoff.eval.install.InstalledBinaries;
import wasimoff.eval.system.TraceCollector;
import wasimoff.eval.system.TwoProviderFleet;
import wasimoff.eval.system.reference.ReferenceSystem;
import wasimoff.eval.system.wasimoff.WasimoffSystem;

/**
 * The seed's single-request trace ({@code mvn verify -Pscenario=trace}): on an idle system, one TSP
 * request at a time (n = 8 and 10, {@code -Dtrace.repeat}, default 50), traced with Wasimoff's event
 * names, split into the steps from client to provider and back. Writes {@code steps.csv}
 * ({@code step_ms;label}, median per step) and a waterfall chart; the steps must add up to the
 * client's end-to-end time within 5%. Runs the reference system, and Wasimoff where its broker is
 * installed.
 */
@Tag("scenario")
class TraceTest {
    @TempDir
    Path work;

    @ParameterizedTest(name = "{0} tsp-{1}")
    @CsvSource({"reference, 8", "reference, 10", "wasimoff, 8", "wasimoff, 10"})
    void stepsAddUpToTheEndToEndTime(String system, int n) throws Exception {
        InstalledBinaries cache = InstalledForTests.require(system, "embedded");
        int repeat = Integer.getInteger("trace.repeat", 50);
        Allure.epic("trace");
        Allure.feature(system);
        Allure.parameter("tsp-n", n);
        Allure.parameter("repetitions", repeat);
        Path root = ScenarioLoader.defaultDirectory().toAbsolutePath().getParent();
        Path dir = Path.of(System.getProperty("results.dir", root.resolve("results").toString()))
                .resolve("trace").resolve(system + "-tsp-" + n).resolve(Instant.now().toString().replace(":", ""));
        Files.createDirectories(dir);
        try (TwoProviderFleet fleet = new TwoProviderFleet(work)) {
            BrokerAndProviders sut = system.equals("wasimoff")
                    ? new WasimoffSystem(cache, "chicory") : new ReferenceSystem("chicory");
            try (sut; TraceCollector traces = new TraceCollector(fleet.deploy(sut).brokerUrl())) {
                traces.trace(n, 1); // warm-up: compiles the module on a provider
                Map<String, List<Double>> perStep = new LinkedHashMap<>();
                List<Double> endToEnd = new ArrayList<>();
                double stepSum = 0;
                for (int i = 0; i < repeat; i++) {
                    TraceCollector.Trace t = traces.trace(n, 42 + i);
                    endToEnd.add(t.endToEndNanos() / 1e6);
                    for (var e : TraceSteps.of(t.events()).entrySet()) {
                        perStep.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
                        stepSum += e.getValue();
                    }
                }
                Map<String, Double> medians = new LinkedHashMap<>();
                List<String> csv = new ArrayList<>(List.of("step_ms;label"));
                perStep.forEach((step, values) -> {
                    medians.put(step, median(values));
                    csv.add(String.format(Locale.ROOT, "%.3f;%s", median(values), step));
                });
                Files.write(dir.resolve("steps.csv"), csv);
                WaterfallChart.write(medians, system + " tsp-" + n + ": median time per step", dir.resolve("waterfall.png"));
                AllureReport.attach("steps.csv", dir.resolve("steps.csv"));
                AllureReport.attach("waterfall", dir.resolve("waterfall.png"));
                double meanE2e = endToEnd.stream().mapToDouble(Double::doubleValue).average().orElse(0);
                double meanSteps = stepSum / repeat;
                System.out.printf("== trace %s tsp-%d: end to end mean %.2f ms (median %.2f), steps sum %.2f ms -> %s%n",
                        system, n, meanE2e, median(endToEnd), meanSteps, dir);
                csv.forEach(l -> System.out.println("   " + l));
                assertThat(meanSteps).as("mean of the summed steps vs the client's mean end-to-end time")
                        .isCloseTo(meanE2e, org.assertj.core.data.Percentage.withPercentage(5));
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int k = sorted.size();
        return k % 2 == 1 ? sorted.get(k / 2) : (sorted.get(k / 2 - 1) + sorted.get(k / 2)) / 2;
    }
}
