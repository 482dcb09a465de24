package wasimoff.eval.testbed.hetzner.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * A Hetzner Cloud server (a virtual machine) as the API reports it.
 *
 * @param id         Hetzner's id, the handle for every later call
 * @param name       unique name in the project
 * @param status     {@code initializing}, {@code starting}, {@code running}, {@code stopping}, {@code off},
 *                   {@code deleting}, {@code migrating}, {@code rebuilding} or {@code unknown}; new values may appear
 * @param created    creation time
 * @param labels     user labels
 * @param publicNet  public interface; may be {@code null}
 * @param serverType the server's type
 * @param location   where it runs; may be {@code null} in old responses that only carried a datacenter
 * @param image      the image it was created from; {@code null} if that image is gone
 * @param locked     whether an action currently locks it; may be {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Server(long id, String name, String status, OffsetDateTime created, Map<String, String> labels,
        PublicNet publicNet, ServerType serverType, Location location, Image image, Boolean locked) {

    public Server {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** The public IPv4 address, if the server has one. */
    public Optional<String> ipv4Address() {
        return Optional.ofNullable(publicNet).map(PublicNet::ipv4).map(PublicNet.Ipv4::ip);
    }

    /** Whether Hetzner reports the server as {@code running}. */
    public boolean isRunning() {
        return "running".equals(status);
    }
}
