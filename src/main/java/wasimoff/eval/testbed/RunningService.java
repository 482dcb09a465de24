package wasimoff.eval.testbed;

import java.util.List;
import java.util.OptionalInt;

/** A service started on a node. Closing it stops it; closing twice is harmless. */
public interface RunningService extends AutoCloseable {
    String name();

    Node node();

    boolean isAlive();

    /** The exit code once a process has ended. */
    OptionalInt exitCode();

    /** The last lines the service logged, for failure reports. */
    List<String> lastLogLines(int count);

    /**
     * Ends the service at once, without letting it clean up (SIGKILL to its processes), as a crash
     * would; returns what was done, for the record. {@link #close} afterwards is harmless.
     *
     * @throws UnsupportedOperationException where this service cannot be killed, only stopped
     */
    default String kill() {
        throw new UnsupportedOperationException(name() + " on " + node().name() + " cannot be killed, only stopped");
    }

    @Override
    void close();
}
