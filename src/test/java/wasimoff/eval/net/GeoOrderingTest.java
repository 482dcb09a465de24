package wasimoff.eval.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wasimoff.eval.load.LoadRunner;
import wasimoff.eval.load.RunSpec;
import wasimoff.eval.load.RunSummary;
import wasimoff.eval.scenario.Catalogue;
import wasimoff.eval.scenario.NodeRole;
import wasimoff.eval.scenario.NodeSpec;
import wasimoff.eval.scenario.ScenarioLoader;
import wasimoff.eval.system.Deployment;
import wasimoff.eval.system.reference.ReferenceSystem;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.embedded.EmbeddedTestbed;
import wasimoff.eval.workload.ResponseChecks;

/**
 * Placements change results the way distance does: the same fleet and TSP size, once with client,
 * broker and provider in nbg1 ({@code optimal}) and once with client in ash, broker in nbg1 and
 * provider in hil ({@code worstcase}); the worst case's median response time must hold at least the
 * two added round trips (client-broker and broker-provider) and stand far above the optimal one.
 * (Not "worst minus optimal >= added": load on a shared machine inflates the optimal median too.)
 */
class GeoOrderingTest {
    @TempDir
    Path work;

    private final Catalogue catalogue = ScenarioLoader.of(ScenarioLoader.defaultDirectory()).catalogue();
    private final LatencyCatalogue rtts = LatencyCatalogue.hetzner();

    @Test
    void worstcaseMedianExceedsOptimalByTheAddedRoundTrips() throws Exception {
        double optimal = medianMillis("nbg1", "nbg1", "nbg1");
        double worstcase = medianMillis("ash", "nbg1", "hil");
        double added = rtts.rtt("ash", "nbg1").avgMs() + rtts.rtt("nbg1", "hil").avgMs();
        System.out.printf("== geo ordering: optimal p50 %.1f ms, worstcase p50 %.1f ms, added RTTs %.1f ms%n",
                optimal, worstcase, added);
        assertThat(worstcase).isGreaterThanOrEqualTo(0.99 * added);
        assertThat(worstcase - optimal).isGreaterThan(0.5 * added);
    }

    private double medianMillis(String client, String broker, String provider) throws Exception {
        try (EmbeddedTestbed testbed = new EmbeddedTestbed(work.resolve(client + "-" + broker + "-" + provider))) {
            var type = catalogue.serverType("ccx13").orElseThrow();
            List<Node> nodes = testbed.provision(List.of(
                    new NodeSpec("client", NodeRole.CLIENT, type, catalogue.location(client).orElseThrow()),
                    new NodeSpec("broker", NodeRole.BROKER, type, catalogue.location(broker).orElseThrow()),
                    new NodeSpec("provider", NodeRole.PROVIDER, type, catalogue.location(provider).orElseThrow())));
            try (ReferenceSystem system = new ReferenceSystem("chicory")) {
                system.deploy(new Deployment(testbed, nodes.get(0), nodes.get(1), nodes.subList(2, 3)));
                system.scaleTo(nodes.subList(2, 3));
                RunSpec spec = new RunSpec("geo", system.request(8), ResponseChecks.WASIMOFF_RUN, 2, 10, 4000, null,
                        nodes.get(0).host(), 30_000, "locust");
                RunSummary s = new LoadRunner(spec, ResponseChecks.named(spec.check()), line -> { })
                        .run(work.resolve("out-" + client + provider));
                assertThat(s.failed()).isZero();
                return s.percentilesMillis().get("50%");
            }
        }
    }
}
