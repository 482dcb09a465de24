package wasimoff.eval.testbed.hetzner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wasimoff.eval.testbed.hetzner.api.HetznerClient;
import wasimoff.eval.testbed.hetzner.api.HetznerToken;
import wasimoff.eval.testbed.ssh.ClientKey;
import wasimoff.eval.testbed.ssh.SshNode;

/**
 * The Hetzner testbed and what is not its own: servers other runs left, and a provisioning cut short by
 * close (Ctrl-C runs close from the shutdown hook).
 */
class HetznerTestbedSafetyTest {
    private static final String RUN = "20261125t080000-abcd";
    private static final Duration BOOT_DEADLINE = Duration.ofMinutes(10);

    @TempDir
    Path tmp;
    private FakeHetzner fake;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final List<HetznerTestbed> testbeds = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        fake = new FakeHetzner();
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        testbeds.forEach(HetznerTestbed::close);
        fake.close();
    }

    private HetznerTestbed testbed(NodeConnector connector) {
        HetznerClient api = HetznerClient.builder(() -> HetznerToken.of(FakeHetzner.TOKEN)).baseUrl(fake.url())
                .actionPollInterval(Duration.ofMillis(10)).build();
        HetznerTestbed testbed = new HetznerTestbed(api, new HetznerSettings(new BigDecimal("10"),
                List.of("198.51.100.7/32"), "debian-12", BOOT_DEADLINE, 4), new RunLabels(RUN, "optimal"),
                "ecdsa-sha2-nistp256 AAAAclient", connector, new PrintStream(console, true, StandardCharsets.UTF_8));
        testbeds.add(testbed);
        return testbed;
    }

    private String printed() {
        return console.toString(StandardCharsets.UTF_8);
    }

    private long serversOfThisRun() {
        return fake.servers.values().stream()
                .filter(s -> RUN.equals(s.path("labels").path(RunLabels.RUN).asText(null))).count();
    }

    private long creates() {
        return fake.requests.stream().filter(r -> r.equals("POST /servers")).count();
    }

    @Test
    void serversOfOtherRunsAreListedWithTypeLocationPriceAndTheirCleanupCommandButLeftAlone() {
        long old1 = fake.addRunServer("we-20261120t100000-0001-client", "20261120t100000-0001", "ccx13", "nbg1");
        long old2 = fake.addRunServer("we-20261120t100000-0001-broker", "20261120t100000-0001", "ccx23", "hel1");
        long old3 = fake.addRunServer("we-20261121t110000-0002-client", "20261121t110000-0002", "cpx11", "fsn1");
        long foreign = fake.addForeignServer("someone-elses-server");
        long own = fake.addRunServer("we-" + RUN + "-client", RUN, "ccx13", "nbg1");

        testbed(HetznerTestbedTest.ADDRESS_ONLY);

        assertThat(printed())
                .contains("3 servers of other runs of this harness still exist, billed 0.08 EUR/h (incl. VAT) together")
                .contains("run 20261120t100000-0001: 2 servers, 0.07 EUR/h; delete with:"
                        + " mvn -Pcleanup -Drun-id=20261120t100000-0001")
                .contains("we-20261120t100000-0001-client (id " + old1 + ", ccx13 @ nbg1, 0.0238 EUR/h)")
                .contains("we-20261120t100000-0001-broker (id " + old2 + ", ccx23 @ hel1, 0.0476 EUR/h)")
                .contains("run 20261121t110000-0002: 1 servers, 0.01 EUR/h; delete with:"
                        + " mvn -Pcleanup -Drun-id=20261121t110000-0002")
                .contains("we-20261121t110000-0002-client (id " + old3 + ", cpx11 @ fsn1, 0.0080 EUR/h)")
                .doesNotContain("someone-elses-server")
                .doesNotContain("we-" + RUN + "-client");
        assertThat(fake.servers).containsKeys(old1, old2, old3, foreign, own);
        assertThat(fake.requests).noneMatch(r -> r.startsWith("DELETE"));
    }

    @Test
    void withoutServersOfOtherRunsNothingIsSaidAboutThem() {
        fake.addForeignServer("someone-elses-server");

        testbed(HetznerTestbedTest.ADDRESS_ONLY);

        assertThat(printed()).doesNotContain("other runs");
    }

    /** A port on which nothing listens: SSH to it is refused, and the connector retries until its deadline. */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void closeWhileServersNeverBecomeReachableDeletesTheRunWithinAMinuteAndProvisionSaysItWasClosed()
            throws Exception {
        int port = closedPort();
        ClientKey key = ClientKey.generate();
        // the production connector's retry loop, against servers whose SSH never answers
        NodeConnector unreachable = (spec, server, hostKey) -> SshNode.connect(spec,
                server.ipv4Address().orElseThrow(), port, "root", hostKey.publicKey(), key, "/root/x", BOOT_DEADLINE);
        HetznerTestbed testbed = testbed(unreachable);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread provisioning = new Thread(() -> {
            try {
                testbed.provision(HetznerTestbedTest.fleet(3));
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "provisioning");
        provisioning.start();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> printed().contains("connecting to 5 servers"));
        Thread.sleep(2500); // the connects are refused and retried now
        assertThat(provisioning.isAlive()).isTrue();

        Duration closing = closeWhile(testbed, provisioning);

        assertThat(closing).isLessThan(Duration.ofSeconds(30));
        assertThat(serversOfThisRun()).isZero();
        assertThat(fake.firewalls).isEmpty();
        assertThat(fake.sshKeys).isEmpty();
        assertThat(provisioning.isAlive()).isFalse();
        assertThat(failure.get()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed while provisioning");
    }

    @Test
    void closeWhileServersAreBeingCreatedSendsNoFurtherCreatesAndDeletesThoseAlreadyOnTheirWay() throws Exception {
        fake.createDelayMillis = 1500;
        HetznerTestbed testbed = testbed(HetznerTestbedTest.ADDRESS_ONLY);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread provisioning = new Thread(() -> {
            try {
                testbed.provision(HetznerTestbedTest.fleet(14));
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "provisioning");
        provisioning.start();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !fake.servers.isEmpty());

        long createsAtClose = creates();
        Duration closing = closeWhile(testbed, provisioning);
        assertThat(closing).isLessThan(Duration.ofSeconds(30));
        assertThat(serversOfThisRun()).isZero();
        assertThat(fake.firewalls).isEmpty();
        assertThat(fake.sshKeys).isEmpty();
        // only workers already past their last check may still send (at most one per worker, 4)
        assertThat(creates()).isLessThanOrEqualTo(createsAtClose + 4).isLessThan(16);
        assertThat(failure.get()).hasMessageContaining("closed while provisioning");

        Thread.sleep(2 * fake.createDelayMillis);
        assertThat(serversOfThisRun()).as("servers created after close returned").isZero();
    }

    @Test
    void aTerminatedRunWhoseServersNeverBecomeReachableDeletesThemFromItsShutdownHook() throws Exception {
        long foreign = fake.addForeignServer("someone-elses-server");
        Path log = tmp.resolve("provision.log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ProvisionUntilKilled.class.getName(), fake.url(), "2");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(tmp.toFile());
        pb.environment().put("HCLOUD_TOKEN", FakeHetzner.TOKEN);
        Process run = pb.start();
        processes.add(run);
        // the servers run on 127.79.x.y, where nothing answers SSH: the run waits for them up to its deadline
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !run.isAlive()
                || Files.readString(log).contains("connecting to 4 servers"));
        assertThat(run.isAlive()).as(Files.readString(log)).isTrue();
        Thread.sleep(2500);

        long t0 = System.nanoTime();
        run.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the JVM runs its shutdown hooks
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(45));
        assertThat(fake.servers.keySet()).as(Files.readString(log)).containsOnly(foreign);
        assertThat(fake.firewalls).isEmpty();
        assertThat(fake.sshKeys).isEmpty();
        assertThat(Files.readString(log)).contains("[cleanup] deleting: 4 servers");
    }

    /** Closes {@code testbed} from another thread while {@code provisioning} runs; how long the close took. */
    private static Duration closeWhile(HetznerTestbed testbed, Thread provisioning) throws Exception {
        long t0 = System.nanoTime();
        try {
            CompletableFuture.runAsync(testbed::close).get(60, TimeUnit.SECONDS);
        } finally {
            provisioning.join(TimeUnit.SECONDS.toMillis(30));
        }
        return Duration.ofNanos(System.nanoTime() - t0);
    }
}
