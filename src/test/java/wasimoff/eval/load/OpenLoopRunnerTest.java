package wasimoff.eval.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import wasimoff.eval.workload.ResponseChecks;

class OpenLoopRunnerTest {
    @Test
    void correctedLatencyGrowsWhenTheTargetFallsBehindWhileServiceTimeDoesNot() throws Exception {
        OpenLoopRunner.Summary fast = run(5);
        OpenLoopRunner.Summary slow = run(200);
        // four requests in flight at 200 ms each serve 20/s, half of the 40/s that arrive
        assertThat(slow.correctedMillis().get("99%")).isGreaterThan(2 * slow.serviceMillis().get("99%"));
        assertThat(slow.correctedMillis().get("99%")).isGreaterThan(5 * fast.correctedMillis().get("99%"));
        assertThat(slow.serviceMillis().get("50%")).isBetween(190.0, 600.0);
        for (OpenLoopRunner.Summary s : List.of(fast, slow)) {
            assertThat(s.sent()).isEqualTo(s.succeeded() + s.failed() + s.unfinished());
            assertThat(s.unfinished()).isZero();
            assertThat(s.sent()).isBetween(75L, 81L);
        }
    }

    @Test
    void theKneeIsTheFastestRunWithinTheBound() {
        OpenLoopRunner.Summary a = new OpenLoopRunner.Summary(10, 10, 10, 10, 0, 0, Map.of("99%", 20.0), Map.of(), Map.of());
        OpenLoopRunner.Summary b = new OpenLoopRunner.Summary(20, 19, 20, 20, 0, 0, Map.of("99%", 80.0), Map.of(), Map.of());
        OpenLoopRunner.Summary c = new OpenLoopRunner.Summary(30, 21, 30, 30, 0, 0, Map.of("99%", 900.0), Map.of(), Map.of());
        assertThat(KneeSweep.knee(List.of(a, b, c), 100)).contains(b);
        assertThat(KneeSweep.rates(100, 0.1, 1.2, 12)).hasSize(12).startsWith(10.0).endsWith(120.0);
    }

    private static OpenLoopRunner.Summary run(long delayMillis) throws Exception {
        try (var server = new LoopbackHttpServer(i -> new LoopbackHttpServer.Reply(200, "distance = 1.000", delayMillis))) {
            return new OpenLoopRunner(new RunSpec.HttpRequestTemplate("POST", server.url("/x"), Map.of(), ""),
                    ResponseChecks.named(ResponseChecks.WASIMOFF_RUN), 4, Duration.ofSeconds(30), "127.0.0.1")
                    .run(List.of(new OpenLoopRunner.Step(40, Duration.ofSeconds(2))));
        }
    }
}
