package wasimoff.eval.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import wasimoff.eval.workload.ResponseChecks;

class TransportsTest {
    @TempDir
    Path out;

    @ParameterizedTest
    @EnumSource(EventLoops.Transport.class)
    void everyAvailableTransportRunsTheSameLoad(EventLoops.Transport transport) throws Exception {
        Assumptions.assumeTrue(transport.available(), transport + " is not available here");
        String before = System.getProperty(EventLoops.TRANSPORT_PROPERTY);
        System.setProperty(EventLoops.TRANSPORT_PROPERTY, transport.name().toLowerCase(java.util.Locale.ROOT));
        try (var server = new LoopbackHttpServer(i -> i % 5 == 0 ? new LoopbackHttpServer.Reply(503, "busy", 1)
                : new LoopbackHttpServer.Reply(200, "distance = 1.000", 1))) {
            RunSpec spec = new RunSpec("transport", new RunSpec.HttpRequestTemplate("POST", server.url("/x"),
                    Map.of("X-Args", "rand 8"), "body"), ResponseChecks.WASIMOFF_RUN, 3, 100, 800, null, "127.0.0.1",
                    5000, "locust");
            RunSummary s = new LoadRunner(spec, ResponseChecks.named(spec.check()), line -> { }).run(out);
            assertThat(s.generatorEngine()).contains(transport.name().toLowerCase(java.util.Locale.ROOT));
            assertThat(s.nothingLost()).isTrue();
            assertThat(s.sent()).isEqualTo(server.requests()).isPositive();
            assertThat(s.failures()).containsOnlyKeys("HTTP 503: busy");
        } finally {
            if (before == null) {
                System.clearProperty(EventLoops.TRANSPORT_PROPERTY);
            } else {
                System.setProperty(EventLoops.TRANSPORT_PROPERTY, before);
            }
        }
    }
}
