package wasimoff.eval.system;

import java.util.List;
import wasimoff.eval.testbed.RunningService;

/**
 * A system that could not be deployed or died during a run: names the service, its node, its exit
 * status and its last log lines, so the report says what broke.
 */
public class SystemFailure extends RuntimeException {
    public SystemFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public SystemFailure(String message) {
        super(message);
    }

    /** A failure describing every service in {@code dead}. */
    public static SystemFailure servicesDied(String when, List<RunningService> dead) {
        StringBuilder b = new StringBuilder(when).append(": ");
        for (RunningService s : dead) {
            b.append("\n  ").append(s.name()).append(" on ").append(s.node().name()).append(" exited")
                    .append(s.exitCode().isPresent() ? " with status " + s.exitCode().getAsInt() : "")
                    .append("; last log lines:");
            s.lastLogLines(15).forEach(l -> b.append("\n    | ").append(l));
        }
        return new SystemFailure(b.toString());
    }
}
