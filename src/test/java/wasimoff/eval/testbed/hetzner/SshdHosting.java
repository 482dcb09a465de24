package wasimoff.eval.testbed.hetzner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import wasimoff.eval.testbed.embedded.NetworkNamespace;
import wasimoff.eval.testbed.ssh.LoopbackSshd;

/**
 * Servers of the fake Hetzner API that really run: each is an sshd on port 22 of a test host of its
 * own (a network namespace), presenting the host key from the server's cloud-init user data and
 * admitting the SSH keys the server was created with, as Hetzner's image would. The harness then
 * reaches them exactly as real servers, through their public address.
 */
final class SshdHosting implements FakeHetzner.Hosting, AutoCloseable {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path dir;
    private final Map<Long, AutoCloseable[]> running = new ConcurrentHashMap<>();

    SshdHosting(Path dir) {
        this.dir = dir;
    }

    @Override
    public String boot(long id, String userData, List<String> authorizedKeys) throws Exception {
        JsonNode config = YAML.readTree(userData.substring(userData.indexOf('\n') + 1));
        String hostKey = config.path("ssh_keys").path("ecdsa_private").asText();
        NetworkNamespace ns = NetworkNamespace.create();
        try {
            LoopbackSshd sshd = LoopbackSshd.startIn(ns, 22, hostKey, authorizedKeys, dir.resolve("server-" + id));
            running.put(id, new AutoCloseable[] {sshd, ns});
            return ns.address();
        } catch (Exception | Error e) {
            ns.close();
            throw e;
        }
    }

    @Override
    public void shutdown(long id) {
        AutoCloseable[] server = running.remove(id);
        if (server != null) {
            for (AutoCloseable c : server) {
                try {
                    c.close();
                } catch (Exception e) {
                    // best effort, as a deleted server goes
                }
            }
        }
    }

    /** Whether any server still runs. */
    boolean anyRunning() {
        return !running.isEmpty();
    }

    @Override
    public void close() {
        List.copyOf(running.keySet()).forEach(this::shutdown);
    }
}
