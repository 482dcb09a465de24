package wasimoff.eval.net;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Measured round-trip times between Hetzner locations (the seed's ping test, kept as
 * {@code hetzner-region-rtt.csv} next to this class): {@link #rtt} for two locations, symmetric.
 * Two nodes in the same location get {@link #SAME_LOCATION_RTT_MS}: nothing is added to the
 * loopback path, whose own round trip (about 0.05 ms here) stands in for the sub-millisecond RTT
 * inside one Hetzner location. A pair without a measurement is an error, never zero.
 */
public final class LatencyCatalogue {
    /** Round-trip time added between two nodes of the same location, in milliseconds. */
    public static final double SAME_LOCATION_RTT_MS = 0.0;
    private static final Map<String, String> LOCATION_IDS = Map.of(
            "nbg", "nbg1", "fsn", "fsn1", "hel", "hel1", "ash", "ash", "hil", "hil");

    /** One measured pair: average RTT and its standard deviation, in milliseconds. */
    public record Rtt(double minMs, double avgMs, double maxMs, double mdevMs) {
    }

    private final Map<String, Rtt> pairs;

    private LatencyCatalogue(Map<String, Rtt> pairs) {
        this.pairs = pairs;
    }

    /** The seed's measurements. */
    public static LatencyCatalogue hetzner() {
        Map<String, Rtt> pairs = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                LatencyCatalogue.class.getResourceAsStream("hetzner-region-rtt.csv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("src;") || line.isBlank()) {
                    continue;
                }
                String[] c = line.split(";");
                String a = LOCATION_IDS.get(c[0]);
                String b = LOCATION_IDS.get(c[1]);
                if (a == null || b == null) {
                    throw new IllegalStateException("unknown location in hetzner-region-rtt.csv: " + line);
                }
                Rtt rtt = new Rtt(Double.parseDouble(c[2]), Double.parseDouble(c[3]), Double.parseDouble(c[4]),
                        Double.parseDouble(c[5]));
                pairs.put(key(a, b), rtt);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LatencyCatalogue(pairs);
    }

    /** The measured round trip between two locations; same location gives {@link #SAME_LOCATION_RTT_MS}. */
    public Rtt rtt(String a, String b) {
        if (a.equals(b)) {
            return new Rtt(SAME_LOCATION_RTT_MS, SAME_LOCATION_RTT_MS, SAME_LOCATION_RTT_MS, 0);
        }
        Rtt rtt = pairs.get(key(a, b));
        if (rtt == null) {
            throw new IllegalArgumentException("no measured round-trip time between " + a + " and " + b
                    + "; measured pairs: " + new TreeSet<>(pairs.keySet()));
        }
        return rtt;
    }

    /** The locations with measurements. */
    public Set<String> locations() {
        Set<String> all = new TreeSet<>();
        pairs.keySet().forEach(k -> all.addAll(Set.of(k.split("<->"))));
        return all;
    }

    private static String key(String a, String b) {
        return a.compareTo(b) < 0 ? a + "<->" + b : b + "<->" + a;
    }
}
