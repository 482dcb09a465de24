package wasimoff.eval.testbed.hetzner.api;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Polls an {@link Action} with Awaitility until it leaves {@code running}, within a deadline. */
final class ActionWaiter {

    private final LongFunction<Action> fetch;
    private final Duration pollInterval;

    ActionWaiter(LongFunction<Action> fetch, Duration pollInterval) {
        this.fetch = fetch;
        this.pollInterval = pollInterval;
    }

    Action await(Action action, Duration deadline) {
        Action outcome = action.isRunning() ? poll(action, deadline) : action;
        if (outcome.isError()) {
            throw new ActionFailedException(outcome);
        }
        return outcome;
    }

    private Action poll(Action action, Duration deadline) {
        AtomicReference<Action> lastSeen = new AtomicReference<>(action);
        Duration delay = pollInterval.compareTo(deadline) < 0 ? pollInterval : Duration.ZERO;
        try {
            return Awaitility.await("Hetzner action " + action.id() + " (" + action.command() + ")")
                    .atMost(deadline)
                    .pollDelay(delay)
                    .pollInterval(pollInterval)
                    .until(() -> remember(lastSeen, fetch.apply(action.id())), current -> !current.isRunning());
        } catch (ConditionTimeoutException e) {
            throw new ActionTimeoutException(lastSeen.get(), deadline, e);
        }
    }

    private static Action remember(AtomicReference<Action> lastSeen, Action current) {
        lastSeen.set(current);
        return current;
    }
}
