package wasimoff.eval.system.wasimoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wasimoff.eval.install.InstalledBinaries;
import wasimoff.eval.scenario.NodeSpec;
import wasimoff.eval.system.Deployment;
import wasimoff.eval.system.InstalledForTests;
import wasimoff.eval.system.TwoProviderFleet;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.RunningService;
import wasimoff.eval.testbed.Testbed;

/** Where browser providers cannot run yet (the docker testbed), Wasimoff runs ours and every result says so. */
class WasimoffBrowserFallbackTest {
    @TempDir
    Path work;

    @BeforeAll
    static void brokerInstalled() {
        InstalledForTests.require("wasimoff", "docker");
    }

    @Test
    void browsersAskedForOnTheDockerTestbedRunOurProvidersAndTheResultSaysSo() {
        try (TwoProviderFleet fleet = new TwoProviderFleet(work);
             WasimoffSystem system = new WasimoffSystem(InstalledBinaries.fromEnvironment(), "chicory",
                     ProviderKind.BROWSER)) {
            system.deploy(new Deployment(new NamedDocker(fleet.testbed), fleet.client, fleet.broker, fleet.providers));
            system.scaleTo(fleet.providers);
            assertThat(system.parameters()).containsEntry("provider kind", "ours")
                    .hasEntrySatisfying("provider fallback", v -> assertThat(v).contains("docker"))
                    .doesNotContainKeys("chromium", "webprovider source hash");
            assertThat(system.services()).extracting(RunningService::name)
                    .containsExactly("wasimoff-broker", "wasimoff-provider", "wasimoff-provider");
        }
    }

    /** The embedded testbed's nodes under the docker testbed's name, which is all the system asks of it. */
    private record NamedDocker(Testbed nodes) implements Testbed {
        @Override
        public String kind() {
            return "docker";
        }

        @Override
        public List<Node> provision(List<NodeSpec> specs) {
            return nodes.provision(specs);
        }

        @Override
        public InetSocketAddress route(Node from, Node to, int port) {
            return nodes.route(from, to, port);
        }

        @Override
        public void close() {
        }
    }
}
