package wasimoff.eval.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import wasimoff.eval.junit.EvaluationScenario;
import wasimoff.eval.junit.ScenarioPoints;
import wasimoff.eval.junit.ScenarioSession;
import wasimoff.eval.report.AllureReport;
import wasimoff.eval.report.TraceSteps;
import wasimoff.eval.report.WaterfallChart;
import wasimoff.eval.scenario.ScenarioPoint;
import wasimoff.eval.settings.Settings;
import wasimoff.eval.system.BrokerAndProviders;
import wasimoff.eval.system.TraceCollector;

/**
 * The seed's single-request trace ({@code mvn verify -Pscenario=trace}): on an idle system, one TSP
 * request at a time (n = 8 and 10, {@code -Dtrace.repeat}, default 50), traced with Wasimoff's event
 * names, split into the steps from client to provider and back. Writes {@code steps.csv}
 * ({@code step_ms;label}, median per step) and a waterfall chart; the steps must add up to the
 * client's end-to-end time within 5%. The points are scenarios/trace.yaml's (Wasimoff, and reference on
 * the local testbeds), on the testbed {@code -Dtestbed=} picks.
 */
@EvaluationScenario("trace")
class TraceTest {
    @ParameterizedTest(name = "{0}")
    @ScenarioPoints
    void stepsAddUpToTheEndToEndTime(ScenarioPoint point, ScenarioSession session) throws Exception {
        int repeat = session.values().getOr(Settings.TRACE_REPEAT, 50);
        String system = point.systemLabel();
        int n = point.tspN();
        io.qameta.allure.Allure.parameter("repetitions", repeat);
        BrokerAndProviders sut = (BrokerAndProviders) session.deploy(point).system();
        Path dir = session.evaluationDirectory("trace", system + "-tsp-" + n);
        try (TraceCollector traces = new TraceCollector(sut.brokerUrl(), sut.workload())) {
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

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int k = sorted.size();
        return k % 2 == 1 ? sorted.get(k / 2) : (sorted.get(k / 2 - 1) + sorted.get(k / 2)) / 2;
    }
}
