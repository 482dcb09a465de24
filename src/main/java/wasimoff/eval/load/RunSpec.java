package wasimoff.eval.load;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything a load run needs, serialisable to JSON so that the same run can start on a remote
 * client node ({@code java -jar harness.jar load --spec run.json --out DIR}).
 *
 * @param name          what is being run, e.g. {@code reference tsp-8}; used in progress lines
 * @param request       the one request every virtual user sends in a loop
 * @param check         the name of the response check that decides success (see the workload package)
 * @param users         closed-loop virtual users (no wait time between requests, as the seed's Locust files)
 * @param spawnRate     users started per second
 * @param runTimeMillis how long the run lasts, counted from its start like Locust's {@code --run-time}
 * @param percentiles   percentiles for the CSV files, as fractions (0.5 = median)
 * @param bindAddress   local address the client sockets bind to (the client node's address), or null
 * @param requestTimeoutMillis a request that takes longer fails with reason "timeout"
 * @param csvPrefix     prefix of the Locust-style CSV files
 * @param arrival       null for a closed-loop run (the seed's); otherwise the target arrival rate of an
 *                      open-loop run, in which {@code users} and {@code spawnRate} are ignored
 * @param maxInFlight   open loop: at most this many requests in flight at once (each holds one
 *                      connection); an arrival beyond it is not sent and counts as a failure.
 *                      Null means {@value #DEFAULT_MAX_IN_FLIGHT}
 * @param eventLoops    the generator's event-loop threads; null means {@link #defaultEventLoops()}
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record RunSpec(
        String name,
        HttpRequestTemplate request,
        String check,
        int users,
        double spawnRate,
        long runTimeMillis,
        List<Double> percentiles,
        String bindAddress,
        long requestTimeoutMillis,
        String csvPrefix,
        ArrivalSchedule arrival,
        Integer maxInFlight,
        Integer eventLoops) {

    /** The percentiles the seed's evaluation reported. */
    public static final List<Double> SEED_PERCENTILES =
            List.of(0.25, 0.50, 0.75, 0.80, 0.90, 0.95, 0.98, 0.99, 1.0);

    /** The open-loop in-flight cap when a spec names none. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 1024;

    public RunSpec {
        if (users <= 0 || spawnRate <= 0 || runTimeMillis <= 0 || requestTimeoutMillis <= 0) {
            throw new IllegalArgumentException("users, spawn rate, run time and timeout must be positive");
        }
        percentiles = percentiles == null ? SEED_PERCENTILES : List.copyOf(percentiles);
        csvPrefix = csvPrefix == null ? "locust" : csvPrefix;
        maxInFlight = maxInFlight == null ? DEFAULT_MAX_IN_FLIGHT : maxInFlight;
        eventLoops = eventLoops == null ? defaultEventLoops() : eventLoops;
        if (maxInFlight <= 0 || eventLoops <= 0) {
            throw new IllegalArgumentException("maxInFlight and eventLoops must be positive");
        }
    }

    /** A closed-loop run (no arrival schedule) with the default event loops. */
    public RunSpec(String name, HttpRequestTemplate request, String check, int users, double spawnRate,
                   long runTimeMillis, List<Double> percentiles, String bindAddress, long requestTimeoutMillis,
                   String csvPrefix) {
        this(name, request, check, users, spawnRate, runTimeMillis, percentiles, bindAddress, requestTimeoutMillis,
                csvPrefix, null, null, null);
    }

    /**
     * Half the machine's cores, at least one and at most four: one event loop keeps about as many
     * connections busy as wrk's one thread, and the rest of the machine is left to the system under
     * test when both share it.
     */
    public static int defaultEventLoops() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() / 2));
    }

    /** This spec run open-loop at {@code schedule} (same request, check, run time and output). */
    public RunSpec withArrival(ArrivalSchedule schedule) {
        return new RunSpec(name, request, check, users, spawnRate, runTimeMillis, percentiles, bindAddress,
                requestTimeoutMillis, csvPrefix, schedule, maxInFlight, eventLoops);
    }

    /** True when requests follow an arrival schedule instead of closed-loop users. */
    public boolean openLoop() {
        return arrival != null;
    }

    public Duration runTime() {
        return Duration.ofMillis(runTimeMillis);
    }

    /** One HTTP request: method, absolute URL, headers and a text body (empty for none). */
    public record HttpRequestTemplate(String method, String url, Map<String, String> headers, String body) {
        public HttpRequestTemplate {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
            body = body == null ? "" : body;
        }

        /** The path shown in Locust's Name column. */
        public String path() {
            return java.net.URI.create(url).getPath();
        }
    }
}
