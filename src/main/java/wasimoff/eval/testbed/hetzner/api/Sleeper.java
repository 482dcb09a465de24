package wasimoff.eval.testbed.hetzner.api;

import java.time.Duration;

/**
 * How {@link HetznerClient} waits between retries; tests replace it with one that only records the waits.
 */
@FunctionalInterface
public interface Sleeper {

    /** Really sleeps, with {@link Thread#sleep(long)}. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    /** Waits for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;
}
