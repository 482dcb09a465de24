package wasimoff.eval.testbed.ssh;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
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
    private final List<ProcessHandle> family = new CopyOnWriteArrayList<>();

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
        return start(address, freePort(address), hostKey, client, dir);
    }

    /** A port nothing listens on at the loopback {@code address} just now. */
    public static int freePort(String address) throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName(address))) {
            return s.getLocalPort();
        }
    }

    /** Starts sshd on {@code address:port} presenting {@code hostKey} and admitting {@code client}. */
    public static LoopbackSshd start(String address, int port, HostKey hostKey, ClientKey client, Path dir)
            throws Exception {
        if (!address.startsWith("127.")) {
            throw new IllegalArgumentException("tests run sshd on loopback addresses only, not " + address);
        }
        return start(address, port, UnaryOperator.identity(), hostKey, client, dir);
    }

    /**
     * Starts sshd inside the test host {@code namespace} (a network namespace of ours), on its
     * address: what runs over this SSH connection sees that address as its own.
     */
    public static LoopbackSshd startIn(wasimoff.eval.testbed.embedded.NetworkNamespace namespace, HostKey hostKey,
                                       ClientKey client, Path dir) throws Exception {
        // a port free on this machine's loopback is as good as any inside a fresh namespace
        return start(namespace.address(), freePort("127.0.0.1"), namespace::command, hostKey, client, dir);
    }

    /**
     * Starts sshd inside {@code namespace} on port {@code port} of its address, with the host key
     * {@code hostKeyPem} and admitting the public key lines {@code authorizedKeys}: a server as
     * cloud-init would have set it up from what the harness sent.
     */
    public static LoopbackSshd startIn(wasimoff.eval.testbed.embedded.NetworkNamespace namespace, int port,
                                       String hostKeyPem, List<String> authorizedKeys, Path dir) throws Exception {
        return start(namespace.address(), port, namespace::command, hostKeyPem, authorizedKeys, dir);
    }

    private static LoopbackSshd start(String address, int port, UnaryOperator<List<String>> wrap, HostKey hostKey,
                                      ClientKey client, Path dir) throws Exception {
        return start(address, port, wrap, hostKey.privateKeyPem(), List.of(client.publicKeyLine()), dir);
    }

    private static LoopbackSshd start(String address, int port, UnaryOperator<List<String>> wrap, String hostKeyPem,
                                      List<String> authorizedKeys, Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(SSHD), "no " + SSHD + ": install Debian's openssh-server");
        Files.createDirectories(dir);
        try {
            Files.createDirectories(Path.of("/run/sshd"));
        } catch (IOException e) {
            Assumptions.abort("sshd needs its privilege separation directory /run/sshd: " + e);
        }
        Path key = dir.resolve("host_key");
        Files.writeString(key, hostKeyPem);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Path authorized = dir.resolve("authorized_keys");
        Files.writeString(authorized, String.join("\n", authorizedKeys) + "\n");
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
        Assumptions.assumeTrue(check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0,
                "sshd rejects a loopback configuration: " + checkOut);
        Process sshd = new ProcessBuilder(wrap.apply(List.of(SSHD.toString(), "-D", "-e", "-f", config.toString())))
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        LoopbackSshd server = new LoopbackSshd(sshd, port, dir);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < end) {
            if (!sshd.isAlive()) {
                String log = Files.readString(dir.resolve("sshd.log"));
                Assumptions.abort("sshd exited with " + sshd.exitValue() + ": " + log);
            }
            if (answersWithSshBanner(address, port)) {
                return server;
            }
            Thread.sleep(100);
        }
        server.close();
        Assumptions.abort("sshd did not accept connections on " + address + ":" + port + " within 15 s");
        return server;
    }

    /**
     * Whether an SSH server answers on {@code address:port}: its protocol banner, not merely an open
     * port (something else may listen there, or the kernel may accept before sshd is ready).
     */
    private static boolean answersWithSshBanner(String address, int port) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(address, port), 500);
            probe.setSoTimeout(2000);
            byte[] banner = probe.getInputStream().readNBytes(8);
            return new String(banner, java.nio.charset.StandardCharsets.US_ASCII).equals("SSH-2.0-");
        } catch (IOException notYet) {
            return false;
        }
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

    /**
     * The processes of this sshd still running: the listener, its per-connection children, and any
     * process whose command line names this server's configuration. Empty once {@link #close} has returned.
     */
    public List<ProcessHandle> leftovers() {
        String config = dir.resolve("sshd_config").toString();
        List<ProcessHandle> alive = new ArrayList<>(family);
        alive.add(process.toHandle());
        process.toHandle().descendants().forEach(alive::add);
        ProcessHandle.allProcesses().filter(h -> commandLine(h).contains(config)).forEach(alive::add);
        return alive.stream().filter(ProcessHandle::isAlive).distinct().toList();
    }

    /** The command line as ps shows it: sshd rewrites its own, which ProcessHandle.Info does not follow. */
    private static String commandLine(ProcessHandle h) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(h.pid()), "cmdline")).replace('\0', ' ');
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }

    /** Stops the listener and the sessions it forked (SIGTERM, then SIGKILL after 10 s). */
    @Override
    public void close() throws InterruptedException {
        family.addAll(process.toHandle().descendants().toList());
        family.add(process.toHandle());
        family.forEach(ProcessHandle::destroy);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!leftovers().isEmpty() && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        leftovers().forEach(ProcessHandle::destroyForcibly);
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
