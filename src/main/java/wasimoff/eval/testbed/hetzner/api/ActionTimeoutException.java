package wasimoff.eval.testbed.hetzner.api;

import java.time.Duration;

/** An {@link Action} still running when the deadline of {@link HetznerClient#awaitAction} passed. */
public class ActionTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Action lastSeen;

    /** Creates the exception from the action's last known state and the deadline that passed. */
    public ActionTimeoutException(Action lastSeen, Duration deadline, Throwable cause) {
        super("Hetzner action " + lastSeen.id() + " (" + lastSeen.command() + ") did not finish within " + deadline
                + "; last status " + lastSeen.status() + " at " + lastSeen.progress() + "%", cause);
        this.lastSeen = lastSeen;
    }

    /** The action as last polled. */
    public Action lastSeen() {
        return lastSeen;
    }
}
