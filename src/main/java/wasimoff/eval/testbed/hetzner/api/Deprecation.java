package wasimoff.eval.testbed.hetzner.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;

/**
 * Hetzner's notice that something (a server type in a location, an ISO) is being withdrawn.
 *
 * @param announced        when the deprecation was announced
 * @param unavailableAfter after this moment it can no longer be ordered
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Deprecation(OffsetDateTime announced, OffsetDateTime unavailableAfter) {
}
