package wasimoff.eval.testbed.hetzner.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * An image a server can be created or rebuilt from: a system image ({@code debian-12}), an app, a snapshot or a
 * backup.
 *
 * @param id           Hetzner's id
 * @param type         {@code system}, {@code app}, {@code snapshot} or {@code backup}
 * @param status       {@code available}, {@code creating} or {@code unavailable}
 * @param name         unique name of system images; {@code null} for snapshots and backups
 * @param description  human description
 * @param osFlavor     e.g. {@code debian}
 * @param osVersion    e.g. {@code 12}; may be {@code null}
 * @param architecture {@code x86} or {@code arm}
 * @param diskSize     disk size in GB the image needs
 * @param imageSize    size of a snapshot in GB; {@code null} for system images
 * @param created      creation time
 * @param deprecated   when the image was deprecated; {@code null} if it is not
 * @param labels       user labels
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Image(long id, String type, String status, String name, String description, String osFlavor,
        String osVersion, String architecture, double diskSize, Double imageSize, OffsetDateTime created,
        OffsetDateTime deprecated, Map<String, String> labels) {

    public Image {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
