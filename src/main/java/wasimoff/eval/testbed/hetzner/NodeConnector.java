package wasimoff.eval.testbed.hetzner;

import wasimoff.eval.scenario.NodeSpec;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.hetzner.api.Server;
import wasimoff.eval.testbed.ssh.HostKey;

/** Turns a created, running server into a node the systems can deploy onto (over SSH, in production). */
@FunctionalInterface
public interface NodeConnector {
    /** Connects to {@code server}, which must present {@code hostKey}, and prepares it for {@code spec}'s role. */
    Node connect(NodeSpec spec, Server server, HostKey hostKey);
}
