package wasimoff.eval.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import wasimoff.eval.junit.EvaluationScenario;
import wasimoff.eval.junit.ScenarioPoints;
import wasimoff.eval.junit.ScenarioSession;
import wasimoff.eval.load.RunSummary;
import wasimoff.eval.report.RunResult;
import wasimoff.eval.scenario.ScenarioPoint;

/**
 * The seed's live-scaling evaluation ({@code mvn verify -Pscenario=livescaling}): one long run per
 * system while providers join and leave on the schedule of {@code scenarios/livescaling.yaml}. On
 * the embedded testbed every phase is half as long as in the file ({@code -Dschedule.scale=1} for
 * the file's times). Nothing may be lost while providers leave, and throughput must rise with every
 * provider added.
 */
@EvaluationScenario("livescaling")
class LiveScalingTest {
    @ParameterizedTest(name = "{0}")
    @ScenarioPoints
    void throughputFollowsTheProviders(ScenarioPoint point, ScenarioSession session) throws Exception {
        double scale = Double.parseDouble(System.getProperty("schedule.scale",
                session.settings().testbed().equals("embedded") ? "0.5" : "1"));
        System.out.println("== live scaling: phase times x" + scale + " (-Dschedule.scale)");
        RunResult result = session.runLiveScaling(point, scale);
        RunSummary s = result.summary();
        assertThat(s.nothingLost()).as("sent %d = succeeded %d + failed %d", s.sent(), s.succeeded(), s.failed())
                .isTrue();
        assertThat(s.failures().keySet()).allSatisfy(reason -> assertThat(reason).isNotBlank());
        List<String> phases = Files.readAllLines(result.directory().resolve("phases.csv"));
        double previous = 0;
        int previousProviders = 0;
        for (String line : phases.subList(1, phases.size())) {
            String[] c = line.split(";");
            int providers = Integer.parseInt(c[0]);
            double plateau = Double.parseDouble(c[3]);
            if (providers > previousProviders && previousProviders > 0) {
                assertThat(plateau).as("plateau with %d providers above the one with %d", providers, previousProviders)
                        .isGreaterThan(previous);
            }
            previous = plateau;
            previousProviders = providers;
        }
    }
}
