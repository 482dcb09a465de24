package wasimoff.eval.testbed.hetzner.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A resource an {@link Action} works on.
 *
 * @param id   the resource's id
 * @param type e.g. {@code server}, {@code firewall}, {@code image}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActionResource(long id, String type) {
}
