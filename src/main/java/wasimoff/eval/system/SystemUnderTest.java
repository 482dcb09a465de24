package wasimoff.eval.system;

import java.util.List;
import java.util.Map;
import wasimoff.eval.load.RunSpec;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.RunningService;

/**
 * An offloading system being evaluated (the reference offloader, Wasimoff, Serverledge): it
 * deploys onto a testbed's nodes, scales to the providers of a sweep point and tells the load
 * generator which request to send and how to judge the response. Closing it stops its services.
 */
public interface SystemUnderTest extends AutoCloseable {
    /** {@code reference}, {@code wasimoff} or {@code serverledge}: the name results carry. */
    String id();

    /** Starts the broker side and uploads the TSP module; providers start with {@link #scaleTo}. */
    void deploy(Deployment deployment);

    /** Runs exactly these providers: starts missing ones, stops the others, waits until all are ready. */
    void scaleTo(List<Node> providers);

    /** The TSP request of size {@code n} as the client node sends it. */
    RunSpec.HttpRequestTemplate request(int n);

    /**
     * The local address the load generator on {@code client} binds to; by default the client
     * node's own address. Systems that live in network namespaces answer the host side of the link.
     */
    default String clientAddress(Node client) {
        return client.host();
    }

    /**
     * Whether this system's traffic goes through {@code Testbed.route}, and so pays the emulated
     * distance between locations. Systems that wire their own network answer false, and their
     * results say that the placement's latency was not applied.
     */
    default boolean followsRoutes() {
        return true;
    }

    /**
     * Kills active provider number {@code number} (1-based, in the order {@link #scaleTo} was given
     * them) at once, as a crash would (SIGKILL where it is a process), and leaves it dead: it is no
     * longer among {@link #services()}. Returns what was done, for the record.
     *
     * @throws UnsupportedOperationException where this system cannot, saying why
     */
    default String killProvider(int number) {
        throw new UnsupportedOperationException(id() + " cannot kill a single provider");
    }

    /**
     * Kills the broker at once and starts it again on the same address, with what it needs to serve
     * (the module uploaded again); returns what was done and whether the providers came back.
     *
     * @throws UnsupportedOperationException where this system has no single broker to restart, saying why
     */
    default String restartBroker() {
        throw new UnsupportedOperationException(id() + " has no single broker to restart");
    }

    /** The name of the response check that judges this system's responses. */
    String responseCheck();

    /** What ran, for every result's parameters: versions, provider kind, engine. */
    Map<String, String> parameters();

    /** The services this system has started and not yet stopped. */
    List<RunningService> services();

    @Override
    void close();
}
