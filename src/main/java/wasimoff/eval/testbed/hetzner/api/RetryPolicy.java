package wasimoff.eval.testbed.hetzner.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how long {@link HetznerClient} retries. A call is tried at most {@code maxAttempts} times; after
 * HTTP 5xx, a 409 {@code conflict}, or (for GET and DELETE only) a network error, it waits
 * {@code initialBackoff × 2^(attempt−1)}, at most {@code maxBackoff}; after HTTP 429 it waits until
 * {@code RateLimit-Reset}, at least one second (Hetzner refills one request per second) and at most
 * {@code maxRateLimitWait}. Other errors are not retried.
 *
 * <p>POSTs are retried after 5xx although Hetzner may have acted on the first attempt: creating a server, key or
 * firewall again then fails with 409 {@code uniqueness_error} on the name instead of creating a duplicate, and a
 * repeated server action fails with 423 {@code locked} at worst. Hetzner's own clients retry 500 and 503 less
 * eagerly (only 502, 504, {@code conflict} and rate limiting); lower {@code maxAttempts} to get closer to that.
 *
 * @param maxAttempts      attempts per call, at least 1
 * @param initialBackoff   wait after the first failed attempt
 * @param maxBackoff       cap of the exponential backoff
 * @param maxRateLimitWait cap of the wait after HTTP 429
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRateLimitWait) {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRateLimitWait, "maxRateLimitWait");
    }

    /** 5 attempts, backoff 1 s doubling up to 60 s (as Hetzner's own clients), rate-limit waits up to 60 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, ONE_SECOND, Duration.ofSeconds(60), Duration.ofSeconds(60));
    }

    /** This policy with another attempt count. */
    public RetryPolicy withMaxAttempts(int value) {
        return new RetryPolicy(value, initialBackoff, maxBackoff, maxRateLimitWait);
    }

    /** The wait after failed attempt number {@code attempt} (1-based). */
    Duration backoff(int attempt) {
        Duration wait = initialBackoff;
        for (int i = 1; i < attempt && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    /** The wait after HTTP 429 when the budget is full again in {@code untilReset} (null if unknown). */
    Duration rateLimitWait(Duration untilReset) {
        Duration floor = ONE_SECOND.compareTo(maxRateLimitWait) < 0 ? ONE_SECOND : maxRateLimitWait;
        Duration wait = untilReset == null || untilReset.compareTo(floor) < 0 ? floor : untilReset;
        return wait.compareTo(maxRateLimitWait) > 0 ? maxRateLimitWait : wait;
    }
}
