package wasimoff.eval.testbed;

import java.net.InetSocketAddress;
import java.util.List;
import wasimoff.eval.net.DelayRelay;
import wasimoff.eval.scenario.Location;
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

    /**
     * The path {@link #route} takes with the emulated distance taken out: through a relay like the
     * others but without delay, so that a round trip over it is what this machine itself adds to every
     * emulated one. Empty where the distance is the network's own, or not emulated: nothing to take out.
     */
    default java.util.Optional<InetSocketAddress> undelayedRoute(Node from, Node to, int port) {
        return java.util.Optional.empty();
    }

    /**
     * Partitions locations {@code a} and {@code b} until {@link #heal}: connections between their
     * nodes stall ({@link DelayRelay.Cut#BLACKHOLE}) or are reset ({@link DelayRelay.Cut#DROP}).
     * Returns what was cut, for the record.
     *
     * @throws UnsupportedOperationException where this testbed cannot, saying why
     */
    default String cut(Location a, Location b, DelayRelay.Cut how) {
        throw new UnsupportedOperationException("the " + kind() + " testbed cannot partition locations");
    }

    /** Ends the partition {@link #cut} made between {@code a} and {@code b}; returns what was healed. */
    default String heal(Location a, Location b) {
        throw new UnsupportedOperationException("the " + kind() + " testbed cannot partition locations");
    }

    /** What every result on this testbed should carry besides the system's own: engine, limits, caveats. */
    default java.util.Map<String, String> parameters() {
        return java.util.Map.of();
    }

    /** Releases every node and service this testbed created; never throws for already-released ones. */
    @Override
    void close();
}
