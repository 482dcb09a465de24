package wasimoff.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultAnalysisTest {
    private static final List<FaultAnalysis.Event> EVENTS = List.of(
            new FaultAnalysis.Event(10.4, "kill-provider 1", true, ""),
            new FaultAnalysis.Event(20.2, "restart-broker", true, ""));

    @Test
    void recoveryCountsFromTheEventToTheFirstSecondBackAtNinetyPercentAfterTheDip() {
        List<Double> rps = new ArrayList<>(Collections.nCopies(30, 100.0));
        for (int s = 20; s < 24; s++) {
            rps.set(s, 0.0);
        }
        List<FaultAnalysis.Impact> impacts = FaultAnalysis.analyse(rps, noFailures(30), EVENTS, 100);
        assertThat(impacts.get(0).recoverySeconds()).as("never below 90%").isZero();
        assertThat(impacts.get(1).fromRow()).isEqualTo(20);
        assertThat(impacts.get(1).lowest()).isZero();
        // rows 24..26 are the first three-second average at 100 again
        assertThat(impacts.get(1).recoverySeconds()).isEqualTo(4);
    }

    @Test
    void aThroughputThatNeverComesBackIsNotRecovered() {
        List<Double> rps = new ArrayList<>(Collections.nCopies(30, 100.0));
        for (int s = 20; s < 30; s++) {
            rps.set(s, 50.0);
        }
        assertThat(FaultAnalysis.analyse(rps, noFailures(30), EVENTS, 100).get(1).recoverySeconds()).isEqualTo(-1);
    }

    @Test
    void failuresAreCountedInTheWindowUntilTheNextEvent() {
        List<Map<String, Long>> failures = noFailures(30);
        failures.set(9, Map.of("HTTP 500", 5L));
        failures.set(15, Map.of("timeout after 120000 ms", 2L));
        failures.set(25, Map.of("connection error: connection refused", 3L));
        List<FaultAnalysis.Impact> impacts = FaultAnalysis.analyse(Collections.nCopies(30, 100.0), failures, EVENTS, 100);
        assertThat(impacts.get(0).failures()).containsOnly(Map.entry("timeout after 120000 ms", 2L));
        assertThat(impacts.get(1).failures()).containsOnly(Map.entry("connection error: connection refused", 3L));
    }

    @Test
    void steadyThroughputIsTheMeanOfTheSecondHalfBeforeTheFirstEvent() {
        List<Double> rps = List.of(0.0, 0.0, 0.0, 0.0, 0.0, 80.0, 100.0, 120.0, 100.0, 100.0, 100.0, 0.0);
        assertThat(FaultAnalysis.steady(rps, EVENTS)).isEqualTo(100.0);
    }

    @Test
    void reasonsSortIntoTimedOutRetriedAndAnswered() {
        assertThat(FaultAnalysis.byFate(Map.of("timeout after 120000 ms", 1L, "connection error: connect timeout", 2L,
                "connection error: connection refused", 4L, "connection error: closed by server", 8L,
                "HTTP 500: Ref not found in storage", 16L)))
                .containsEntry(FaultAnalysis.Fate.TIMED_OUT, 3L)
                .containsEntry(FaultAnalysis.Fate.NO_RESPONSE_RETRIED, 12L)
                .containsEntry(FaultAnalysis.Fate.ANSWERED_WITH_ERROR, 16L);
    }

    private static List<Map<String, Long>> noFailures(int n) {
        List<Map<String, Long>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(Map.of());
        }
        return rows;
    }
}
