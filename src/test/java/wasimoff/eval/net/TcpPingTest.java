package wasimoff.eval.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Round trips over real sockets: a delayed and an undelayed route to one echo server, probed in alternation. */
class TcpPingTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void alternatingProbesGiveEachRouteItsOwnFigures() throws Exception {
        try (TcpPing.Echo echo = new TcpPing.Echo(LOOPBACK);
             DelayRelay delayed = new DelayRelay(LOOPBACK, new InetSocketAddress(LOOPBACK, echo.port()), 10)) {
            List<TcpPing.Stats> s = TcpPing.measure(LOOPBACK,
                    List.of(delayed.address(), new InetSocketAddress(LOOPBACK, echo.port())), 5, Duration.ofMillis(5));

            assertThat(s).hasSize(2);
            assertThat(s.get(0).count()).isEqualTo(5);
            assertThat(s.get(1).count()).isEqualTo(5);
            assertThat(s.get(0).minMs()).as("10 ms each way through the relay").isGreaterThanOrEqualTo(20.0);
            assertThat(s.get(1).avgMs()).as("the direct route, far below the relay's").isLessThan(s.get(0).minMs());
        }
    }

    @Test
    void theUndelayedRouteIsARelayOfItsOwnForDistantLocationsAndTheTargetForOne() throws Exception {
        AtomicInteger next = new AtomicInteger(10);
        try (TcpPing.Echo echo = new TcpPing.Echo(LOOPBACK);
             WanEmulation wan = new WanEmulation(LatencyCatalogue.hetzner(), () -> "127.0.0." + next.getAndIncrement())) {
            InetSocketAddress target = new InetSocketAddress(LOOPBACK, echo.port());
            InetSocketAddress delayed = wan.route("nbg1", "fsn1", target);
            InetSocketAddress undelayed = wan.undelayedRoute("nbg1", "fsn1", target);
            List<TcpPing.Stats> s = TcpPing.measure(LOOPBACK, List.of(delayed, undelayed), 8, Duration.ofMillis(5));

            assertThat(undelayed).isNotEqualTo(delayed).isNotEqualTo(target);
            assertThat(s.get(0).medianMs() - s.get(1).medianMs()).as("what the emulation adds: nbg1-fsn1's 2.986 ms")
                    .isCloseTo(2.986, org.assertj.core.data.Offset.offset(1.0));
            assertThat(wan.undelayedRoute("nbg1", "nbg1", target)).isEqualTo(wan.route("nbg1", "nbg1", target))
                    .isEqualTo(target);
        }
    }

    @Test
    void figuresReadBackAsWritten() {
        TcpPing.Stats s = TcpPing.Stats.parse("3.424;3.809;7.414;0.679;3.500");

        assertThat(s.line()).isEqualTo("3.424;3.809;7.414;0.679;3.500");
        assertThat(s.csv()).as("the seed's columns").isEqualTo("3.424;3.809;7.414;0.679");
        assertThat(s.medianMs()).isEqualTo(3.5);
        assertThatThrownBy(() -> TcpPing.Stats.parse("3.4;3.8")).hasMessageContaining("min;avg;max;mdev;median");
    }
}
