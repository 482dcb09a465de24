package wasimoff.eval.testbed.hetzner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wasimoff.eval.scenario.Location;
import wasimoff.eval.scenario.NodeRole;
import wasimoff.eval.scenario.NodeSpec;
import wasimoff.eval.scenario.ServerType;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.hetzner.api.HetznerClient;
import wasimoff.eval.testbed.hetzner.api.HetznerToken;
import wasimoff.eval.testbed.ssh.ClientKey;
import wasimoff.eval.testbed.ssh.LoopbackSshd;
import wasimoff.eval.testbed.ssh.SshNode;

class HetznerTestbedTest {
    static final ServerType CCX13 = new ServerType("ccx13", 2, 8, true);
    static final Location NBG = new Location("nbg1", "Nuremberg", "DE", "eu-central");
    static final Location ASH = new Location("ash", "Ashburn, VA", "US", "us-east");

    @TempDir
    Path tmp;
    FakeHetzner fake;
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        if (fake != null) {
            fake.close();
        }
    }

    static List<NodeSpec> fleet(int providers) {
        List<NodeSpec> specs = new ArrayList<>(List.of(new NodeSpec("client", NodeRole.CLIENT, CCX13, NBG),
                new NodeSpec("broker", NodeRole.BROKER, CCX13, NBG)));
        for (int i = 1; i <= providers; i++) {
            specs.add(new NodeSpec("provider-" + i, NodeRole.PROVIDER, CCX13, i % 2 == 0 ? ASH : NBG));
        }
        return specs;
    }

    HetznerClient client() {
        return HetznerClient.builder(() -> HetznerToken.of(FakeHetzner.TOKEN)).baseUrl(fake.url())
                .actionPollInterval(Duration.ofMillis(10)).build();
    }

    HetznerTestbed testbed(String cap, NodeConnector connector) throws Exception {
        fake = fake == null ? new FakeHetzner() : fake;
        HetznerTestbed testbed = new HetznerTestbed(client(),
                new HetznerSettings(new BigDecimal(cap), List.of("198.51.100.7/32"), "debian-12", Duration.ofMinutes(1), 4),
                new RunLabels("20261125t080000-abcd", "optimal"), "ecdsa-sha2-nistp256 AAAAclient", connector,
                new PrintStream(console, true));
        toClose.add(testbed);
        return testbed;
    }

    /** A node that only knows its address: provisioning is what these tests look at. */
    record AddressOnlyNode(NodeSpec spec, String host) implements Node {
        @Override
        public int freePort() {
            throw new UnsupportedOperationException();
        }

        @Override
        public wasimoff.eval.testbed.RunningService start(wasimoff.eval.testbed.ServiceDefinition service) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CommandResult exec(List<String> command, Duration timeout) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String putFile(String path, byte[] content) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void fetchDirectory(String path, Path target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String putExecutable(Path local) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String putDirectory(Path local) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String harnessJar() {
            throw new UnsupportedOperationException();
        }
    }

    static final NodeConnector ADDRESS_ONLY = (spec, server, hostKey) ->
            new AddressOnlyNode(spec, server.ipv4Address().orElseThrow());

    @Test
    void provisioningCreatesEveryServerLabelledWithItsOwnHostKeyAfterPrintingTheCost() throws Exception {
        HetznerTestbed testbed = testbed("10", ADDRESS_ONLY);

        List<Node> nodes = testbed.provision(fleet(3));

        assertThat(nodes).extracting(Node::name).containsExactly("client", "broker", "provider-1", "provider-2",
                "provider-3");
        assertThat(nodes).allMatch(n -> n.host().startsWith("127.79."));
        assertThat(console.toString()).contains("cost estimate: 0.12 EUR incl. VAT per hour for 5 servers")
                .contains("5/5 running");
        assertThat(testbed.parameters()).containsEntry("hetzner run", "20261125t080000-abcd")
                .containsEntry("hetzner image", "debian-12");
        assertThat(fake.servers).hasSize(5);
        assertThat(fake.servers.values()).allSatisfy(s -> {
            assertThat(s.get("labels").get("wasimoff-eval").asText()).isEqualTo("true");
            assertThat(s.get("labels").get("wasimoff-eval-run").asText()).isEqualTo("20261125t080000-abcd");
            assertThat(s.get("labels").get("wasimoff-eval-scenario").asText()).isEqualTo("optimal");
        });
        List<String> userData = fake.createdServerBodies.stream().map(b -> b.get("user_data").asText()).toList();
        assertThat(userData).allSatisfy(u -> assertThat(u).startsWith("#cloud-config\n")
                .contains("ssh_deletekeys: true").contains("ecdsa_private: |").contains("ecdsa_public: ecdsa-sha2-nistp256"));
        assertThat(userData).doesNotHaveDuplicates();
        JsonNode provider2 = fake.createdServerBodies.stream()
                .filter(b -> b.get("name").asText().endsWith("provider-2")).findFirst().orElseThrow();
        assertThat(provider2.get("location").asText()).isEqualTo("ash");
        assertThat(provider2.get("labels").get("wasimoff-eval-role").asText()).isEqualTo("provider");
        // the firewall admits the user's address from the start and the run's servers once they exist
        JsonNode rules = fake.firewalls.values().iterator().next().get("rules");
        assertThat(rules.get(0).get("source_ips").toString()).contains("198.51.100.7/32")
                .contains(nodes.get(0).host() + "/32");
        assertThat(fake.sshKeys.values().iterator().next().get("public_key").asText())
                .isEqualTo("ecdsa-sha2-nistp256 AAAAclient");
    }

    @Test
    void aFleetAboveTheCostCapIsRefusedBeforeAnythingIsCreated() throws Exception {
        HetznerTestbed testbed = testbed("0.05", ADDRESS_ONLY);

        assertThatThrownBy(() -> testbed.provision(fleet(3)))
                .isInstanceOf(CostEstimate.CostCapExceededException.class)
                .hasMessageContaining("0.12 EUR")
                .hasMessageContaining("above the cap of 0.05")
                .hasMessageContaining("-Dhetzner.max-hourly-eur=");
        assertThat(fake.servers).isEmpty();
        assertThat(fake.sshKeys).isEmpty();
        assertThat(fake.firewalls).isEmpty();
    }

    @Test
    void theSameOrAShrunkFleetReusesItsServersAndAnotherPlacementReplacesOnlyWhatDiffers() throws Exception {
        HetznerTestbed testbed = testbed("10", ADDRESS_ONLY);
        List<Node> first = testbed.provision(fleet(3));
        long creates = countCreates();

        List<Node> again = testbed.provision(fleet(3));
        List<Node> shrunk = testbed.provision(fleet(3).subList(0, 4));

        assertThat(countCreates()).isEqualTo(creates);
        assertThat(again).containsExactlyElementsOf(first);
        assertThat(shrunk).containsExactlyElementsOf(first.subList(0, 4));
        assertThat(console.toString()).contains("reusing 5 servers");

        List<NodeSpec> moved = new ArrayList<>(fleet(3));
        moved.set(1, new NodeSpec("broker", NodeRole.BROKER, CCX13, ASH));
        List<Node> next = testbed.provision(moved);

        assertThat(countCreates()).isEqualTo(creates + 1);
        assertThat(fake.servers).hasSize(5);
        assertThat(console.toString()).contains("deleting 1 servers the next placement puts elsewhere:\n"
                + "[hetzner]   server we-20261125t080000-abcd-broker (id ");
        assertThat(next.get(1)).isNotEqualTo(first.get(1));
        assertThat(next.get(0)).isEqualTo(first.get(0));
    }

    @Test
    void closingDeletesEveryServerTheFirewallAndTheSshKeyOfTheRunButNothingElse() throws Exception {
        HetznerTestbed testbed = testbed("10", ADDRESS_ONLY);
        long foreign = fake.addForeignServer("someone-elses-server");
        testbed.provision(fleet(2));
        assertThat(fake.servers).hasSize(5);

        testbed.close();
        testbed.close();

        assertThat(fake.servers).containsOnlyKeys(foreign);
        assertThat(fake.firewalls).isEmpty();
        assertThat(fake.sshKeys).isEmpty();
        assertThat(console.toString()).contains("[cleanup] deleting: 4 servers, 1 firewalls, 1 SSH keys");
    }

    @Test
    void rateLimitedRequestsAreRetriedDuringProvisioning() throws Exception {
        HetznerTestbed testbed = testbed("10", ADDRESS_ONLY);
        fake.rateLimitNextRequest();

        assertThat(testbed.provision(fleet(1))).hasSize(3);
        assertThat(fake.rateLimitedOnce).as("the 429 was served").hasValue(0);
        assertThat(fake.servers).hasSize(3);
    }

    @Test
    void eachServerIsConnectedWithExactlyTheHostKeyItWasGiven() throws Exception {
        ClientKey clientKey = ClientKey.generate();
        NodeConnector sshd = (spec, server, hostKey) -> {
            try {
                // what cloud-init does on a real server: sshd presents the host key from the user data
                LoopbackSshd daemon = LoopbackSshd.start(server.ipv4Address().orElseThrow(), hostKey, clientKey,
                        tmp.resolve("sshd-" + spec.name()));
                synchronized (toClose) {
                    toClose.add(0, daemon);
                }
                return SshNode.connect(spec, server.ipv4Address().orElseThrow(), daemon.port(), "root",
                        hostKey.publicKey(), clientKey, tmp.resolve("work-" + spec.name()).toString(),
                        Duration.ofSeconds(20));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        HetznerTestbed testbed = testbed("10", sshd);

        List<Node> nodes = testbed.provision(fleet(1));

        for (Node n : nodes) {
            assertThat(n.exec(List.of("sh", "-c", "echo $PWD"), Duration.ofSeconds(10)).output())
                    .contains("work-" + n.name());
        }
    }

    private long countCreates() {
        return fake.requests.stream().filter(r -> r.equals("POST /servers")).count();
    }
}
