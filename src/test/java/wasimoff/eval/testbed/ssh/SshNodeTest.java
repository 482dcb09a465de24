package wasimoff.eval.testbed.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wasimoff.eval.scenario.Location;
import wasimoff.eval.scenario.NodeRole;
import wasimoff.eval.scenario.NodeSpec;
import wasimoff.eval.scenario.ServerType;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.RunningService;
import wasimoff.eval.testbed.ServiceDefinition;
import wasimoff.eval.system.reference.ReferenceBroker;

class SshNodeTest {
    static final NodeSpec SPEC = new NodeSpec("provider-1", NodeRole.PROVIDER, new ServerType("ccx13", 2, 8, true),
            new Location("nbg1", "Nuremberg", "DE", "eu-central"));

    @TempDir
    Path tmp;
    HostKey hostKey = HostKey.generate();
    ClientKey clientKey = ClientKey.generate();
    LoopbackSshd sshd;
    SshNode node;

    @BeforeEach
    void startSshd() throws Exception {
        sshd = LoopbackSshd.start(hostKey, clientKey, tmp.resolve("sshd"));
    }

    @AfterEach
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        sshd.close();
        assertThat(sshd.isAlive()).isFalse();
        assertThat(sshd.leftovers()).as("sshd processes left behind").isEmpty();
    }

    private SshNode connect() {
        node = SshNode.connect(SPEC, LoopbackSshd.ADDRESS, sshd.port(), "root", hostKey.publicKey(), clientKey,
                tmp.resolve("work").toString(), Duration.ofSeconds(20));
        return node;
    }

    @Test
    void thePinnedHostKeyIsAcceptedAndCommandsRunInTheWorkDirectory() {
        Node.CommandResult r = connect().exec(List.of("sh", "-c", "pwd; echo to-stderr >&2; exit 3"),
                Duration.ofSeconds(20));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.output()).contains(tmp.resolve("work").toString()).contains("to-stderr");
        assertThat(node.usesSystemd()).isFalse();
    }

    @Test
    void aServerPresentingAnotherHostKeyIsRefusedNamingBothFingerprints() {
        HostKey other = HostKey.generate();
        assertThatThrownBy(() -> SshNode.connect(SPEC, LoopbackSshd.ADDRESS, sshd.port(), "root", other.publicKey(),
                clientKey, tmp.resolve("work").toString(), Duration.ofSeconds(20)))
                .isInstanceOf(SshConnection.HostKeyMismatchException.class)
                .hasMessageContaining(LoopbackSshd.ADDRESS + ":" + sshd.port())
                .hasMessageContaining(hostKey.fingerprint())
                .hasMessageContaining(other.fingerprint());
    }

    @Test
    void anUnknownClientKeyIsRefusedWithoutRetrying() {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> SshNode.connect(SPEC, LoopbackSshd.ADDRESS, sshd.port(), "root", hostKey.publicKey(),
                ClientKey.generate(), tmp.resolve("work").toString(), Duration.ofSeconds(60)))
                .hasMessageContaining("refused the client key");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aCommandRunningPastItsTimeoutIsKilledAndNamed() throws Exception {
        connect();
        assertThatThrownBy(() -> node.exec(List.of("sh", "-c", "echo started; sleep 30.5; touch finished"),
                Duration.ofSeconds(2)))
                .isInstanceOf(SshConnection.CommandTimeoutException.class)
                .hasMessageContaining("sleep 30.5")
                .hasMessageContaining("killed after PT2S")
                .hasMessageContaining("started");
        assertThat(node.exec(List.of("pgrep", "-f", "sleep 30[.]5"), Duration.ofSeconds(10)).exitCode())
                .as("the timed-out command is no longer running").isEqualTo(1);
        assertThat(tmp.resolve("work/finished")).doesNotExist();
    }

    @Test
    void aCommandEndsWhenItExitsEvenIfABackgroundChildHoldsItsOutputOpen() {
        connect();
        long t0 = System.nanoTime();
        try {
            Node.CommandResult r = node.exec(List.of("sh", "-c", "sleep 41.5 & echo started; exit 5"),
                    Duration.ofSeconds(30));

            assertThat(r).isEqualTo(new Node.CommandResult(5, "started\n"));
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        } finally {
            node.exec(List.of("pkill", "-f", "sleep 41[.]5"), Duration.ofSeconds(10));
        }
    }

    @Test
    void aCommandThatExits124ByItselfKeepsItsStatus() {
        // 124 is also what the remote timeout exits with; only a command that ran past its limit is a timeout
        assertThat(connect().exec(List.of("sh", "-c", "echo quick; exit 124"), Duration.ofSeconds(20)))
                .isEqualTo(new Node.CommandResult(124, "quick\n"));
    }

    @Test
    void aKeyFileTheUserNamesLogsIn() throws Exception {
        Path file = tmp.resolve("id_ed25519");
        SshKeygen.run("-q", "-t", "ed25519", "-N", "", "-f", file.toString());
        ClientKey named = ClientKey.fromFile(file);
        LoopbackSshd own = LoopbackSshd.start("127.78.0.2", hostKey, named, tmp.resolve("sshd-named"));
        try (own; var n = SshNode.connect(SPEC, "127.78.0.2", own.port(), "root", hostKey.publicKey(), named,
                     tmp.resolve("work-named").toString(), Duration.ofSeconds(20))) {
            assertThat(n.exec(List.of("echo", "in"), Duration.ofSeconds(10)).output()).isEqualTo("in\n");
        }
        assertThat(own.leftovers()).isEmpty();
    }

    @Test
    void filesGoUpBySftpAndDirectoriesComeBack() throws Exception {
        connect();
        String remote = node.putFile("out/a/one.txt", "one".getBytes());
        node.putFile("out/two.csv", "x,y\n1,2\n".getBytes());
        assertThat(remote).isEqualTo(tmp.resolve("work/out/a/one.txt").toString());

        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        node.putFile("out/a/b/c/bytes.bin", everyByte);
        node.exec(List.of("mkdir", "-p", "out/empty"), Duration.ofSeconds(10));

        Path back = tmp.resolve("back");
        node.fetchDirectory("out", back);
        assertThat(back.resolve("a/one.txt")).hasContent("one");
        assertThat(back.resolve("two.csv")).hasContent("x,y\n1,2");
        assertThat(back.resolve("a/b/c/bytes.bin")).hasBinaryContent(everyByte);
        assertThat(back.resolve("empty")).isEmptyDirectory();
    }

    @Test
    void freePortsAreOnesNothingListensOnAndAreNotHandedOutTwice() throws Exception {
        connect();
        java.util.Set<Integer> ports = new java.util.HashSet<>();
        for (int i = 0; i < 12; i++) {
            ports.add(node.freePort());
        }
        String listening = node.exec(List.of("ss", "-Htln"), Duration.ofSeconds(10)).output();

        assertThat(ports).hasSize(12).allSatisfy(p -> {
            assertThat(p).isBetween(20_000, 29_999);
            assertThat(listening).doesNotContain(":" + p + " ");
        });
        for (int p : ports.stream().limit(5).toList()) {
            try (var s = new java.net.ServerSocket(p, 1, java.net.InetAddress.getByName(LoopbackSshd.ADDRESS))) {
                assertThat(s.getLocalPort()).isEqualTo(p);
            }
        }
    }

    @Test
    void anExecutableIsUploadedOnceAndRunsThere() throws Exception {
        connect();
        Path script = tmp.resolve("hello.sh");
        Files.writeString(script, "#!/bin/sh\necho hello from $(hostname) \"$@\"\n");
        String first = node.putExecutable(script);
        String second = node.putExecutable(script);
        assertThat(second).isEqualTo(first);
        assertThat(Files.getPosixFilePermissions(Path.of(first))).isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(node.exec(List.of(first, "a b"), Duration.ofSeconds(10)).output()).contains("hello from").contains("a b");
    }

    @Test
    void aNativeServiceRunsDetachedLogsAndStopsWithItsSignal() throws Exception {
        connect();
        Path script = tmp.resolve("svc.sh");
        Files.writeString(script, "#!/bin/sh\ntrap 'echo got INT; exit 0' INT\necho up $GREETING\n"
                + "while true; do sleep 0.1; done\n");
        String exe = node.putExecutable(script);
        RunningService service = node.start(new ServiceDefinition.ProcessService("svc", List.of(exe),
                Map.of("GREETING", "hello world"), "INT"));
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> service.lastLogLines(5).contains("up hello world"));
        assertThat(service.isAlive()).isTrue();
        assertThat(service.exitCode()).isEmpty();

        service.close();

        assertThat(service.isAlive()).isFalse();
        assertThat(Files.readString(tmp.resolve("work/services/svc.log"))).contains("got INT");
        assertThat(service.exitCode()).hasValue(0);
    }

    @Test
    void oneOfOurJavaServicesRunsFromTheHarnessJarLogsAndIsStoppedByClose() throws Exception {
        connect();
        int port = node.freePort();
        RunningService broker = node.start(new ServiceDefinition.JavaService("broker", ReferenceBroker.class,
                List.of("--listen", LoopbackSshd.ADDRESS + ":" + port)));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://" + LoopbackSshd.ADDRESS + ":" + port + "/healthz"))
                .timeout(Duration.ofSeconds(2)).build();

        String answer = Awaitility.await("broker on " + port).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> http.send(health, HttpResponse.BodyHandlers.ofString()).body(), "OK\n"::equals);
        assertThat(answer).isEqualTo("OK\n");
        assertThat(broker.isAlive()).isTrue();
        assertThat(broker.exitCode()).isEmpty();
        assertThat(String.join("\n", broker.lastLogLines(50))).contains(Integer.toString(port));
        assertThat(node.harnessJar()).startsWith(tmp.resolve("work/harness-").toString()).endsWith("/harness.jar");

        broker.close();

        assertThat(broker.isAlive()).isFalse();
        assertThat(broker.exitCode()).isPresent();
        assertThat(node.exec(List.of("sh", "-c", "kill -0 -$(cat services/broker.pid)"), Duration.ofSeconds(10))
                .exitCode()).as("the broker's process group after close").isNotZero();
        assertThatThrownBy(() -> http.send(health, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.net.ConnectException.class);
    }

    @Test
    void aServiceThatEndsByItselfReportsItsExitCode() {
        connect();
        RunningService service = node.start(new ServiceDefinition.ProcessService("short",
                List.of("sh", "-c", "echo bye; exit 7"), Map.of()));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !service.isAlive());
        assertThat(service.exitCode()).hasValue(7);
        assertThat(service.lastLogLines(3)).containsExactly("bye");
    }
}
