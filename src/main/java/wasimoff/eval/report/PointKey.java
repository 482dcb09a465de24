package wasimoff.eval.report;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One point of the results tree, {@code <placement>/<fleet>/tsp-<n>/<system>}, whatever scenario
 * made it; its runs are the timestamp directories below.
 */
public record PointKey(String placement, String fleet, int tspN, String system) {
    /** Placement, then fleet ({@link #FLEET_ORDER}), then TSP size, then system. */
    public static final Comparator<PointKey> ORDER = Comparator.comparing(PointKey::placement)
            .thenComparing(PointKey::fleet, PointKey::compareFleets)
            .thenComparingInt(PointKey::tspN)
            .thenComparing(PointKey::system);

    private static final Pattern GROUP = Pattern.compile("(\\d+)x(\\d+)c");

    /** The row name of the comparison, {@code <placement>/<fleet>/tsp-<n>/<system>}. */
    public String name() {
        return placement + "/" + fleet + "/tsp-" + tspN + "/" + system;
    }

    /** Fleets by their number of providers ({@code 02x02c} before {@code 16x02c}), then by label. */
    public static int compareFleets(String a, String b) {
        int byProviders = Integer.compare(providers(a), providers(b));
        return byProviders != 0 ? byProviders : a.compareTo(b);
    }

    /** The providers of a fleet label such as {@code 01x48c+01x16c}; 0 for a label of another form. */
    static int providers(String fleetLabel) {
        int providers = 0;
        for (String group : fleetLabel.split("\\+")) {
            Matcher m = GROUP.matcher(group);
            if (!m.matches()) {
                return 0;
            }
            providers += Integer.parseInt(m.group(1));
        }
        return providers;
    }
}
