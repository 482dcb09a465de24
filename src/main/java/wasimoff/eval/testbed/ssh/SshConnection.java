package wasimoff.eval.testbed.ssh;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.sftp.RemoteResourceInfo;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.xfer.InMemorySourceFile;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.ShellServices;

/**
 * One authenticated SSH connection to a server whose host key is pinned: commands with timeouts,
 * and SFTP upload and download. A server that does not (yet) accept connections is retried until
 * the deadline; a server presenting another host key is refused at once.
 */
public final class SshConnection implements AutoCloseable {
    /** Time to let the remote {@code timeout} report before the local side gives up on a command. */
    private static final Duration LOCAL_GRACE = Duration.ofSeconds(15);
    /** How long output may still arrive after the exit status before the command counts as ended. */
    private static final Duration DRAIN = Duration.ofSeconds(2);
    /**
     * How often an idle connection asks the server whether it is alive: keeps NAT and firewall state
     * through a long silent command (a load run), and ends a connection whose server has gone after
     * five unanswered requests.
     */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    private static final DefaultConfig CONFIG = new DefaultConfig();
    /**
     * Commands running at once on one connection. OpenSSH admits 10 sessions per connection
     * ({@code MaxSessions}) and refuses more with "open failed"; SFTP holds one, and a margin is left.
     */
    static final int MAX_COMMANDS = 8;

    static {
        CONFIG.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
    }

    private final SSHClient client;
    private final String target;
    private final Semaphore commandSlots = new Semaphore(MAX_COMMANDS, true);
    private SFTPClient sftp;

    private SshConnection(SSHClient client, String target) {
        this.client = client;
        this.target = target;
    }

    /**
     * Connects to {@code user@host:port}, accepting only {@code hostKey}, logging in with {@code key};
     * retries refused or unreachable connections until {@code deadline} has passed.
     */
    public static SshConnection open(String host, int port, String user, PublicKey hostKey, ClientKey key,
                                     Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        String target = user + "@" + host + ":" + port;
        IOException last = null;
        int attempts = 0;
        while (attempts == 0 || System.nanoTime() < end) {
            attempts++;
            PinnedHostKey pin = new PinnedHostKey(hostKey);
            SSHClient client = new SSHClient(CONFIG);
            client.getConnection().getKeepAlive().setKeepAliveInterval((int) KEEP_ALIVE.toSeconds());
            client.addHostKeyVerifier(pin);
            client.setConnectTimeout(10_000);
            client.setTimeout(60_000);
            try {
                client.connect(host, port);
                client.authPublickey(user, key.provider(client));
                return new SshConnection(client, target);
            } catch (IOException e) {
                closeQuietly(client);
                if (pin.refusal() != null) {
                    throw new HostKeyMismatchException(pin.refusal(), e);
                }
                if (e instanceof net.schmizz.sshj.userauth.UserAuthException) {
                    throw new UncheckedIOException("ssh " + target + ": the server refused the client key: "
                            + e.getMessage(), e);
                }
                last = e;
                sleep(Duration.ofSeconds(2));
            }
        }
        throw new UncheckedIOException("ssh " + target + ": no connection within " + deadline + " (" + attempts
                + " attempts): " + last.getMessage(), last);
    }

    /**
     * Runs {@code command} (its words quoted for the remote shell) with stderr joined to stdout; the
     * remote side kills it when {@code timeout} has passed, and then this throws naming the command.
     */
    public Node.CommandResult exec(List<String> command, Duration timeout) {
        return execShell(command.stream().map(ShellServices::quote).collect(Collectors.joining(" ")), timeout);
    }

