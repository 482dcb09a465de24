package wasimoff.eval.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Distance between the embedded testbed's nodes: a connection from a node in one location to a
 * service in another goes through a {@link DelayRelay} whose delay is half the catalogue's
 * round-trip time each way. One relay serves all nodes of one source location dialling one target
 * service (the delay depends only on the two locations); it listens on a loopback address of its
 * own. Closing stops every relay and its connections.
 */
public final class WanEmulation implements AutoCloseable {
    private final LatencyCatalogue catalogue;
    private final Supplier<String> addresses;
    private final Map<String, DelayRelay> relays = new ConcurrentHashMap<>();

    /** @param addresses hands out unused loopback addresses for relays to listen on */
    public WanEmulation(LatencyCatalogue catalogue, Supplier<String> addresses) {
        this.catalogue = catalogue;
        this.addresses = addresses;
    }

    /** The address a node in {@code fromLocation} dials to reach {@code target} in {@code toLocation}. */
    public InetSocketAddress route(String fromLocation, String toLocation, InetSocketAddress target) {
        double rtt = catalogue.rtt(fromLocation, toLocation).avgMs();
        if (rtt <= 0) {
            return target;
        }
        String key = fromLocation + "->" + target.getHostString() + ":" + target.getPort();
        return relays.computeIfAbsent(key, k -> {
            try {
                return new DelayRelay(InetAddress.getByName(addresses.get()), target, rtt / 2);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start a delay relay to " + target, e);
            }
        }).address();
    }

    @Override
    public void close() {
        relays.values().forEach(DelayRelay::close);
        relays.clear();
    }
}
