package wasimoff.eval.workload;

import java.util.Optional;

/**
 * Decides whether one HTTP response counts as a success. A failure carries a short, stable reason
 * (it groups the failures CSV), for example {@code HTTP 500} or {@code no TSP distance in body}.
 *
 * <p>The check sees only the status, a header lookup and the body, so it does not depend on the HTTP
 * client that fetched the response. It runs on the load generator's event loops for every response:
 * keep it cheap and free of blocking calls.
 */
@FunctionalInterface
public interface ResponseCheck {
    /**
     * The reason the response failed, or empty when it succeeded.
     *
     * @param status  the HTTP status code
     * @param headers looks up a response header by name, case-insensitively; never null
     * @param body    the whole response body, decoded as UTF-8; never null
     */
    Optional<String> failure(int status, Headers headers, String body);

    /** Response header lookup. */
    @FunctionalInterface
    interface Headers {
        /** The first value of the header {@code name} (case-insensitive), or null when absent. */
        String get(String name);
    }

    /** True for 2xx statuses, the ones any check treats as a possible success. */
    static boolean isSuccessful(int status) {
        return status >= 200 && status < 300;
    }
}
