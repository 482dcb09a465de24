package wasimoff.eval.testbed;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * A service running on a node that takes shell command lines (an SSH server, a container),
 * observed and stopped through the node's {@link ShellServices}.
 */
public final class ShellService implements RunningService {
    /** Runs one shell command line on the node. */
    @FunctionalInterface
    public interface Shell {
        Node.CommandResult run(String commandLine, Duration timeout);
    }

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final Node node;
    private final Shell shell;
    private final ShellServices manager;
    private final String stopSignal;
    private volatile boolean stopped;

    public ShellService(String name, Node node, Shell shell, ShellServices manager, String stopSignal) {
        this.name = name;
        this.node = node;
        this.shell = shell;
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
        return !stopped && shell.run(manager.alive(name), COMMAND_TIMEOUT).exitCode() == 0;
    }

    @Override
    public OptionalInt exitCode() {
        String out = shell.run(manager.exitStatus(name), COMMAND_TIMEOUT).output().trim();
        return out.matches("-?\\d+") ? OptionalInt.of(Integer.parseInt(out)) : OptionalInt.empty();
    }

    @Override
    public List<String> lastLogLines(int count) {
        return shell.run(manager.log(name, count), COMMAND_TIMEOUT).output().lines().toList();
    }

    @Override
    public synchronized void close() {
        if (!stopped) {
            stopped = true;
            shell.run(manager.stop(name, stopSignal), COMMAND_TIMEOUT);
        }
    }

    @Override
    public String toString() {
        return name + " on " + node;
    }
}
