package wasimoff.eval.testbed.embedded;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import wasimoff.eval.scenario.Location;
import wasimoff.eval.scenario.NodeRole;
import wasimoff.eval.scenario.NodeSpec;
import wasimoff.eval.scenario.ServerType;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.ServiceDefinition;

/**
 * A run that is about to be killed, for {@code KilledRunLeavesNothingTest}: an embedded node with a
 * native service that has a child of its own, and a test host. Prints {@code ready <pid> <namespace>}
 * and waits.
 */
public final class LeaveBehind {
    private LeaveBehind() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedTestbed testbed = new EmbeddedTestbed(Path.of(args[0]), false);
        Node node = testbed.provision(List.of(new NodeSpec("provider-1", NodeRole.PROVIDER,
                new ServerType("ccx13", 2, 8, true), new Location("nbg1", "Nuremberg", "DE", "eu-central")))).get(0);
        var service = (ChildProcessService) node.start(new ServiceDefinition.ProcessService("sleeper",
                List.of("sh", "-c", "sleep 600 & sleep 600"), Map.of()));
        NetworkNamespace ns = NetworkNamespace.create();
        System.out.println("ready " + service.pid() + " " + ns.name());
        System.out.flush();
        Thread.sleep(600_000);
    }
}
