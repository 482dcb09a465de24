package wasimoff.eval.system;

import java.nio.file.Path;
import java.util.List;
import wasimoff.eval.scenario.Location;
import wasimoff.eval.scenario.NodeRole;
import wasimoff.eval.scenario.NodeSpec;
import wasimoff.eval.scenario.ServerType;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.embedded.EmbeddedTestbed;

/** An embedded testbed with a client, a broker and two CCX13 providers in nbg1, for system tests. */
public final class TwoProviderFleet implements AutoCloseable {
    private static final ServerType TINY = new ServerType("ccx13", 2, 8, true);
    private static final Location NBG = new Location("nbg1", "Nuremberg", "DE", "eu-central");

    public final EmbeddedTestbed testbed;
    public final Node client;
    public final Node broker;
    public final List<Node> providers;

    public TwoProviderFleet(Path work) {
        testbed = new EmbeddedTestbed(work);
        List<Node> nodes = testbed.provision(List.of(
                new NodeSpec("client", NodeRole.CLIENT, TINY, NBG),
                new NodeSpec("broker", NodeRole.BROKER, TINY, NBG),
                new NodeSpec("provider-1", NodeRole.PROVIDER, TINY, NBG),
                new NodeSpec("provider-2", NodeRole.PROVIDER, TINY, NBG)));
        client = nodes.get(0);
        broker = nodes.get(1);
        providers = nodes.subList(2, 4);
    }

    /** Deploys {@code system} onto these nodes and scales it to both providers. */
    public <S extends SystemUnderTest> S deploy(S system) {
        system.deploy(new Deployment(testbed, client, broker, providers));
        system.scaleTo(providers);
        return system;
    }

    @Override
    public void close() {
        testbed.close();
    }
}
