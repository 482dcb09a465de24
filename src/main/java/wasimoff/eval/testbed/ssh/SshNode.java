package wasimoff.eval.testbed.ssh;

import wasimoff.eval.testbed.ShellService;
import wasimoff.eval.testbed.ShellServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import wasimoff.eval.scenario.NodeSpec;
import wasimoff.eval.testbed.HarnessBundle;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.RunningService;
import wasimoff.eval.testbed.ServiceDefinition;

/**
 * A node reached over SSH: a Hetzner server, or in tests an sshd on a loopback address. Commands run
 * in its work directory with timeouts and their output goes into the current Allure step; files
 * travel by SFTP; services run as systemd units where systemd runs, otherwise as session-leader
 * processes (see {@link ShellServices}).
 */
public final class SshNode implements Node, AutoCloseable {
    private static final Duration SHORT = Duration.ofSeconds(60);
    private static final int PORT_LOW = 20_000;
    private static final int PORT_HIGH = 30_000;

    private final NodeSpec spec;
    private final String host;
    private final SshConnection connection;
    private final String workDir;
    private final ShellServices services;
    private final Set<Integer> handedOut = new HashSet<>();
    private final List<RunningService> started = new ArrayList<>();
    private String harnessJar;

    private SshNode(NodeSpec spec, String host, SshConnection connection, String workDir, ShellServices services) {
        this.spec = spec;
        this.host = host;
        this.connection = connection;
        this.workDir = workDir;
        this.services = services;
    }

