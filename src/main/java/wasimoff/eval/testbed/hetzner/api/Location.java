package wasimoff.eval.testbed.hetzner.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A Hetzner location (a site such as {@code fsn1} or {@code ash}) where servers can be created.
 *
 * @param id          Hetzner's id
 * @param name        short name used in requests, e.g. {@code "nbg1"}
 * @param description human description
 * @param country     ISO 3166-1 alpha-2 country code
 * @param city        city, possibly with a state ({@code "Ashburn, VA"})
 * @param latitude    latitude in degrees
 * @param longitude   longitude in degrees
 * @param networkZone network zone, e.g. {@code "eu-central"}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Location(long id, String name, String description, String country, String city,
        double latitude, double longitude, String networkZone) {
}
