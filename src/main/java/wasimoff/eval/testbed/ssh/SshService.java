package wasimoff.eval.testbed.ssh;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.RunningService;

/** A service running on an SSH node, observed and stopped through its {@link ServiceManager}. */
final class SshService implements RunningService {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final SshNode node;
    private final ServiceManager manager;
    private final String stopSignal;
    private volatile boolean stopped;

    SshService(String name, SshNode node, ServiceManager manager, String stopSignal) {
        this.name = name;
        this.node = node;
        this.manager = manager;
        this.stopSignal = stopSignal;
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
        return !stopped && node.connection().execShell(manager.alive(name), COMMAND_TIMEOUT).exitCode() == 0;
    }

    @Override
    public OptionalInt exitCode() {
        String out = node.connection().execShell(manager.exitStatus(name), COMMAND_TIMEOUT).output().trim();
        return out.matches("-?\\d+") ? OptionalInt.of(Integer.parseInt(out)) : OptionalInt.empty();
    }

    @Override
    public List<String> lastLogLines(int count) {
        return node.connection().execShell(manager.log(name, count), COMMAND_TIMEOUT).output().lines().toList();
    }

    @Override
    public synchronized void close() {
        if (!stopped) {
            stopped = true;
            node.connection().execShell(manager.stop(name, stopSignal), COMMAND_TIMEOUT);
        }
    }

    @Override
    public String toString() {
        return name + " on " + node;
    }
}
