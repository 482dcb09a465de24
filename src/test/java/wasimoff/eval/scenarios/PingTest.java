package wasimoff.eval.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.Allure;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wasimoff.eval.net.LatencyCatalogue;
import wasimoff.eval.net.TcpPing;
import wasimoff.eval.report.AllureReport;
import wasimoff.eval.report.LatencyChart;
import wasimoff.eval.scenario.Catalogue;
import wasimoff.eval.scenario.NodeRole;
import wasimoff.eval.scenario.NodeSpec;
import wasimoff.eval.scenario.ScenarioLoader;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.embedded.EmbeddedTestbed;

/**
 * The seed's ping test ({@code mvn verify -Pscenario=pingtest}): round trips between every pair of
 * the five locations (10 pairs), here over TCP through the embedded testbed's WAN emulation, written
 * as {@code results/pingtest/<timestamp>/results.csv} ({@code src;dest;min;avg;max;mdev}, sorted by
 * avg) with a chart. Every measured average must be within 10% (or 1 ms) of the catalogue. The seed
 * sent 256 pings 0.2 s apart; the embedded default is 32 pings 0.05 s apart
 * ({@code -Dping.count}, {@code -Dping.interval-ms}).
 */
@Tag("scenario")
class PingTest {
    @TempDir
    Path work;

    @Test
    void everyLocationPairMatchesTheMeasuredRoundTrip() throws Exception {
        int count = Integer.getInteger("ping.count", 32);
        Duration interval = Duration.ofMillis(Long.getLong("ping.interval-ms", 50));
        System.out.printf("== pingtest: %d pings every %d ms per pair (seed: 256 every 200 ms)%n", count,
                interval.toMillis());
        Allure.epic("pingtest");
        Allure.parameter("pings per pair", count);
        Allure.parameter("interval", interval.toMillis() + " ms");
        Allure.parameter("testbed", "embedded");
        Path scenarios = ScenarioLoader.defaultDirectory();
        Catalogue catalogue = ScenarioLoader.of(scenarios).catalogue();
        LatencyCatalogue rtts = LatencyCatalogue.hetzner();
        List<String> locations = new ArrayList<>(catalogue.locations().keySet());
        List<String> lines = new ArrayList<>();
        Map<String, Double> measured = new LinkedHashMap<>();
        Map<String, Double> expected = new LinkedHashMap<>();
        try (EmbeddedTestbed testbed = new EmbeddedTestbed(work)) {
            List<NodeSpec> specs = new ArrayList<>();
            for (String l : locations) {
                specs.add(new NodeSpec("host-" + l, NodeRole.PROVIDER, catalogue.serverType("ccx13").orElseThrow(),
                        catalogue.location(l).orElseThrow()));
            }
            List<Node> nodes = testbed.provision(specs);
            List<CompletableFuture<String[]>> pairs = new ArrayList<>();
            List<TcpPing.Echo> echos = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                for (int j = i + 1; j < nodes.size(); j++) {
                    Node from = nodes.get(i);
                    Node to = nodes.get(j);
                    TcpPing.Echo echo = new TcpPing.Echo(InetAddress.getByName(to.host()));
                    echos.add(echo);
                    // one pair at a time: parallel pingers on 2 cores would add their own scheduling delay
                    TcpPing.Stats s = TcpPing.measure(InetAddress.getByName(from.host()),
                            testbed.route(from, to, echo.port()), count, interval);
                    pairs.add(CompletableFuture.completedFuture(
                            new String[] {from.spec().location().id(), to.spec().location().id(), s.csv()}));
                }
            }
            for (var f : pairs) {
                String[] r = f.get();
                lines.add(r[0] + ";" + r[1] + ";" + r[2]);
            }
            for (TcpPing.Echo e : echos) {
                e.close();
            }
        }
        lines.sort(Comparator.comparingDouble(l -> Double.parseDouble(l.split(";")[3])));
        Path dir = Path.of(System.getProperty("results.dir", scenarios.toAbsolutePath().getParent().resolve("results")
                .toString())).resolve("pingtest").resolve(Instant.now().toString().replace(":", ""));
        Files.createDirectories(dir);
        List<String> csv = new ArrayList<>(List.of("src;dest;min;avg;max;mdev"));
        csv.addAll(lines);
        Files.write(dir.resolve("results.csv"), csv);
        for (String l : lines) {
            String[] c = l.split(";");
            measured.put(c[0] + "-" + c[1], Double.parseDouble(c[3]));
            expected.put(c[0] + "-" + c[1], rtts.rtt(c[0], c[1]).avgMs());
        }
        LatencyChart.write(measured, expected, "Round-trip times through the WAN emulation", dir.resolve("latency.png"));
        AllureReport.attach("results.csv", dir.resolve("results.csv"));
        AllureReport.attach("latency per location pair", dir.resolve("latency.png"));
        csv.forEach(l -> System.out.println("   " + l));
        System.out.println("== pingtest results: " + dir);
        assertThat(measured).hasSize(10);
        measured.forEach((pair, ms) -> {
            double want = expected.get(pair);
            assertThat(ms).as("average RTT of %s (catalogue %.3f ms)", pair, want)
                    .isCloseTo(want, org.assertj.core.data.Offset.offset(Math.max(1.0, 0.1 * want)));
        });
    }
}
