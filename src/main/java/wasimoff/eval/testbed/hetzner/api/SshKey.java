package wasimoff.eval.testbed.hetzner.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A public SSH key stored in the Hetzner project, to be placed into {@code root}'s authorized keys of new servers.
 *
 * @param id          Hetzner's id, used in {@link CreateServerRequest}
 * @param name        unique name in the project
 * @param fingerprint MD5 fingerprint, colon-separated hex
 * @param publicKey   the OpenSSH public key line
 * @param labels      user labels
 * @param created     creation time
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SshKey(long id, String name, String fingerprint, String publicKey, Map<String, String> labels,
        OffsetDateTime created) {

    public SshKey {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
