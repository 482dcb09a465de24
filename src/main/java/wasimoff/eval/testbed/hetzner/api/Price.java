package wasimoff.eval.testbed.hetzner.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What a server type costs in one location, as listed in a server type's {@code prices}.
 *
 * @param location          location name, e.g. {@code "fsn1"}
 * @param priceHourly       price per started hour
 * @param priceMonthly      monthly cap
 * @param includedTraffic   included outgoing traffic in bytes; {@code null} if not stated
 * @param pricePerTbTraffic price per TB of traffic beyond the included amount; {@code null} if not stated
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Price(String location, PriceAmount priceHourly, PriceAmount priceMonthly, Long includedTraffic,
        PriceAmount pricePerTbTraffic) {
}
