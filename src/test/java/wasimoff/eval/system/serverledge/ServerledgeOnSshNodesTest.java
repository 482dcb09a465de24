package wasimoff.eval.system.serverledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wasimoff.eval.system.Deployment;
import wasimoff.eval.install.InstalledBinaries;
import wasimoff.eval.system.InstalledForTests;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.docker.DockerEngine;
import wasimoff.eval.testbed.ssh.SshNodeFleet;
import wasimoff.eval.workload.ResponseChecks;

/**
 * Serverledge deployed the way the Hetzner testbed deploys it: broker and providers are SSH nodes
 * (each an sshd in a network namespace of ours, so what runs there has an address of its own, as
 * on a server), the binaries go up by SFTP, the TSP image is built through the node's own
 * {@code docker}, and function containers are removed there.
 */
class ServerledgeOnSshNodesTest {
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
        SshNodeFleet fleet = SshNodeFleet.inNamespaces(work);
        resources.add(fleet);
        Node broker = fleet.broker;
        List<Node> providers = fleet.providers;

        system = new ServerledgeSystem(InstalledBinaries.fromEnvironment(), 0);
        system.deploy(new Deployment(fleet.local, fleet.client, broker, providers));
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
}
