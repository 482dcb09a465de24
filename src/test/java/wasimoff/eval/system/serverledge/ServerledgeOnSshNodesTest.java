package wasimoff.eval.system.serverledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wasimoff.eval.scenario.Location;
import wasimoff.eval.scenario.NodeRole;
import wasimoff.eval.scenario.NodeSpec;
import wasimoff.eval.scenario.ServerType;
import wasimoff.eval.system.Deployment;
import wasimoff.eval.install.InstalledBinaries;
import wasimoff.eval.system.InstalledForTests;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.docker.DockerEngine;
import wasimoff.eval.testbed.embedded.EmbeddedTestbed;
import wasimoff.eval.testbed.embedded.NetworkNamespace;
import wasimoff.eval.testbed.ssh.ClientKey;
import wasimoff.eval.testbed.ssh.HostKey;
import wasimoff.eval.testbed.ssh.LoopbackSshd;
import wasimoff.eval.testbed.ssh.SshNode;
import wasimoff.eval.workload.ResponseChecks;

/**
 * Serverledge deployed the way the Hetzner testbed deploys it: broker and providers are SSH nodes
 * (each an sshd in a network namespace of ours, so what runs there has an address of its own, as
 * on a server), the binaries go up by SFTP, the TSP image is built through the node's own
 * {@code docker}, and function containers are removed there.
 */
class ServerledgeOnSshNodesTest {
    private static final ServerType TINY = new ServerType("ccx13", 2, 8, true);
    private static final Location NBG = new Location("nbg1", "Nuremberg", "DE", "eu-central");

    @TempDir
    Path work;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private ServerledgeSystem system;

    @AfterEach
    void tearDown() throws Exception {
        if (system != null) {
            system.close();
        }
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
        ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains(work.toString()))
                .forEach(c -> assertThat(c).as("process left behind").isEmpty());
    }

    @Test
    void serverledgeOnSshNodesWithAddressesOfTheirOwnAnswersInvocationsAndLeavesNothingBehind() throws Exception {
        InstalledForTests.require("serverledge", "embedded");
        try {
            // the engine a server's docker.io would run; these SSH nodes share this machine's
            resources.add(DockerEngine.start(work));
        } catch (java.io.IOException e) {
            assumeTrue(false, "no Docker engine: " + e.getMessage());
        }
        HostKey hostKey = HostKey.generate();
        ClientKey key = ClientKey.generate();
        EmbeddedTestbed local = new EmbeddedTestbed(work.resolve("local"), false);
        resources.add(local);
        Node client = local.provision(List.of(new NodeSpec("client", NodeRole.CLIENT, TINY, NBG))).get(0);
        Node broker = sshNode(new NodeSpec("broker", NodeRole.BROKER, TINY, NBG), hostKey, key);
        List<Node> providers = List.of(sshNode(new NodeSpec("provider-1", NodeRole.PROVIDER, TINY, NBG), hostKey, key),
                sshNode(new NodeSpec("provider-2", NodeRole.PROVIDER, TINY, NBG), hostKey, key));

        system = new ServerledgeSystem(InstalledBinaries.fromEnvironment(), 0);
        system.deploy(new Deployment(local, client, broker, providers));
        system.scaleTo(providers);

        assertThat(system.parameters().get("docker engine")).isEqualTo("each provider's own (Debian docker.io)");
        assertThat(system.request(8).url()).startsWith("http://" + broker.host() + ":");
        OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(60)).build();
        for (int i = 0; i < 4; i++) {
            var t = system.request(8);
            Request r = new Request.Builder().url(t.url())
                    .post(RequestBody.create(t.body(), MediaType.parse("application/json"))).build();
            try (Response response = http.newCall(r).execute()) {
                String body = response.body().string();
                assertThat(ResponseChecks.named(ResponseChecks.SERVERLEDGE_INVOKE)
                        .failure(response.code(), response::header, body)).as(body).isEmpty();
            }
        }
        assertThat(system.functionContainers()).isPositive();

        system.close();

        assertThat(system.functionContainers()).isZero();
        system = null;
    }

    private Node sshNode(NodeSpec spec, HostKey hostKey, ClientKey key) throws Exception {
        NetworkNamespace ns = NetworkNamespace.create();
        resources.add(ns);
        LoopbackSshd sshd = LoopbackSshd.startIn(ns, hostKey, key, work.resolve("sshd-" + spec.name()));
        resources.add(sshd);
        SshNode node = SshNode.connect(spec, ns.address(), sshd.port(), "root", hostKey.publicKey(), key,
                work.resolve("node-" + spec.name()).toString(), Duration.ofSeconds(20));
        resources.add(node);
        return node;
    }
}
