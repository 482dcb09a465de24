package wasimoff.eval.testbed.embedded;

import wasimoff.eval.process.ChildEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.RunningService;
import wasimoff.eval.testbed.ServiceDefinition;

/**
 * A native service run as a child process of the harness, its output in a log file. Closing sends
 * SIGTERM, then SIGKILL after a grace period, and also ends the process's own children.
 */
public final class ChildProcessService implements RunningService {
    private static final long GRACE_MILLIS = 5000;

    private final String name;
    private final Node node;
    private final Process process;
    private final Path log;
    private final String stopSignal;

    private ChildProcessService(String name, Node node, Process process, Path log, String stopSignal) {
        this.name = name;
        this.node = node;
        this.process = process;
        this.log = log;
        this.stopSignal = stopSignal;
    }

    static ChildProcessService start(Node node, ServiceDefinition.ProcessService service, Path log) {
        try {
            Files.createDirectories(log.getParent());
            // native services (Serverledge nodes) may talk to the Docker engine
            ProcessBuilder pb = ChildEnvironment.base().allow(ChildEnvironment.DOCKER).with(service.environment())
                    .command(service.command())
                    .directory(log.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            return new ChildProcessService(service.name(), node, pb.start(), log, service.stopSignal());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service.name() + " on " + node.name() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Node node() {
        return node;
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /** The process id, e.g. for tests that kill a service to see how the system copes. */
    public long pid() {
        return process.pid();
    }

    /** Sends a signal by name; the JDK can only send TERM and KILL itself. */
    private void signal(String name) {
        try {
            ChildEnvironment.base().command("kill", "-" + name, Long.toString(process.pid())).inheritIO().start()
                    .waitFor();
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public List<String> lastLogLines(int count) {
        try {
            List<String> lines = Files.readAllLines(log);
            return lines.subList(Math.max(0, lines.size() - count), lines.size());
        } catch (IOException e) {
            return List.of("(no log: " + e.getMessage() + ")");
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        if (stopSignal.equals("INT")) {
            signal("INT");
        } else {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
        try {
            if (!process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
