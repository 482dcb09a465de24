package wasimoff.eval.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aConstantRateSpacesArrivalsEvenlyUntilTheRunTime() {
        List<Long> t = all(ArrivalSchedule.constant(4), 2 * SECOND, 0, 1);
        assertThat(t).containsExactly(0L, 250_000_000L, 500_000_000L, 750_000_000L, SECOND, 1_250_000_000L,
                1_500_000_000L, 1_750_000_000L);
        assertThat(ArrivalSchedule.constant(4).plannedRequests(2000)).isEqualTo(8.0);
    }

    @Test
    void stepsFollowEachOtherAndArePausedAtRateZero() {
        ArrivalSchedule s = ArrivalSchedule.steps(1000, 2, 0, 3);
        assertThat(all(s, 3 * SECOND, 0, 1)).containsExactly(0L, 500_000_000L, 2 * SECOND,
                2 * SECOND + 333_333_333L, 2 * SECOND + 666_666_666L);
        assertThat(s.plannedRequests(3000)).isEqualTo(5.0);
        // cut at the run time
        assertThat(all(s, 1500_000_000L, 0, 1)).containsExactly(0L, 500_000_000L);
    }

    @Test
    void theSharesOfSeveralEventLoopsTogetherAreTheWholeSchedule() {
        ArrivalSchedule s = new ArrivalSchedule(List.of(new ArrivalSchedule.Step(7, 1000),
                new ArrivalSchedule.Step(13, 0)));
        List<Long> whole = all(s, 3 * SECOND, 0, 1);
        List<Long> shared = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            shared.addAll(all(s, 3 * SECOND, i, 3));
        }
        assertThat(shared).containsExactlyInAnyOrderElementsOf(whole).hasSize(7 + 26);
    }

    @Test
    void onlyTheLastStepMayLastUntilTheEnd() {
        assertThatThrownBy(() -> new ArrivalSchedule(List.of(new ArrivalSchedule.Step(1, 0),
                new ArrivalSchedule.Step(2, 1000)))).hasMessageContaining("only the last");
        assertThatThrownBy(() -> new ArrivalSchedule.Step(-1, 0)).hasMessageContaining("rate >= 0");
    }

    @Test
    void anOpenLoopSpecSurvivesJsonAndOldSpecsStillRead() throws Exception {
        RunSpec open = new RunSpec("open", new RunSpec.HttpRequestTemplate("GET", "http://127.0.0.1:1/x", Map.of(), ""),
                "http-2xx", 1, 1, 1000, null, null, 1000, null).withArrival(ArrivalSchedule.steps(500, 10, 20));
        String json = ResultsWriter.JSON.writeValueAsString(open);
        assertThat(ResultsWriter.JSON.readValue(json, RunSpec.class)).isEqualTo(open);
        String old = "{\"name\":\"old\",\"request\":{\"method\":\"GET\",\"url\":\"http://127.0.0.1:1/x\"},"
                + "\"check\":\"http-2xx\",\"users\":2,\"spawnRate\":1,\"runTimeMillis\":1000,"
                + "\"requestTimeoutMillis\":1000}";
        RunSpec read = ResultsWriter.JSON.readValue(old, RunSpec.class);
        assertThat(read.openLoop()).isFalse();
        assertThat(read.maxInFlight()).isEqualTo(RunSpec.DEFAULT_MAX_IN_FLIGHT);
        assertThat(read.eventLoops()).isEqualTo(RunSpec.defaultEventLoops());
    }

    private static List<Long> all(ArrivalSchedule s, long runNanos, int index, int stride) {
        Arrivals a = s.arrivals(runNanos, index, stride);
        List<Long> t = new ArrayList<>();
        for (long x = a.next(); x != Arrivals.NONE; x = a.next()) {
            t.add(x);
        }
        return t;
    }
}
