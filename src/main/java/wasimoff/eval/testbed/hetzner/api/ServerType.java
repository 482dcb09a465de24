package wasimoff.eval.testbed.hetzner.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Optional;

/**
 * A server type (a hardware plan such as {@code ccx13}) with its size and its price in each location.
 *
 * @param id          Hetzner's id
 * @param name        lower-case name used in requests, e.g. {@code "ccx13"}
 * @param description display name, e.g. {@code "CCX13"}
 * @param category    e.g. {@code "Dedicated vCPU"}; may be {@code null}
 * @param cores       number of vCPUs
 * @param memory      memory in GB
 * @param disk        disk size in GB
 * @param cpuType     {@code shared} or {@code dedicated}
 * @param architecture {@code x86} or {@code arm}
 * @param storageType {@code local} or {@code network}
 * @param deprecated  legacy type-wide flag; prefer {@link ServerTypeLocation#deprecation()}; may be {@code null}
 * @param prices      price per location
 * @param locations   locations offering the type
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServerType(long id, String name, String description, String category, int cores, double memory,
        double disk, String cpuType, String architecture, String storageType, Boolean deprecated, List<Price> prices,
        List<ServerTypeLocation> locations) {

    public ServerType {
        prices = prices == null ? List.of() : List.copyOf(prices);
        locations = locations == null ? List.of() : List.copyOf(locations);
    }

    /** The price of this type in the named location, if it is sold there. */
    public Optional<Price> priceIn(String location) {
        return prices.stream().filter(p -> location.equals(p.location())).findFirst();
    }
}
