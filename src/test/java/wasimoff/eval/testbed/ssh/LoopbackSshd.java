package wasimoff.eval.testbed.ssh;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real OpenSSH server on a loopback address for tests: its host key is one the test generated,
 * it admits one client key, runs as this (root) user and stops when closed. When sshd is missing
 * or will not start, {@link #start} skips the test with sshd's own words.
 */
public final class LoopbackSshd implements AutoCloseable {
    public static final String ADDRESS = "127.78.0.1";
    private static final Path SSHD = Path.of("/usr/sbin/sshd");

    private final Process process;
    private final int port;
    private final Path dir;

    private LoopbackSshd(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** Starts sshd on {@link #ADDRESS} presenting {@code hostKey} and admitting {@code client}, files under {@code dir}. */
    public static LoopbackSshd start(HostKey hostKey, ClientKey client, Path dir) throws Exception {
        return start(ADDRESS, hostKey, client, dir);
    }

    /** Starts sshd on the loopback {@code address} presenting {@code hostKey} and admitting {@code client}. */
    public static LoopbackSshd start(String address, HostKey hostKey, ClientKey client, Path dir) throws Exception {
        if (!address.startsWith("127.")) {
            throw new IllegalArgumentException("tests run sshd on loopback addresses only, not " + address);
        }
        return start(address, java.util.function.UnaryOperator.identity(), hostKey, client, dir);
    }

    /**
     * Starts sshd inside the test host {@code namespace} (a network namespace of ours), on its
     * address: what runs over this SSH connection sees that address as its own.
     */
    public static LoopbackSshd startIn(wasimoff.eval.testbed.embedded.NetworkNamespace namespace, HostKey hostKey,
                                       ClientKey client, Path dir) throws Exception {
        return start(namespace.address(), namespace::command, hostKey, client, dir);
    }

    private static LoopbackSshd start(String address, java.util.function.UnaryOperator<List<String>> wrap,
                                      HostKey hostKey, ClientKey client, Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(SSHD), "no " + SSHD + ": install Debian's openssh-server");
        Files.createDirectories(dir);
        Files.createDirectories(Path.of("/run/sshd"));
        Path key = dir.resolve("host_key");
        Files.writeString(key, hostKey.privateKeyPem());
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Path authorized = dir.resolve("authorized_keys");
        Files.writeString(authorized, client.publicKeyLine() + "\n");
        // a port free on this machine's loopback is as good as any inside a fresh namespace
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path config = dir.resolve("sshd_config");
        Files.write(config, List.of(
                "ListenAddress " + address + ":" + port,
                "HostKey " + key,
                "AuthorizedKeysFile " + authorized,
                "PidFile " + dir.resolve("sshd.pid"),
                "PermitRootLogin prohibit-password",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "StrictModes no",
                "Subsystem sftp internal-sftp",
                "LogLevel ERROR"));
        Process check = new ProcessBuilder(SSHD.toString(), "-t", "-f", config.toString()).redirectErrorStream(true)
                .start();
        String checkOut = new String(check.getInputStream().readAllBytes());
        check.waitFor(30, TimeUnit.SECONDS);
        Assumptions.assumeTrue(check.exitValue() == 0, "sshd rejects a loopback configuration: " + checkOut);
        Process sshd = new ProcessBuilder(wrap.apply(List.of(SSHD.toString(), "-D", "-e", "-f", config.toString())))
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        LoopbackSshd server = new LoopbackSshd(sshd, port, dir);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < end) {
            if (!sshd.isAlive()) {
                String log = Files.readString(dir.resolve("sshd.log"));
                Assumptions.abort("sshd exited with " + sshd.exitValue() + ": " + log);
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(address, port), 500);
                return server;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        server.close();
        Assumptions.abort("sshd did not accept connections on " + address + ":" + port + " within 15 s");
        return server;
    }

    public int port() {
        return port;
    }

    public Path directory() {
        return dir;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
