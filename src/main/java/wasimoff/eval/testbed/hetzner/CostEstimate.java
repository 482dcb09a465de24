package wasimoff.eval.testbed.hetzner;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import wasimoff.eval.scenario.NodeSpec;
import wasimoff.eval.testbed.hetzner.api.ServerType;

/**
 * What a fleet costs per hour before it is created: the gross hourly price of each server's type in
 * its location, summed. Hetzner bills every started hour, from creation until deletion.
 */
public record CostEstimate(BigDecimal hourlyGross, String currencyNote, Map<String, Long> serversByTypeAndLocation) {

    /** Prices {@code specs} with Hetzner's server types; a type not sold in a location is an error naming both. */
    public static CostEstimate of(List<NodeSpec> specs, List<ServerType> types) {
        Map<String, ServerType> byName = types.stream().collect(Collectors.toMap(ServerType::name, Function.identity()));
        BigDecimal total = BigDecimal.ZERO;
        for (NodeSpec spec : specs) {
            String type = spec.type().name();
            String location = spec.location().id();
            ServerType t = byName.get(type);
            if (t == null) {
                throw new IllegalArgumentException("server type '" + type + "' of node " + spec.name()
                        + " is not offered by Hetzner; offered: " + String.join(", ", new TreeMap<>(byName).keySet()));
            }
            total = total.add(t.priceIn(location).orElseThrow(() -> new IllegalArgumentException("server type '"
                    + type + "' of node " + spec.name() + " is not sold in location '" + location + "'; it is sold in: "
                    + t.prices().stream().map(p -> p.location()).collect(Collectors.joining(", "))))
                    .priceHourly().gross());
        }
        Map<String, Long> counts = specs.stream().collect(Collectors.groupingBy(
                s -> s.type().name() + " @ " + s.location().id(), TreeMap::new, Collectors.counting()));
        return new CostEstimate(total.setScale(4, RoundingMode.HALF_UP), "EUR incl. VAT", counts);
    }

    /** Throws when the estimate exceeds {@code capPerHour}, naming the setting that raises the cap. */
    public void requireAtMost(BigDecimal capPerHour) {
        if (hourlyGross.compareTo(capPerHour) > 0) {
            throw new CostCapExceededException("the fleet would cost " + this + ", above the cap of " + capPerHour
                    + " EUR/h; nothing was created. Shrink the scenario, or raise the cap with -D"
                    + HetznerSettings.MAX_HOURLY + "=<EUR per hour>");
        }
    }

    @Override
    public String toString() {
        return hourlyGross.setScale(2, RoundingMode.HALF_UP) + " " + currencyNote + " per hour for "
                + serversByTypeAndLocation.values().stream().mapToLong(Long::longValue).sum() + " servers "
                + serversByTypeAndLocation;
    }

    /** The fleet's estimate is above the user's cap. */
    public static final class CostCapExceededException extends RuntimeException {
        CostCapExceededException(String message) {
            super(message);
        }
    }
}
