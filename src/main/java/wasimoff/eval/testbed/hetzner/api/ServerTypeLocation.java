package wasimoff.eval.testbed.hetzner.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;

/**
 * A location in which a server type is offered (an entry of a server type's {@code locations}).
 *
 * @param id          location id
 * @param name        location name
 * @param deprecation {@code null} unless the type is being withdrawn from this location
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServerTypeLocation(long id, String name, Deprecation deprecation) {

    /** Whether the type can still be ordered here at {@code now}. */
    public boolean orderableAt(OffsetDateTime now) {
        return deprecation == null || deprecation.unavailableAfter() == null
                || now.isBefore(deprecation.unavailableAfter());
    }
}
