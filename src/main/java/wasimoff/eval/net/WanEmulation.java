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
 * own. Two locations can be partitioned ({@link #cut}) and joined again ({@link #heal}): every relay
 * between them, in either direction, stops forwarding, and so does a relay made during the cut.
 * Closing stops every relay and its connections.
 */
public final class WanEmulation implements AutoCloseable {
    private final LatencyCatalogue catalogue;
    private final Supplier<String> addresses;
    private final Map<String, Route> relays = new ConcurrentHashMap<>();
    private final Map<java.util.Set<String>, DelayRelay.Cut> cuts = new ConcurrentHashMap<>();

    /** A relay and the two locations it joins. */
    private record Route(String from, String to, DelayRelay relay) {
        boolean joins(String a, String b) {
            return from.equals(a) && to.equals(b) || from.equals(b) && to.equals(a);
        }
    }

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
        return relay(fromLocation + "->", fromLocation, toLocation, target, rtt / 2);
    }

    /**
     * The same path as {@link #route} through a relay that adds no delay: what the emulation's own
     * hand-offs cost a round trip on this machine, the baseline the ping test takes from its figures.
     */
    public InetSocketAddress undelayedRoute(String fromLocation, String toLocation, InetSocketAddress target) {
        if (catalogue.rtt(fromLocation, toLocation).avgMs() <= 0) {
            return target; // no relay on route() either
        }
        return relay("undelayed " + fromLocation + "->", fromLocation, toLocation, target, 0);
    }

    private InetSocketAddress relay(String prefix, String fromLocation, String toLocation, InetSocketAddress target,
                                    double oneWayMillis) {
        String key = prefix + target.getHostString() + ":" + target.getPort();
        return relays.computeIfAbsent(key, k -> {
            try {
                DelayRelay relay = new DelayRelay(InetAddress.getByName(addresses.get()), target, oneWayMillis);
                DelayRelay.Cut cut = cuts.get(java.util.Set.of(fromLocation, toLocation));
                if (cut != null) {
                    relay.cut(cut);
                }
                return new Route(fromLocation, toLocation, relay);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start a delay relay to " + target, e);
            }
        }).relay().address();
    }

    /**
     * Partitions locations {@code a} and {@code b} until {@link #heal}: every relay between them
     * stops forwarding as {@code how} says. Returns what was cut, for the record.
     *
     * @throws IllegalArgumentException for a location and itself: their nodes talk directly, past any relay
     */
    public String cut(String a, String b, DelayRelay.Cut how) {
        if (a.equals(b) || catalogue.rtt(a, b).avgMs() <= 0) {
            throw new IllegalArgumentException(a + " and " + b + " are not joined by a relay (no emulated distance"
                    + " between them), so they cannot be partitioned");
        }
        cuts.put(java.util.Set.of(a, b), how);
        int relaysCut = 0;
        int connections = 0;
        for (Route r : relays.values()) {
            if (r.joins(a, b)) {
                relaysCut++;
                connections += r.relay().cut(how);
            }
        }
        return a + " <-> " + b + " cut (" + how.name().toLowerCase(java.util.Locale.ROOT) + "): " + relaysCut
                + " relays, " + connections + " connections through them";
    }

    /** Ends the partition of {@code a} and {@code b}; returns what was healed. */
    public String heal(String a, String b) {
        if (a.equals(b)) {
            return a + " was never cut from itself";
        }
        cuts.remove(java.util.Set.of(a, b));
        int healed = 0;
        for (Route r : relays.values()) {
            if (r.joins(a, b) && r.relay().isCut()) {
                r.relay().heal();
                healed++;
            }
        }
        return a + " <-> " + b + " healed: " + healed + " relays forward again";
    }

    @Override
    public void close() {
        relays.values().forEach(r -> r.relay().close());
        relays.clear();
    }
}
