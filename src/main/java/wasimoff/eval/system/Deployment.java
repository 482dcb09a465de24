package wasimoff.eval.system;

import java.util.List;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.Testbed;

/** The nodes a system deploys onto: client, broker and every provisioned provider. */
public record Deployment(Testbed testbed, Node client, Node broker, List<Node> providers) {
    public Deployment {
        providers = List.copyOf(providers);
    }
}
