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
import java.util.function.Function;
import org.assertj.core.data.Offset;
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
 * ({@code src;dest;min;avg;max;mdev}, sorted by avg) with a chart. On the emulated testbeds the same routes
 * without the delay are probed in alternation ({@code baseline.csv}, the machine's own round trip through
 * a relay), and what the emulation adds, the median less the baseline's median, must be within 10% (or 1 ms) of
 * the catalogue; on Hetzner the measurement is the result. The seed sent
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
        List<PingTestRun.Pair> pairs = new ArrayList<>(PingTestRun.measure(session.orchestrator().testbed(), hosts,
                count, interval, System.out::println));
        pairs.sort(Comparator.comparingDouble(p -> p.stats().avgMs()));
        Path dir = session.evaluationDirectory("pingtest", testbed);
        Files.write(dir.resolve("results.csv"), csv(pairs, p -> p.stats().csv()));
        AllureReport.attach("results.csv", dir.resolve("results.csv"));
        boolean emulated = !testbed.equals("hetzner");
        assertThat(pairs).as("on the %s testbed every route has a baseline without the delay; none means the WAN"
                + " emulation is off (-Dwan=false), so there is nothing to compare with the catalogue", testbed)
                .allMatch(p -> p.baseline().isPresent() == emulated);
        Map<String, Double> added = new LinkedHashMap<>();
        Map<String, Double> expected = new LinkedHashMap<>();
        for (PingTestRun.Pair p : pairs) {
            added.put(p.from() + "-" + p.to(), emulated ? p.addedMillis() : p.stats().avgMs());
            expected.put(p.from() + "-" + p.to(), rtts.rtt(p.from(), p.to()).avgMs());
        }
        if (emulated) {
            Files.write(dir.resolve("baseline.csv"), csv(pairs, p -> p.baseline().orElseThrow().csv()));
            AllureReport.attach("baseline.csv (the same routes without the delay)", dir.resolve("baseline.csv"));
        }
        LatencyChart.write(added, emulated ? "measured median less the baseline's" : "measured avg", expected, emulated
                ? "Round-trip time the WAN emulation adds (median less the same route's without the delay)"
                : "Round-trip times between Hetzner servers", dir.resolve("latency.png"));
        AllureReport.attach("latency per location pair", dir.resolve("latency.png"));
        csv(pairs, p -> p.stats().csv()).forEach(l -> System.out.println("   " + l));
        System.out.println("== pingtest results: " + dir);
        assertThat(pairs).hasSize(10);
        if (!emulated) {
            return; // real servers: the measurement is the result, the catalogue another day's
        }
        added.forEach((pair, ms) -> {
            double want = expected.get(pair);
            assertThat(ms).as("round trip the emulation added between %s (catalogue %.3f ms)", pair, want)
                    .isCloseTo(want, Offset.offset(Math.max(1.0, 0.1 * want)));
        });
    }

    private static List<String> csv(List<PingTestRun.Pair> pairs, Function<PingTestRun.Pair, String> stats) {
        List<String> csv = new ArrayList<>(List.of("src;dest;min;avg;max;mdev"));
        pairs.forEach(p -> csv.add(p.from() + ";" + p.to() + ";" + stats.apply(p)));
        return csv;
    }
}
