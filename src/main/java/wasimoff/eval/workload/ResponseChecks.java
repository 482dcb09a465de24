package wasimoff.eval.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The response checks a {@code RunSpec} can name: what counts as a successful TSP request for each
 * system's API and workload. A response succeeds only if it is 2xx and carries a valid output of the
 * workload's TSP program.
 */
public final class ResponseChecks {
    /** Wasimoff's (and the reference broker's) {@code POST /api/client/run/{wasm}}. */
    public static final String WASIMOFF_RUN = "wasimoff-run";
    /** Serverledge's {@code POST /invoke/{function}} with a synchronous request. */
    public static final String SERVERLEDGE_INVOKE = "serverledge-invoke";
    /** Any 2xx response; for baselines against no-op endpoints. */
    public static final String HTTP_2XX = "http-2xx";

    private static final String SEED = ":" + Workload.SEED_TSP;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, ResponseCheck> CHECKS = new TreeMap<>(Map.of(
            WASIMOFF_RUN, (status, headers, body) -> wasimoffRun(status, headers, body, Tsp::invalid),
            SERVERLEDGE_INVOKE, (status, headers, body) -> serverledgeInvoke(status, body, Tsp::invalid),
            WASIMOFF_RUN + SEED, (status, headers, body) -> wasimoffRun(status, headers, body, SeedTspOutput::invalid),
            SERVERLEDGE_INVOKE + SEED, (status, headers, body) -> serverledgeInvoke(status, body,
                    SeedTspOutput::invalid),
            HTTP_2XX, (status, headers, body) -> ResponseCheck.isSuccessful(status) ? Optional.empty()
                    : Optional.of("HTTP " + status)));

    private ResponseChecks() {
    }

    /**
     * The check of {@code api} ({@link #WASIMOFF_RUN} or {@link #SERVERLEDGE_INVOKE}) for a workload's
     * output: the API's own name for own-tsp, {@code <api>:seed-tsp} for the seed's program.
     */
    public static String forWorkload(String api, String workloadKind) {
        if (!api.equals(WASIMOFF_RUN) && !api.equals(SERVERLEDGE_INVOKE)) {
            throw new IllegalArgumentException("no TSP check for API '" + api + "'");
        }
        return switch (workloadKind) {
            case Workload.OWN_TSP -> api;
            case Workload.SEED_TSP -> api + SEED;
            default -> throw new IllegalArgumentException("unknown workload '" + workloadKind + "'");
        };
    }

    /** The check named {@code name}; names are those of {@link #forWorkload} and {@link #HTTP_2XX}. */
    public static ResponseCheck named(String name) {
        ResponseCheck c = CHECKS.get(name);
        if (c == null) {
            throw new IllegalArgumentException("unknown response check '" + name + "'; valid: " + CHECKS.keySet());
        }
        return c;
    }

    private static Optional<String> wasimoffRun(int status, ResponseCheck.Headers headers, String body,
                                                Function<String, Optional<String>> output) {
        if (!ResponseCheck.isSuccessful(status)) {
            return Optional.of("HTTP " + status + firstLine(body));
        }
        String result = headers.get("X-Wasimoff-Result");
        if (!"Ok".equals(result)) {
            return Optional.of("task error" + firstLine(body));
        }
        String exit = headers.get("X-Wasimoff-Status");
        if (!"0".equals(exit)) {
            return Optional.of("exit status " + exit);
        }
        return output.apply(body);
    }

    private static Optional<String> serverledgeInvoke(int status, String body, Function<String, Optional<String>> output) {
        if (status == 429) {
            return Optional.of("HTTP 429 (node has no free resources)");
        }
        if (!ResponseCheck.isSuccessful(status)) {
            return Optional.of("HTTP " + status + firstLine(body));
        }
        try {
            JsonNode json = JSON.readTree(body);
            if (!json.path("Success").asBoolean(false)) {
                return Optional.of("Success is not true");
            }
            return output.apply(json.path("Result").asText(""));
        } catch (IOException e) {
            return Optional.of("response is not JSON");
        }
    }

    private static String firstLine(String body) {
        String line = body.strip().lines().findFirst().orElse("");
        if (line.isEmpty()) {
            return "";
        }
        return ": " + (line.length() > 80 ? line.substring(0, 80) : line);
    }
}
