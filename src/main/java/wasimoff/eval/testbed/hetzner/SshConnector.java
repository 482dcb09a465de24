package wasimoff.eval.testbed.hetzner;

import java.time.Duration;
import wasimoff.eval.scenario.NodeSpec;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.hetzner.api.Server;
import wasimoff.eval.testbed.ssh.ClientKey;
import wasimoff.eval.testbed.ssh.HostKey;
import wasimoff.eval.testbed.ssh.NodeSetup;
import wasimoff.eval.testbed.ssh.SshNode;

/**
 * Connects to a new Debian server as root over its public IPv4, accepting only the host key the
 * harness gave it, and installs what its role needs ({@link NodeSetup}).
 */
public record SshConnector(ClientKey key, Duration deadline, boolean docker) implements NodeConnector {
    @Override
    public Node connect(NodeSpec spec, Server server, HostKey hostKey) {
        String ip = server.ipv4Address().orElseThrow(() -> new IllegalStateException("server " + server.name()
                + " has no public IPv4 address to connect to"));
        SshNode node = SshNode.connect(spec, ip, 22, "root", hostKey.publicKey(), key,
                "/root/wasimoff-eval/" + spec.name(), deadline);
        try {
            NodeSetup.prepare(node, NodeSetup.requirements(spec.role(), docker));
            return node;
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }
}
