package wasimoff.eval.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import wasimoff.eval.junit.EvaluationScenario;
import wasimoff.eval.junit.ScenarioPoints;
import wasimoff.eval.junit.ScenarioSession;
import wasimoff.eval.load.RunSummary;
import wasimoff.eval.report.FaultAnalysis;
import wasimoff.eval.report.RunResult;
import wasimoff.eval.scenario.ScenarioPoint;
import wasimoff.eval.settings.Settings;

/**
 * The faults evaluation ({@code mvn verify -Pscenario=faults}): one closed-loop run per system
 * through the events of {@code scenarios/faults.yaml} (x0.5 on the embedded testbed,
 * {@code -Dschedule.scale}). Every system's run must count every request (sent = succeeded + failed
 * + unfinished), record every event as enacted or say why not, and write its report; what each
 * event cost is the measurement. Our own {@code reference} system, whose providers reconnect by
 * design, must also enact every event and be back at 90% of its steady throughput after each.
 */
@EvaluationScenario("faults")
class FaultsTest {
    @ParameterizedTest(name = "{0}")
    @ScenarioPoints
    void everyEventIsMeasuredAndNoRequestUncounted(ScenarioPoint point, ScenarioSession session) throws Exception {
        double scale = session.values().getOr(Settings.SCHEDULE_SCALE,
                session.settings().testbed().equals("embedded") ? 0.5 : 1.0);
        System.out.println("== faults: event times x" + scale + " (-Dschedule.scale)");
        RunResult result = session.runFaults(point, scale);
        RunSummary s = result.summary();
        assertThat(s.sent()).as("sent = succeeded %d + failed %d + unfinished %d", s.succeeded(), s.failed(),
                s.unfinished()).isEqualTo(s.succeeded() + s.failed() + s.unfinished());
        assertThat(s.failures().keySet()).allSatisfy(reason -> assertThat(reason).isNotBlank());
        List<String> events = Files.readAllLines(result.directory().resolve("events.csv"));
        assertThat(events.subList(1, events.size())).hasSize(session.scenario().events().size())
                .allSatisfy(line -> assertThat(line.split(";", 3)[2]).isNotBlank());
        assertThat(result.directory().resolve("faults.png")).isNotEmptyFile();
        String report = Files.readString(result.directory().resolve("faults.md"));
        assertThat(report).contains("## What each event cost").contains("holds");
        List<FaultAnalysis.Event> happened = events.subList(1, events.size()).stream().map(line -> line.split(";", 3))
                .map(c -> new FaultAnalysis.Event(Double.parseDouble(c[0]), c[1], !c[2].startsWith("NOT ENACTED"), c[2]))
                .toList();
        double steady = FaultAnalysis.steady(result.successesOverTime(), happened);
        assertThat(steady).as("steady throughput before the first event").isPositive();
        if (point.system().equals("reference")) {
            assertThat(happened).allSatisfy(e -> assertThat(e.enacted()).as(e.label() + ": " + e.detail()).isTrue());
            // during a partition nothing can recover; after every other event the system must
            assertThat(FaultAnalysis.analyse(result.successesOverTime(), result.failuresOverTime(), happened, steady))
                    .filteredOn(i -> !i.event().label().startsWith("cut"))
                    .allSatisfy(i -> assertThat(i.recoverySeconds()).as("seconds until %s recovered", i.event().label())
                            .isNotNegative());
        }
    }
}
