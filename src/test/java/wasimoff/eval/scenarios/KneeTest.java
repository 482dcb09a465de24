package wasimoff.eval.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.Allure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import wasimoff.eval.junit.EvaluationScenario;
import wasimoff.eval.junit.ScenarioPoints;
import wasimoff.eval.junit.ScenarioSession;
import wasimoff.eval.load.ArrivalSchedule;
import wasimoff.eval.load.KneeSweep;
import wasimoff.eval.load.RunSpec;
import wasimoff.eval.load.RunSummary;
import wasimoff.eval.report.AllureReport;
import wasimoff.eval.report.KneeChart;
import wasimoff.eval.report.RunResult;
import wasimoff.eval.run.ScenarioRun;
import wasimoff.eval.scenario.ScenarioPoint;
import wasimoff.eval.settings.SettingValues;
import wasimoff.eval.settings.Settings;
import wasimoff.eval.system.SystemUnderTest;

/**
 * The seed's "throughput x response time" evaluation ({@code mvn verify -Pscenario=knee}): first the
 * closed-loop maximum throughput of a fleet (scenarios/knee.yaml: 2 x CCX13, TSP n = 8, on the testbed
 * {@code -Dtestbed=} picks; the load runs from the client node), then open-loop runs at 10% to
 * 120% of it; response times are measured from the intended send time (corrected for coordinated
 * omission). Writes {@code knee.csv} and a chart of p50/p95/p99 against achieved throughput and
 * reports the knee: the highest throughput whose p99 stays under {@code -Dknee.p99-ms} (default 100).
 */
@EvaluationScenario("knee")
class KneeTest {
    @ParameterizedTest(name = "{0}")
    @ScenarioPoints
    void responseTimeGrowsSharplyPastTheKnee(ScenarioPoint point, ScenarioSession session) throws Exception {
        SettingValues v = session.values();
        double bound = v.getOr(Settings.KNEE_P99_MS, 100.0);
        int steps = v.getOr(Settings.KNEE_STEPS, 8);
        Duration stepTime = Duration.ofSeconds(v.getOr(Settings.KNEE_STEP_SECONDS, 4));
        String system = point.systemLabel();
        Allure.parameter("p99 bound", bound + " ms");
        ScenarioRun.Deployed deployed = session.deploy(point);
        Path dir = session.evaluationDirectory("knee", system);
        SystemUnderTest sut = deployed.system();
        RunSpec.HttpRequestTemplate request = sut.request(point.tspN());
        String bind = deployed.clientAddress();
        RunSpec closed = new RunSpec(system + " max", request, sut.responseCheck(), 32, 32, 8000, null, bind,
                60_000, "locust");
        // a discarded warm-up first (JIT, module compilation, Serverledge's cold starts), then the
        // maximum as the median per-second rate after the users have all started
        Allure.step("closed-loop warm-up (discarded)", () ->
                session.orchestrator().runLoad(closed, dir.resolve("warm-up"), line -> { }));
        double maxRate = Allure.step("closed-loop maximum", () -> {
            session.runLoad(closed, dir.resolve("closed-loop"));
            List<Double> perSecond = new ArrayList<>(RunResult.read(dir.resolve("closed-loop")).history().stream()
                    .skip(2).map(RunResult.HistoryRow::requestsPerSecond).toList());
            perSecond.remove(perSecond.size() - 1); // the drain after the run time
            java.util.Collections.sort(perSecond);
            return perSecond.get(perSecond.size() / 2);
        });
        List<Double> rates = KneeSweep.rates(maxRate, 0.1, 1.2, steps);
        List<RunSummary> runs = new ArrayList<>();
        List<KneeSweep.Point> points = new ArrayList<>();
        for (double rate : rates) {
            RunSpec open = new RunSpec(String.format(Locale.ROOT, "%s open %.1f/s", system, rate), request,
                    sut.responseCheck(), 1, 1, stepTime.toMillis(), null, bind, 60_000, "locust")
                    .withArrival(ArrivalSchedule.constant(rate));
            RunSummary r = Allure.step(String.format(Locale.ROOT, "open loop at %.1f req/s", rate), () ->
                    session.orchestrator().runLoad(open, dir.resolve(String.format(Locale.ROOT, "open-%06.1f", rate)),
                            line -> { }));
            runs.add(r);
            points.add(KneeSweep.Point.of(rate, r));
        }
        Optional<KneeSweep.Point> knee = new KneeSweep(bound, 0.0).knee(points);
        List<String> csv = new ArrayList<>(List.of("target_rps;achieved_rps;p50_ms;p95_ms;p99_ms;service_p99_ms;failed"));
        for (int i = 0; i < runs.size(); i++) {
            RunSummary r = runs.get(i);
            csv.add(String.format(Locale.ROOT, "%.1f;%.1f;%.1f;%.1f;%.1f;%.1f;%d", rates.get(i),
                    r.successesPerSecond(), r.percentileMillis(0.5), r.percentileMillis(0.95),
                    r.percentileMillis(0.99), r.serviceTimePercentilesMillis().getOrDefault("99%", 0.0), r.failed()));
        }
        Files.write(dir.resolve("knee.csv"), csv);
        KneeChart.write(runs, knee.map(KneeSweep.Point::achievedRate).orElse(null),
                system + ": response time against throughput (closed-loop max "
                        + String.format(Locale.ROOT, "%.1f", maxRate) + " req/s)",
                dir.resolve("knee.png"));
        AllureReport.attach("knee.csv", dir.resolve("knee.csv"));
        AllureReport.attach("response time against throughput", dir.resolve("knee.png"));
        String kneeText = knee.map(k -> String.format(Locale.ROOT, "knee: %.1f req/s with p99 %.1f ms (bound %.0f ms)",
                k.achievedRate(), k.p99Millis(), bound)).orElse("no rate kept p99 under " + bound + " ms");
        AllureReport.text("knee", kneeText);
        System.out.printf("== knee %s: closed-loop max %.1f req/s; %s -> %s%n", system, maxRate,
                kneeText, dir);
        csv.forEach(l -> System.out.println("   " + l));
        for (RunSummary r : runs) {
            assertThat(r.sent()).isEqualTo(r.succeeded() + r.failed() + r.unfinished());
        }
        assertThat(runs.get(runs.size() - 1).percentileMillis(0.99)).as("p99 past the maximum vs at 10% of it")
                .isGreaterThan(3 * runs.get(0).percentileMillis(0.99));
    }
}
