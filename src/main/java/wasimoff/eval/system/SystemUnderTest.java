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

    /** The name of the response check that judges this system's responses. */
    String responseCheck();

    /** What ran, for every result's parameters: versions, provider kind, engine. */
    Map<String, String> parameters();

    /** The services this system has started and not yet stopped. */
    List<RunningService> services();

    @Override
    void close();
}
