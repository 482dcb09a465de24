package wasimoff.eval.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.Allure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import wasimoff.eval.junit.EvaluationScenario;
import wasimoff.eval.junit.ScenarioSession;
import wasimoff.eval.net.LatencyCatalogue;
import wasimoff.eval.report.AllureReport;
import wasimoff.eval.report.LatencyChart;
import wasimoff.eval.run.PingTestRun;
import wasimoff.eval.scenario.NodeRole;
import wasimoff.eval.settings.Settings;
import wasimoff.eval.testbed.Node;

/**
 * The seed's ping test ({@code mvn verify -Pscenario=pingtest}, scenarios/pingtest.yaml): round trips
 * between every pair of the five locations (10 pairs) over TCP, measured on the sending node through
 * the testbed {@code -Dtestbed=} picks: through the WAN emulation's relays on the local testbeds, over
 * the real network between Hetzner servers. Written as {@code results/pingtest/<system>/<time>/results.csv}
 * ({@code src;dest;min;avg;max;mdev}, sorted by avg) with a chart. On the emulated testbeds every average
 * must be within 10% (or 1 ms) of the catalogue; on Hetzner the measurement is the result. The seed sent
 * 256 pings 0.2 s apart; the default here is 32 pings 0.05 s apart ({@code -Dping.count},
 * {@code -Dping.interval-ms}).
 */
@EvaluationScenario("pingtest")
class PingTest {
    @Test
    void everyLocationPairMatchesTheMeasuredRoundTrip(ScenarioSession session) throws Exception {
        int count = session.values().getOr(Settings.PING_COUNT, 32);
        Duration interval = Duration.ofMillis(session.values().getOr(Settings.PING_INTERVAL_MS, 50));
        String testbed = session.settings().testbed();
        System.out.printf("== pingtest on the %s testbed: %d pings every %d ms per pair (seed: 256 every 200 ms)%n",
                testbed, count, interval.toMillis());
        Allure.epic("pingtest");
        Allure.parameter("pings per pair", count);
        Allure.parameter("interval", interval.toMillis() + " ms");
        Allure.parameter("testbed", testbed);
        List<Node> hosts = session.orchestrator().nodesOf(session.points().get(0).placement()).stream()
                .filter(n -> n.spec().role() == NodeRole.PROVIDER).toList();
        LatencyCatalogue rtts = LatencyCatalogue.hetzner();
        List<String> lines = new ArrayList<>();
        for (PingTestRun.Pair p : PingTestRun.measure(session.orchestrator().testbed(), hosts, count, interval,
                System.out::println)) {
            lines.add(p.from() + ";" + p.to() + ";" + p.stats());
        }
        Map<String, Double> measured = new LinkedHashMap<>();
        Map<String, Double> expected = new LinkedHashMap<>();
        Path dir = session.evaluationDirectory("pingtest", testbed);
        lines.sort(Comparator.comparingDouble(l -> Double.parseDouble(l.split(";")[3])));
        List<String> csv = new ArrayList<>(List.of("src;dest;min;avg;max;mdev"));
        csv.addAll(lines);
        Files.write(dir.resolve("results.csv"), csv);
        for (String l : lines) {
            String[] c = l.split(";");
            measured.put(c[0] + "-" + c[1], Double.parseDouble(c[3]));
            expected.put(c[0] + "-" + c[1], rtts.rtt(c[0], c[1]).avgMs());
        }
        boolean emulated = !testbed.equals("hetzner");
        LatencyChart.write(measured, expected, emulated ? "Round-trip times through the WAN emulation"
                : "Round-trip times between Hetzner servers", dir.resolve("latency.png"));
        AllureReport.attach("results.csv", dir.resolve("results.csv"));
        AllureReport.attach("latency per location pair", dir.resolve("latency.png"));
        csv.forEach(l -> System.out.println("   " + l));
        System.out.println("== pingtest results: " + dir);
        assertThat(measured).hasSize(10);
        if (!emulated) {
            return; // real servers: the measurement is the result, the catalogue another day's
        }
        measured.forEach((pair, ms) -> {
            double want = expected.get(pair);
            assertThat(ms).as("average RTT of %s (catalogue %.3f ms)", pair, want)
                    .isCloseTo(want, org.assertj.core.data.Offset.offset(Math.max(1.0, 0.1 * want)));
        });
    }
}
