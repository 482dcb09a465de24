package wasimoff.eval.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wasimoff.eval.workload.ResponseChecks;

class KneeSweepTest {
    @TempDir
    Path out;

    @Test
    void ratesRunFromTenToOneHundredTwentyPercentOfTheMaximum() {
        assertThat(KneeSweep.rates(1000, 0.1, 1.2, 12)).hasSize(12).first().isEqualTo(100.0);
        assertThat(KneeSweep.rates(1000, 0.1, 1.2, 12).get(11)).isEqualTo(1200.0);
    }

    /** A system that serves up to 500/s; its p99 explodes past 450/s. */
    @Test
    void theKneeIsTheHighestThroughputUnderTheBoundAndTheSweepStopsPastIt() throws Exception {
        List<Double> asked = new ArrayList<>();
        KneeSweep.Step model = rate -> {
            asked.add(rate);
            double achieved = Math.min(rate, 500);
            double p99 = rate <= 450 ? 20 + rate / 50 : 2000;
            return new KneeSweep.Point(rate, achieved, p99, 0, null);
        };
        KneeSweep.Result r = new KneeSweep(100, 0.01).sweep(KneeSweep.rates(500, 0.1, 1.2, 12), model);
        assertThat(r.kneePoint()).get().extracting(KneeSweep.Point::targetRate).isEqualTo(450.0);
        assertThat(asked).hasSize(11).last().isEqualTo(550.0);
        assertThat(r.table()).contains("<- knee");
    }

    @Test
    void pointsWithTooManyFailuresAreNoKnee() throws Exception {
        KneeSweep.Result r = new KneeSweep(100, 0.01).sweep(List.of(10.0, 20.0),
                rate -> new KneeSweep.Point(rate, rate, 5, rate > 15 ? 0.5 : 0, null));
        assertThat(r.kneePoint()).get().extracting(KneeSweep.Point::targetRate).isEqualTo(10.0);
    }

    /** A real target that answers 4 requests at a time in 20 ms: about 200 per second. */
    @Test
    void aRealSweepFindsAKneeBelowTheTargetsCapacity() throws Exception {
        try (var server = new LoopbackHttpServer(i -> new LoopbackHttpServer.Reply(200, "ok", 20), 4)) {
            RunSpec base = new RunSpec("knee", new RunSpec.HttpRequestTemplate("GET", server.url("/x"), Map.of(), ""),
                    ResponseChecks.HTTP_2XX, 1, 1, 1500, null, "127.0.0.1", 30_000, "locust", null, 4, 1);
            KneeSweep.Result r = new KneeSweep(1000, 0.01).sweep(List.of(50.0, 100.0, 400.0, 600.0),
                    KneeSweep.openLoop(base, ResponseChecks.named(base.check()), out, line -> { }));
            assertThat(r.kneePoint()).as(r.table()).isPresent();
            assertThat(r.knee().targetRate()).isLessThanOrEqualTo(100.0);
            assertThat(r.points().get(r.points().size() - 1).p99Millis()).isGreaterThan(1000);
            assertThat(out.resolve("rate-50.0/locust_stats.csv")).exists();
        }
    }
}
