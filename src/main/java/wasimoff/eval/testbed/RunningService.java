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

    @Override
    void close();
}
