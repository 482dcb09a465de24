package wasimoff.eval.testbed.hetzner.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link HetznerClient#createServer(CreateServerRequest)} sends. Build it with
 * {@link #builder(String, String, String)}. {@link #toString()} leaves out the user data, which may hold host
 * keys or other secrets.
 *
 * @param name             unique host name in the project (letters, digits, {@code .} and {@code -})
 * @param serverType       server type name or id, e.g. {@code "ccx13"}
 * @param image            image name or id, e.g. {@code "debian-12"}
 * @param location         location name or id, e.g. {@code "fsn1"}; {@code null} lets Hetzner choose
 * @param labels           labels, e.g. the run id, so a sweeper can find the server
 * @param userData         cloud-init user data, at most 32 KiB; {@code null} for none
 * @param sshKeyIds        ids of {@link SshKey}s for {@code root}; none makes Hetzner generate a root password
 * @param firewallIds      ids of {@link Firewall}s applied at creation
 * @param startAfterCreate whether to boot right away; {@code null} means Hetzner's default ({@code true})
 */
public record CreateServerRequest(String name, String serverType, String image, String location,
        Map<String, String> labels, String userData, List<Long> sshKeyIds, List<Long> firewallIds,
        Boolean startAfterCreate) {

    /** Hetzner's limit for {@code user_data}. */
    public static final int MAX_USER_DATA_BYTES = 32 * 1024;

    public CreateServerRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(serverType, "serverType");
        Objects.requireNonNull(image, "image");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        sshKeyIds = sshKeyIds == null ? List.of() : List.copyOf(sshKeyIds);
        firewallIds = firewallIds == null ? List.of() : List.copyOf(firewallIds);
        if (userData != null && userData.getBytes(StandardCharsets.UTF_8).length > MAX_USER_DATA_BYTES) {
            throw new IllegalArgumentException("user data of server " + name + " exceeds Hetzner's limit of "
                    + MAX_USER_DATA_BYTES + " bytes");
        }
    }

    /** Starts a request for a server with the three fields Hetzner requires. */
    public static Builder builder(String name, String serverType, String image) {
        return new Builder(name, serverType, image);
    }

    /** The JSON body Hetzner expects ({@code ssh_keys} as ids, {@code firewalls} as {@code {"firewall": id}}). */
    ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode body = mapper.createObjectNode();
        body.put("name", name);
        body.put("server_type", serverType);
        body.put("image", image);
        if (location != null) {
            body.put("location", location);
        }
        if (!labels.isEmpty()) {
            body.set("labels", mapper.valueToTree(labels));
        }
        if (userData != null) {
            body.put("user_data", userData);
        }
        if (!sshKeyIds.isEmpty()) {
            ArrayNode keys = body.putArray("ssh_keys");
            sshKeyIds.forEach(keys::add);
        }
        if (!firewallIds.isEmpty()) {
            ArrayNode firewalls = body.putArray("firewalls");
            firewallIds.forEach(id -> firewalls.addObject().put("firewall", id));
        }
        if (startAfterCreate != null) {
            body.put("start_after_create", startAfterCreate);
        }
        return body;
    }

    @Override
    public String toString() {
        return "CreateServerRequest[name=" + name + ", serverType=" + serverType + ", image=" + image
                + ", location=" + location + ", labels=" + labels + ", userData="
                + (userData == null ? "null" : "<" + userData.length() + " chars>") + ", sshKeyIds=" + sshKeyIds
                + ", firewallIds=" + firewallIds + ", startAfterCreate=" + startAfterCreate + "]";
    }

    /** Fluent construction of a {@link CreateServerRequest}; optional fields start unset. */
    public static final class Builder {
        private final String name;
        private final String serverType;
        private final String image;
        private String location;
        private Map<String, String> labels = Map.of();
        private String userData;
        private List<Long> sshKeyIds = List.of();
        private List<Long> firewallIds = List.of();
        private Boolean startAfterCreate;

        private Builder(String name, String serverType, String image) {
            this.name = name;
            this.serverType = serverType;
            this.image = image;
        }

        /** Location name or id. */
        public Builder location(String value) {
            this.location = value;
            return this;
        }

        /** Labels; replaces earlier ones. */
        public Builder labels(Map<String, String> value) {
            this.labels = value;
            return this;
        }

        /** Cloud-init user data. */
        public Builder userData(String value) {
            this.userData = value;
            return this;
        }

        /** SSH key ids; replaces earlier ones. */
        public Builder sshKeyIds(List<Long> value) {
            this.sshKeyIds = value;
            return this;
        }

        /** Firewall ids applied at creation; replaces earlier ones. */
        public Builder firewallIds(List<Long> value) {
            this.firewallIds = value;
            return this;
        }

        /** Whether to boot right away. */
        public Builder startAfterCreate(boolean value) {
            this.startAfterCreate = value;
            return this;
        }

        /** The request; fails if the user data is too large. */
        public CreateServerRequest build() {
            return new CreateServerRequest(name, serverType, image, location, labels, userData, sshKeyIds,
                    firewallIds, startAfterCreate);
        }
    }
}