    /**
     * Runs a shell command line as given (pipes, redirections), with the same timeout rule as
     * {@link #exec}. The command has ended when it exits: a background process it left holding the
     * output open does not keep this waiting beyond {@link #DRAIN}.
     */
    public Node.CommandResult execShell(String commandLine, Duration timeout) {
        long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        String wrapped = "timeout -k 5 " + seconds + " sh -c " + ShellServices.quote(commandLine) + " 2>&1";
        long started = System.nanoTime();
        long giveUp = started + timeout.plus(LOCAL_GRACE).toNanos();
        try {
            if (!commandSlots.tryAcquire(giveUp - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                throw new CommandTimeoutException(target + ": '" + commandLine + "' did not start within " + timeout
                        + ": " + MAX_COMMANDS + " other commands held every session of the connection");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        try {
            return run(commandLine, wrapped, timeout, seconds, started, giveUp);
        } finally {
            commandSlots.release();
        }
    }

    private Node.CommandResult run(String commandLine, String wrapped, Duration timeout, long seconds, long started,
                                   long giveUp) {
        try (Session session = client.startSession()) {
            Session.Command cmd = session.exec(wrapped);
            OutputReader output = OutputReader.start(cmd.getInputStream(), target);
            while (!output.awaitEnd(Duration.ofMillis(100))) {
                if (cmd.getExitStatus() != null) {
                    output.awaitEnd(DRAIN);
                    break;
                }
                if (System.nanoTime() > giveUp) {
                    abandon(cmd, session);
                    throw new CommandTimeoutException(target + ": '" + commandLine + "' did not end within " + timeout
                            + " and no exit status came " + LOCAL_GRACE.toSeconds() + " s after it; the session was"
                            + " closed. Its output so far:\n" + tail(output.text(), 20));
                }
            }
            if (output.failure() != null) {
                throw new UncheckedIOException(target + ": reading the output of '" + commandLine + "' failed: "
                        + output.failure().getMessage(), output.failure());
            }
            Integer status = cmd.getExitStatus();
            if (status == null) {
                status = awaitExitStatus(cmd);
            }
            String out = output.text();
            if (status != null && killedByTimeout(status, Duration.ofNanos(System.nanoTime() - started), seconds)) {
                throw new CommandTimeoutException(target + ": '" + commandLine + "' was killed after " + timeout
                        + "; its output so far:\n" + tail(out, 20));
            }
            return new Node.CommandResult(status == null ? -1 : status, out);
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": running '" + commandLine + "' failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The exit status that may follow the output's end, or null when none comes (the command died of a signal). */
    private static Integer awaitExitStatus(Session.Command cmd) {
        try {
            cmd.join(DRAIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException noCloseYet) {
            // sshj's join throws when the channel is not closed in time; the status is then unknown
        }
        return cmd.getExitStatus();
    }

    /**
     * Whether the remote {@code timeout} ended the command: its exit statuses 124 (stopped by SIGTERM)
     * and 137 (SIGKILL after the grace) count only once the limit has passed, so a command that
     * exits 124 by itself, or is killed early by something else, keeps its own status.
     */
    static boolean killedByTimeout(int status, Duration elapsed, long limitSeconds) {
        return (status == 124 || status == 137) && elapsed.compareTo(Duration.ofSeconds(limitSeconds)) >= 0;
    }

    /** Writes {@code content} to {@code remotePath}, creating its directory. */
    public synchronized void upload(byte[] content, String remotePath) {
        try {
            mkdirs(parent(remotePath));
            sftp().put(new InMemorySourceFile() {
                @Override
                public String getName() {
                    return remotePath.substring(remotePath.lastIndexOf('/') + 1);
                }

                @Override
                public long getLength() {
                    return content.length;
                }

                @Override
                public InputStream getInputStream() {
                    return new ByteArrayInputStream(content);
                }
            }, remotePath);
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": uploading " + remotePath + " failed: " + e.getMessage(), e);
        }
    }

    /** Copies the local file {@code local} to {@code remotePath}, creating its directory. */
    public synchronized void upload(Path local, String remotePath) {
        try {
            mkdirs(parent(remotePath));
            sftp().put(local.toString(), remotePath);
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": uploading " + local + " to " + remotePath + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** Copies everything below the remote directory {@code remoteDir} into the local directory {@code target}. */
    public synchronized void downloadDirectory(String remoteDir, Path localTarget) {
        try {
            Files.createDirectories(localTarget);
            for (RemoteResourceInfo entry : sftp().ls(remoteDir)) {
                sftp().get(entry.getPath(), localTarget.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": downloading " + remoteDir + " failed: " + e.getMessage(), e);
        }
    }

    /** Whether {@code remotePath} exists. */
    public synchronized boolean exists(String remotePath) {
        try {
            return sftp().statExistence(remotePath) != null;
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": stat " + remotePath + " failed: " + e.getMessage(), e);
        }
    }

    /** {@code user@host:port}. */
    public String target() {
        return target;
    }

    private void mkdirs(String dir) throws IOException {
        if (!dir.isEmpty()) {
            sftp().mkdirs(dir);
        }
    }

    private SFTPClient sftp() throws IOException {
        if (sftp == null) {
            sftp = client.newSFTPClient();
        }
        return sftp;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "" : path.substring(0, slash);
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Gives up on a command whose connection stopped answering: asks the server to pass SIGTERM on
     * (the remote {@code timeout} forwards it to the command) and closes the session, both best effort.
     */
    private static void abandon(Session.Command cmd, Session session) {
        try {
            cmd.signal(net.schmizz.sshj.connection.channel.direct.Signal.TERM);
        } catch (IOException | RuntimeException ignored) {
            // the server may not take signal requests, or the connection is gone
        }
        try {
            session.close();
        } catch (IOException | RuntimeException ignored) {
            // closed by the failing connection already
        }
    }

    private static void closeQuietly(SSHClient client) {
        try {
            client.disconnect();
        } catch (IOException | RuntimeException ignored) {
            // a half-open connection: nothing to clean up beyond the socket
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (sftp != null) {
                sftp.close();
            }
        } catch (IOException ignored) {
            // the connection is going away anyway
        }
        closeQuietly(client);
    }

    /** The server presented a host key other than the pinned one. */
    public static final class HostKeyMismatchException extends RuntimeException {
        HostKeyMismatchException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A remote command ran past its timeout and was killed. */
    public static final class CommandTimeoutException extends RuntimeException {
        CommandTimeoutException(String message) {
            super(message);
        }
    }
}
