package wasimoff.eval.testbed.docker;

import wasimoff.eval.process.ChildEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import wasimoff.eval.testbed.LocalCommand;

/**
 * The Docker engine of this machine: container nodes run on it and Serverledge nodes start their
 * function containers with it. If one already answers
 * {@code docker info} it is used as it is; otherwise {@link #start} runs {@code dockerd} as root
 * without iptables ({@code --iptables=false --ip6tables=false}) and waits for it. An engine this
 * JVM started runs until the JVM ends (a shutdown hook stops it), not only until the first user
 * closes it: Testcontainers' client keeps its connections for the JVM's life, and a restarted
 * engine would break them for the next testbed. Only the engine this JVM started is ever stopped.
 */
public final class DockerEngine implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static Process started;

    private final String version;

    private DockerEngine(String version) {
        this.version = version;
    }

    /** An engine that answers, started here if needed; fails with the engine's own error. */
    public static synchronized DockerEngine start(Path logDir) throws IOException, InterruptedException {
        String running = serverVersion();
        if (running != null) {
            return new DockerEngine(running);
        }
        Files.createDirectories(logDir);
        Path log = logDir.resolve("dockerd.log");
        Process p = ChildEnvironment.base().allow(ChildEnvironment.DOCKER)
                .command("dockerd", "--iptables=false", "--ip6tables=false")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String v = serverVersion();
            if (v != null) {
                if (started == null) {
                    Runtime.getRuntime().addShutdownHook(new Thread(DockerEngine::stopStarted, "dockerd-stop"));
                }
                started = p;
                return new DockerEngine(v);
            }
            if (!p.isAlive()) {
                throw new IOException("dockerd exited with status " + p.exitValue() + ": " + tail(log));
            }
            Thread.sleep(250);
        }
        p.destroyForcibly();
        throw new IOException("dockerd did not answer within " + START_TIMEOUT + ": " + tail(log));
    }

    /** The engine's version, e.g. {@code 20.10.24+dfsg1}. */
    public String version() {
        return version;
    }

    /** Runs a docker CLI command; returns its output, or throws with it when the command fails. */
    public static String docker(List<String> args, Duration timeout) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("docker"));
        command.addAll(args);
        return LocalCommand.run(command, timeout);
    }

    private static String serverVersion() {
        try {
            return docker(List.of("version", "--format", "{{.Server.Version}}"), Duration.ofSeconds(10)).strip();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** Nothing: the engine outlives its users until the JVM ends (see the class comment). */
    @Override
    public void close() {
    }

    private static synchronized void stopStarted() {
        Process dockerd = started;
        if (dockerd == null || !dockerd.isAlive()) {
            return;
        }
        dockerd.destroy();
        try {
            if (!dockerd.waitFor(20, TimeUnit.SECONDS)) {
                dockerd.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            dockerd.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
