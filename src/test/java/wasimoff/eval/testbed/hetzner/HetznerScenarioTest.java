package wasimoff.eval.testbed.hetzner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wasimoff.eval.junit.ScenarioSession;
import wasimoff.eval.report.RunResult;
import wasimoff.eval.scenario.ScenarioPoint;
import wasimoff.eval.testbed.embedded.NetworkNamespace;
import wasimoff.eval.testbed.hetzner.api.HetznerClient;
import wasimoff.eval.testbed.hetzner.api.HetznerToken;
import wasimoff.eval.testbed.ssh.ClientKey;
import wasimoff.eval.testbed.ssh.LoopbackSshd;
import wasimoff.eval.testbed.ssh.NodeSetup;
import wasimoff.eval.testbed.ssh.SshNode;

/**
 * A scenario point on the Hetzner testbed from end to end, with Hetzner's API faked and each
 * "server" an sshd in a network namespace of ours that presents the host key the testbed put into
 * that server's user data: provisioning, setup over SSH, the reference system started from the
 * uploaded harness, the load run on the client node and its results copied back, then teardown.
 */
class HetznerScenarioTest {
    @TempDir
    Path tmp;
    private final List<AutoCloseable> hosts = new ArrayList<>();

    @AfterEach
    void closeHosts() throws Exception {
        for (int i = hosts.size() - 1; i >= 0; i--) {
            hosts.get(i).close();
        }
    }

    @Test
    void aPointRunsOnSshServersAndItsResultsComeBackLikeAnEmbeddedRunsThenEveryServerIsDeleted() throws Exception {
        String reason = NetworkNamespace.unavailableReason();
        Assumptions.assumeTrue(reason == null, reason);
        ClientKey key = ClientKey.generate();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (FakeHetzner fake = new FakeHetzner()) {
            NodeConnector servers = (spec, server, hostKey) -> {
                try {
                    // what the server would be after cloud-init: sshd with exactly this host key
                    NetworkNamespace ns = NetworkNamespace.create();
                    LoopbackSshd sshd = LoopbackSshd.startIn(ns, hostKey, key, tmp.resolve("sshd-" + spec.name()));
                    SshNode node = SshNode.connect(spec, ns.address(), sshd.port(), "root", hostKey.publicKey(), key,
                            tmp.resolve("server-" + spec.name()).toString(), Duration.ofSeconds(30));
                    synchronized (hosts) {
                        hosts.addAll(List.of(ns, sshd));
                    }
                    NodeSetup.prepare(node, NodeSetup.requirements(spec.role(), false));
                    return node;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            Properties p = new Properties();
            p.setProperty("testbed", "hetzner");
            p.setProperty("hetzner.allow-from", "203.0.113.7/32");
            Path tokenFile = Files.writeString(tmp.resolve("token"), FakeHetzner.TOKEN);
            Files.setPosixFilePermissions(tokenFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            p.setProperty("hcloud.token.file", tokenFile.toString());
            p.setProperty("systems", "reference");
            p.setProperty("fleets", "02x02c");
            p.setProperty("tsp-n", "8");
            p.setProperty("run-time", "4s");
            p.setProperty("users", "4");
            p.setProperty("spawn-rate", "4");
            p.setProperty("results.dir", tmp.resolve("results").toString());
            HetznerClient api = HetznerClient.builder(() -> HetznerToken.of(FakeHetzner.TOKEN)).baseUrl(fake.url())
                    .actionPollInterval(Duration.ofMillis(10)).build();

            RunResult result;
            try (ScenarioSession session = ScenarioSession.open("optimal", p, (kind, work, wan, scenario, props, chromium) ->
                    new HetznerTestbed(api, new HetznerSettings(new BigDecimal("10"), List.of("198.51.100.7/32"),
                            "debian-12", Duration.ofMinutes(1), 4), new RunLabels("20261125t090000-e2e0", scenario),
                            key.publicKeyLine(), servers, new PrintStream(console, true)))) {
                ScenarioPoint point = session.points().get(0);
                assertThat(fake.servers).hasSize(4);
                result = session.run(point);
            }

            assertThat(result.summary().succeeded()).isPositive();
            assertThat(result.summary().failed()).isZero();
            assertThat(result.summary().nothingLost()).isTrue();
            try (var files = Files.list(result.directory())) {
                assertThat(files.map(f -> f.getFileName().toString()).toList()).contains("locust_stats.csv",
                        "locust_stats_history.csv", "locust_failures.csv", "summary.json", "run.json",
                        "parameters.json");
            }
            assertThat(Files.readString(result.directory().resolve("parameters.json")))
                    .contains("\"hetzner run\" : \"20261125t090000-e2e0\"")
                    .contains("\"wan emulation\" : \"none (real network)\"")
                    .contains("\"testbed\" : \"hetzner\"");
            assertThat(fake.servers).isEmpty();
            assertThat(fake.firewalls).isEmpty();
            assertThat(fake.sshKeys).isEmpty();
            assertThat(console.toString()).contains("cost estimate").contains("4/4 running")
                    .doesNotContain(FakeHetzner.TOKEN);
        }
    }
}
