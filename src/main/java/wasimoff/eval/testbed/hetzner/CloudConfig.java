package wasimoff.eval.testbed.hetzner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.LinkedHashMap;
import java.util.Map;
import wasimoff.eval.testbed.ssh.HostKey;

/**
 * The cloud-init user data of one server: the host key the harness generated for it (cloud-init
 * deletes the image's keys and installs exactly this one, so the harness can pin it) and no
 * password logins. Hetzner stores user data: it holds a key for this server and run only, and is
 * never logged.
 */
public final class CloudConfig {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private CloudConfig() {
    }

    /** {@code #cloud-config} YAML installing {@code hostKey} as the server's only host key. */
    public static String withHostKey(HostKey hostKey) {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put(HostKey.CLOUD_INIT_TYPE + "_private", hostKey.privateKeyPem());
        keys.put(HostKey.CLOUD_INIT_TYPE + "_public", hostKey.publicKeyLine());
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("ssh_deletekeys", true);
        config.put("ssh_keys", keys);
        config.put("ssh_pwauth", false);
        try {
            return "#cloud-config\n" + YAML.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
