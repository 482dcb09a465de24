package wasimoff.eval.testbed.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThatThrownBy(() -> node.exec(List.of("sh", "-c", "echo started; sleep 30; touch finished"),
                Duration.ofSeconds(2)))
                .isInstanceOf(SshConnection.CommandTimeoutException.class)
                .hasMessageContaining("sleep 30")
                .hasMessageContaining("started");
        Thread.sleep(500);
        assertThat(tmp.resolve("work/finished")).doesNotExist();
    }

    @Test
    void aProgramThatExitsWithTimeoutsOwnStatusInTimeIsNotATimeout() {
        assertThat(connect().exec(List.of("sh", "-c", "exit 124"), Duration.ofSeconds(20)).exitCode()).isEqualTo(124);
    }

    @Test
    void filesGoUpBySftpAndDirectoriesComeBack() throws Exception {
        connect();
        String remote = node.putFile("out/a/one.txt", "one".getBytes());
        node.putFile("out/two.csv", "x,y\n1,2\n".getBytes());
        assertThat(remote).isEqualTo(tmp.resolve("work/out/a/one.txt").toString());

        Path back = tmp.resolve("back");
        node.fetchDirectory("out", back);
        assertThat(back.resolve("a/one.txt")).hasContent("one");
        assertThat(back.resolve("two.csv")).hasContent("x,y\n1,2");
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
    void aServiceThatEndsByItselfReportsItsExitCode() {
        connect();
        RunningService service = node.start(new ServiceDefinition.ProcessService("short",
                List.of("sh", "-c", "echo bye; exit 7"), Map.of()));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !service.isAlive());
        assertThat(service.exitCode()).hasValue(7);
        assertThat(service.lastLogLines(3)).containsExactly("bye");
    }
}
