package wasimoff.eval.testbed.hetzner.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Why an {@link Action} failed.
 *
 * @param code    Hetzner's machine-readable code
 * @param message Hetzner's human-readable message
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActionError(String code, String message) {
}
