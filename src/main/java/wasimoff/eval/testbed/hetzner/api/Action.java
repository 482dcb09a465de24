package wasimoff.eval.testbed.hetzner.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An asynchronous operation Hetzner runs for a request (create, delete, rebuild a server, apply a firewall...).
 * Wait for it with {@link HetznerClient#awaitAction(Action, java.time.Duration)}.
 *
 * @param id        Hetzner's id
 * @param command   what it does, e.g. {@code create_server}
 * @param status    {@code running}, {@code success} or {@code error}
 * @param progress  0 to 100
 * @param started   start time
 * @param finished  end time; {@code null} while running
 * @param resources the resources involved
 * @param error     {@code null} unless the action failed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Action(long id, String command, String status, int progress, OffsetDateTime started,
        OffsetDateTime finished, List<ActionResource> resources, ActionError error) {

    public Action {
        resources = resources == null ? List.of() : List.copyOf(resources);
    }

    /** Whether the action has not finished yet. */
    public boolean isRunning() {
        return "running".equals(status);
    }

    /** Whether the action finished successfully. */
    public boolean isSuccess() {
        return "success".equals(status);
    }

    /** Whether the action failed: status {@code error}, or an error without a final status. */
    public boolean isError() {
        return "error".equals(status) || (error != null && !isSuccess() && !isRunning());
    }
}
