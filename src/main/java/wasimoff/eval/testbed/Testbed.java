package wasimoff.eval.testbed;

import java.net.InetSocketAddress;
import java.util.List;
import wasimoff.eval.scenario.NodeSpec;

/**
 * Where a scenario's nodes come from: the embedded in-JVM testbed, local containers or Hetzner
 * Cloud servers. A testbed provisions nodes, tells how one node reaches a port on another (through
 * the WAN emulation, where there is one) and releases everything it created when closed.
 */
public interface Testbed extends AutoCloseable {
    /** {@code embedded}, {@code docker} or {@code hetzner}. */
    String kind();

    /** Creates (or reuses) one node per spec; blocks until every node can run services. */
    List<Node> provision(List<NodeSpec> specs);

    /**
     * The address a process on {@code from} dials to reach {@code port} on {@code to}. On testbeds
     * that emulate distance this is a delaying path, so every connection between two locations
     * pays the measured round-trip time.
     */
    InetSocketAddress route(Node from, Node to, int port);

    /** What every result on this testbed should carry besides the system's own: engine, limits, caveats. */
    default java.util.Map<String, String> parameters() {
        return java.util.Map.of();
    }

    /** Releases every node and service this testbed created; never throws for already-released ones. */
    @Override
    void close();
}
