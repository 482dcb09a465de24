package wasimoff.eval.testbed.embedded;

import java.util.List;
import java.util.OptionalInt;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.RunningService;

/** One of our services running inside this JVM on behalf of an embedded node. */
final class InJvmService implements RunningService {
    private final String name;
    private final Node node;
    private final AutoCloseable handle;
    private volatile boolean alive = true;

    InJvmService(String name, Node node, AutoCloseable handle) {
        this.name = name;
        this.node = node;
        this.handle = handle;
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
        return alive;
    }

    @Override
    public OptionalInt exitCode() {
        return OptionalInt.empty();
    }

    @Override
    public List<String> lastLogLines(int count) {
        return List.of("(in-JVM service: its log is in the test's console output)");
    }

    /**
     * There is no process to SIGKILL in this JVM: the service is stopped at once, which closes its
     * connections as a killed process's kernel would; the record says which it was.
     */
    @Override
    public String kill() {
        close();
        return "stopped in this JVM (an in-JVM service has no process to SIGKILL; its connections were closed)";
    }

    @Override
    public synchronized void close() {
        if (!alive) {
            return;
        }
        alive = false;
        try {
            handle.close();
        } catch (Exception e) {
            throw new IllegalStateException("stopping " + name + " failed: " + e, e);
        }
    }
}
