package wasimoff.eval.testbed.embedded;

import wasimoff.eval.process.ChildEnvironment;
import wasimoff.eval.process.RunRecord;
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
            // a process group of its own (setsid): stopped as a group, and swept as one after a killed run
            List<String> command = new java.util.ArrayList<>(List.of("setsid"));
            command.addAll(service.command());
            ProcessBuilder pb = ChildEnvironment.base().allow(ChildEnvironment.DOCKER).with(service.environment())
                    .command(command)
                    .directory(log.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Process process = pb.start();
            RunRecord.current().processGroup(process.pid());
            return new ChildProcessService(service.name(), node, process, log, service.stopSignal());
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

    @Override
    public List<String> lastLogLines(int count) {
        try {
            List<String> lines = Files.readAllLines(log);
            return lines.subList(Math.max(0, lines.size() - count), lines.size());
        } catch (IOException e) {
            return List.of("(no log: " + e.getMessage() + ")");
        }
    }

    /** SIGKILL to the service's whole process group, then waits until its process has ended. */
    @Override
    public String kill() {
        long pgid = process.pid();
        RunRecord.killGroup(pgid, "KILL");
        try {
            process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "SIGKILL to process group " + pgid + (process.isAlive() ? " (still running)" : ", exit status "
                + process.exitValue());
    }

    /**
     * Stops the service's whole process group: its stop signal first (SIGINT for services that clean
     * up on it, else SIGTERM), SIGKILL to whatever of the group is left after the grace period.
     */
    @Override
    public void close() {
        long pgid = process.pid();
        if (!process.isAlive() && !RunRecord.groupAlive(pgid)) {
            return;
        }
        RunRecord.killGroup(pgid, stopSignal.equals("INT") ? "INT" : "TERM");
        try {
            long deadline = System.nanoTime() + GRACE_MILLIS * 1_000_000;
            process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS);
            while (RunRecord.groupAlive(pgid) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (RunRecord.groupAlive(pgid)) {
                RunRecord.killGroup(pgid, "KILL");
            }
            process.destroyForcibly();
        }
    }
}
