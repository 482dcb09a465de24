package wasimoff.eval.testbed.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** The test fixture itself: a server that cannot start skips with its reason, and closing leaves nothing running. */
class LoopbackSshdTest {
    @TempDir
    Path tmp;
    HostKey hostKey = HostKey.generate();
    ClientKey clientKey = ClientKey.generate();

    @Test
    void anSshdThatCannotStartSkipsTheTestInItsOwnWords() throws Exception {
        String address = "127.78.0.5";
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            assertThatThrownBy(() -> LoopbackSshd.start(address, taken.getLocalPort(), hostKey, clientKey,
                    tmp.resolve("sshd")))
                    .isInstanceOf(TestAbortedException.class)
                    .hasMessageContaining("sshd exited")
                    .hasMessageContaining("Address already in use");
        }
    }

    @Test
    void closingEndsTheListenerAndTheSessionsOfConnectionsStillOpen() throws Exception {
        LoopbackSshd sshd = LoopbackSshd.start("127.78.0.6", hostKey, clientKey, tmp.resolve("sshd"));
        try (sshd; SshConnection open = SshConnection.open("127.78.0.6", sshd.port(), "root", hostKey.publicKey(),
                clientKey, Duration.ofSeconds(20))) {
            assertThat(open.exec(List.of("true"), Duration.ofSeconds(10)).exitCode()).isZero();
            assertThat(sshd.leftovers()).hasSizeGreaterThanOrEqualTo(2);

            sshd.close();

            assertThat(sshd.leftovers()).isEmpty();
            assertThat(sshd.isAlive()).isFalse();
        }
    }
}