    /**
     * Connects to {@code user@host:port} accepting only {@code hostKey}, creates {@code workDir} there
     * and finds out how services are run (systemd or plain processes).
     */
    public static SshNode connect(NodeSpec spec, String host, int port, String user, PublicKey hostKey,
                                  ClientKey key, String workDir, Duration deadline) {
        SshConnection c = SshConnection.open(host, port, user, hostKey, key, deadline);
        try {
            Node.CommandResult r = c.execShell("mkdir -p " + ShellServices.quote(workDir) + " && "
                    + ShellServices.detect(), SHORT);
            if (r.exitCode() != 0) {
                throw new IllegalStateException(c.target() + ": cannot create " + workDir + ": " + r.output());
            }
            ShellServices manager = r.output().trim().equals("systemd")
                    ? new ShellServices.SystemdUnits(workDir) : new ShellServices.PlainProcesses(workDir);
            return new SshNode(spec, host, c, workDir, manager);
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    @Override
    public NodeSpec spec() {
        return spec;
    }

    @Override
    public String host() {
        return host;
    }

    /** Whether services run as systemd units here (otherwise as plain processes). */
    public boolean usesSystemd() {
        return services instanceof ShellServices.SystemdUnits;
    }

    @Override
    public synchronized int freePort() {
        Set<Integer> listening = new HashSet<>(handedOut);
        for (String line : connection.execShell("ss -Htln", SHORT).output().lines().toList()) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length >= 4) {
                String local = cols[3];
                try {
                    listening.add(Integer.parseInt(local.substring(local.lastIndexOf(':') + 1)));
                } catch (NumberFormatException ignored) {
                    // "*" and the like: no port to avoid
                }
            }
        }
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(PORT_LOW, PORT_HIGH);
            if (!listening.contains(port)) {
                handedOut.add(port);
                return port;
            }
        }
        throw new IllegalStateException(name() + ": no free port between " + PORT_LOW + " and " + PORT_HIGH);
    }

    @Override
    public RunningService start(ServiceDefinition service) {
        ShellServices.Launch launch = ShellServices.Launch.of(service, this::harnessJar);
        Node.CommandResult r = connection.execShell(services.start(service.name(), launch.command(),
                launch.environment(), launch.stopSignal()), SHORT);
        if (r.exitCode() != 0) {
            throw new IllegalStateException("service " + service.name() + " on " + name() + " did not start: "
                    + r.output());
        }
        ShellService running = new ShellService(service.name(), this, connection::execShell, services,
                launch.stopSignal());
        synchronized (started) {
            started.add(running);
        }
        return running;
    }

    @Override
    public CommandResult exec(List<String> command, Duration timeout) {
        String line = command.stream().map(ShellServices::quote).collect(Collectors.joining(" "));
        CommandResult r = connection.execShell("cd " + ShellServices.quote(workDir) + " && " + line, timeout);
        io.qameta.allure.Allure.addAttachment(name() + "$ " + line + " (exit " + r.exitCode() + ")", "text/plain",
                r.output(), "txt");
        return r;
    }

    @Override
    public String putFile(String path, byte[] content) {
        String remote = resolve(path);
        connection.upload(content, remote);
        return remote;
    }

    @Override
    public void fetchDirectory(String path, Path target) {
        connection.downloadDirectory(resolve(path), target);
    }

    @Override
    public synchronized String putExecutable(Path local) {
        String remote = workDir + "/bin/" + contentHash(local) + "-" + local.getFileName();
        if (!connection.exists(remote)) {
            connection.upload(local, remote + ".partial");
            check(connection.execShell("chmod 755 " + ShellServices.quote(remote + ".partial") + " && mv "
                    + ShellServices.quote(remote + ".partial") + " " + ShellServices.quote(remote), SHORT), remote);
        }
        return remote;
    }

    @Override
    public synchronized String putDirectory(Path local) {
        String dir = workDir + "/" + local.getFileName();
        if (!connection.exists(dir)) {
            String partial = dir + ".partial";
            connection.execShell("rm -rf " + ShellServices.quote(partial), SHORT);
            connection.upload(local, partial);
            // SFTP does not carry the executable bit here: set it where the local file has it
            StringBuilder chmod = new StringBuilder("true");
            try (var files = Files.walk(local)) {
                files.filter(f -> Files.isRegularFile(f) && Files.isExecutable(f)).forEach(f -> chmod.append(" && chmod 755 ")
                        .append(ShellServices.quote(partial + "/" + local.relativize(f))));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + local, e);
            }
            check(connection.execShell(chmod + " && mv " + ShellServices.quote(partial) + " " + ShellServices.quote(dir),
                    SHORT), dir);
        }
        return dir;
    }

    @Override
    public synchronized String harnessJar() {
        if (harnessJar == null) {
            HarnessBundle bundle = HarnessBundle.ofThisJvm();
            String dir = workDir + "/harness-" + bundle.hash();
            if (!connection.exists(dir + "/" + HarnessBundle.JAR)) {
                String partial = dir + ".partial";
                connection.execShell("rm -rf " + ShellServices.quote(partial), SHORT);
                for (Path file : bundle.files()) {
                    connection.upload(bundle.directory().resolve(file), partial + "/" + file);
                }
                check(connection.execShell("rm -rf " + ShellServices.quote(dir) + " && mv "
                        + ShellServices.quote(partial) + " " + ShellServices.quote(dir), SHORT), dir);
            }
            harnessJar = dir + "/" + HarnessBundle.JAR;
        }
        return harnessJar;
    }

    private String resolve(String path) {
        return path.startsWith("/") ? path : workDir + "/" + path;
    }

    private void check(CommandResult r, String what) {
        if (r.exitCode() != 0) {
            throw new IllegalStateException(name() + ": installing " + what + " failed: " + r.output());
        }
    }

    private static String contentHash(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (var in = Files.newInputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops every service started here that is still running, then closes the connection. */
    @Override
    public void close() {
        List<RunningService> copy;
        synchronized (started) {
            copy = new ArrayList<>(started);
            started.clear();
        }
        try {
            for (RunningService s : copy) {
                try {
                    s.close();
                } catch (RuntimeException e) {
                    System.err.println("[ssh] stopping " + s.name() + " on " + name() + " failed: " + e.getMessage());
                }
            }
        } finally {
            connection.close();
        }
    }

    @Override
    public String toString() {
        return name() + "@" + host;
    }
}
