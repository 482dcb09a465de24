package wasimoff.eval.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wasimoff.eval.workload.ResponseChecks;

class OpenLoopTest {
    @TempDir
    Path out;

    @Test
    void sendsExactlyTheScheduledArrivalsWhateverTheAnswers() throws Exception {
        try (var server = new LoopbackHttpServer(i -> new LoopbackHttpServer.Reply(200, "ok", 30))) {
            RunSpec spec = spec(server.url("/x"), 2000, 64).withArrival(ArrivalSchedule.steps(1000, 40, 80));
            RunSummary s = new LoadRunner(spec, ResponseChecks.named(spec.check()), line -> { }).run(out);
            assertThat(s.sent()).isEqualTo(120).isEqualTo(server.requests());
            assertThat(s.nothingLost()).isTrue();
            assertThat(s.succeeded()).isEqualTo(120);
            assertThat(s.mode()).isEqualTo(RunSummary.OPEN_LOOP);
            assertThat(s.coordinatedOmissionCorrected()).isTrue();
            assertThat(s.targetRequestsPerSecond()).isEqualTo(60.0);
            assertThat(s.serviceTimePercentilesMillis()).containsKeys("50%", "99%");
            String json = Files.readString(out.resolve("summary.json"));
            assertThat(json).contains("\"coordinatedOmissionCorrected\" : true", "\"mode\" : \"open-loop\"");
        }
    }

    /**
     * The target answers two requests at a time; slowed from 5 to 100 ms per request it serves 20 per
     * second while 40 arrive. Requests wait for a connection in the generator's queue: the corrected
     * response times, from the intended send times, show that wait; the service times do not.
     */
    @Test
    void correctedLatencyGrowsWhenTheTargetIsSlowedDownWhileServiceTimeHardlyDoes() throws Exception {
        RunSummary fast = runAgainst(5);
        RunSummary slow = runAgainst(100);
        assertThat(fast.nothingLost()).isTrue();
        assertThat(slow.nothingLost()).isTrue();
        assertThat(slow.failed()).isZero();
        double correctedGrowth = slow.percentileMillis(0.99) / fast.percentileMillis(0.99);
        double serviceGrowth = slow.serviceTimePercentilesMillis().get("99%")
                / fast.serviceTimePercentilesMillis().get("99%");
        assertThat(slow.percentileMillis(0.99)).isGreaterThan(500);
        assertThat(slow.serviceTimePercentilesMillis().get("99%")).isLessThan(slow.percentileMillis(0.99) / 3);
        assertThat(correctedGrowth).isGreaterThan(2 * serviceGrowth);
    }

    @Test
    void aClosedLoopRunSaysItsLatencyIsNotCorrected() throws Exception {
        try (var server = new LoopbackHttpServer(i -> new LoopbackHttpServer.Reply(200, "ok", 1))) {
            RunSpec spec = spec(server.url("/x"), 1000, 64);
            RunSummary s = new LoadRunner(spec, ResponseChecks.named(spec.check()), line -> { }).run(out);
            assertThat(s.mode()).isEqualTo(RunSummary.CLOSED_LOOP);
            assertThat(s.coordinatedOmissionCorrected()).isFalse();
            assertThat(s.targetRequestsPerSecond()).isZero();
        }
    }

    private RunSummary runAgainst(long delayMillis) throws Exception {
        try (var server = new LoopbackHttpServer(i -> new LoopbackHttpServer.Reply(200, "ok", delayMillis), 2)) {
            RunSpec spec = spec(server.url("/x"), 2000, 2).withArrival(ArrivalSchedule.constant(40));
            return new LoadRunner(spec, ResponseChecks.named(spec.check()), line -> { })
                    .run(out.resolve("delay-" + delayMillis));
        }
    }

    private static RunSpec spec(String url, long runMillis, int maxInFlight) {
        return new RunSpec("open", new RunSpec.HttpRequestTemplate("GET", url, Map.of(), ""), ResponseChecks.HTTP_2XX,
                1, 1, runMillis, null, "127.0.0.1", 30_000, "locust", null, maxInFlight, 1);
    }
}
