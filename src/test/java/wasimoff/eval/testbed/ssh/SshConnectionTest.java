package wasimoff.eval.testbed.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshConnectionTest {
    @TempDir
    Path tmp;
    HostKey hostKey = HostKey.generate();
    ClientKey clientKey = ClientKey.generate();

    @Test
    void aServerThatComesUpBeforeTheDeadlineIsReached() throws Exception {
        // a booting server refuses connections until its sshd runs
        String address = "127.78.0.3";
        int port = LoopbackSshd.freePort(address);
        CompletableFuture<SshConnection> connecting = CompletableFuture.supplyAsync(() ->
                SshConnection.open(address, port, "root", hostKey.publicKey(), clientKey, Duration.ofSeconds(40)));
        Thread.sleep(3000);
        assertThat(connecting).isNotDone();

        LoopbackSshd sshd = LoopbackSshd.start(address, port, hostKey, clientKey, tmp.resolve("sshd"));
        try (sshd; SshConnection connection = connecting.get(40, TimeUnit.SECONDS)) {
            assertThat(connection.target()).isEqualTo("root@" + address + ":" + port);
            assertThat(connection.exec(List.of("echo", "up"), Duration.ofSeconds(10)).output()).isEqualTo("up\n");
        }
        assertThat(sshd.leftovers()).isEmpty();
    }

    @Test
    void manyCommandsAtOnceShareOneConnectionBeyondSshdsSessionLimit() throws Exception {
        // OpenSSH admits 10 sessions per connection (MaxSessions); a node's watchers, uploads and load run overlap
        LoopbackSshd sshd = LoopbackSshd.start("127.78.0.7", hostKey, clientKey, tmp.resolve("sshd"));
        ExecutorService callers = Executors.newFixedThreadPool(24);
        try (sshd; SshConnection connection = SshConnection.open("127.78.0.7", sshd.port(), "root",
                hostKey.publicKey(), clientKey, Duration.ofSeconds(20))) {
            connection.upload("x".getBytes(), tmp.resolve("work/x").toString());
            List<CompletableFuture<String>> running = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String word = "n" + i;
                running.add(CompletableFuture.supplyAsync(() -> connection.exec(List.of("sh", "-c",
                        "sleep 1; echo " + word), Duration.ofSeconds(30)).output(), callers));
            }
            for (int i = 0; i < running.size(); i++) {
                assertThat(running.get(i).get(60, TimeUnit.SECONDS)).isEqualTo("n" + i + "\n");
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void noServerUntilTheDeadlineFailsNamingTheTarget() throws Exception {
        String address = "127.78.0.4";
        int port = LoopbackSshd.freePort(address);
        long t0 = System.nanoTime();

        assertThatThrownBy(() -> SshConnection.open(address, port, "root", hostKey.publicKey(), clientKey,
                Duration.ofSeconds(3)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("root@" + address + ":" + port)
                .hasMessageContaining("no connection within PT3S");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(20));
    }
}
