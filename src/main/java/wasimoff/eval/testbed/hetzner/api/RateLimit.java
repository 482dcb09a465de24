package wasimoff.eval.testbed.hetzner.api;

import java.time.Instant;
import okhttp3.Headers;

/**
 * Hetzner's request budget as the last response stated it in {@code RateLimit-Limit}, {@code RateLimit-Remaining}
 * and {@code RateLimit-Reset}.
 *
 * @param limit     requests per hour; -1 if not sent
 * @param remaining requests left now; -1 if not sent
 * @param reset     when the budget is full again; {@code null} if not sent
 */
public record RateLimit(int limit, int remaining, Instant reset) {

    /** Reads the three headers (names are case-insensitive); absent or malformed values become -1 or null. */
    static RateLimit from(Headers headers) {
        long reset = number(headers.get("RateLimit-Reset"));
        return new RateLimit((int) number(headers.get("RateLimit-Limit")),
                (int) number(headers.get("RateLimit-Remaining")), reset < 0 ? null : Instant.ofEpochSecond(reset));
    }

    /** Whether the response carried any rate-limit header. */
    boolean isPresent() {
        return limit >= 0 || remaining >= 0 || reset != null;
    }

    private static long number(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
