package wasimoff.eval.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import wasimoff.eval.workload.Tsp;
import wasimoff.eval.workload.Workload;

/**
 * Sends one TSP request with tracing through Wasimoff's ConnectRPC {@code RunWasip1} (JSON), which the
 * real Wasimoff broker and the reference broker both answer, and returns the task's trace: the
 * broker's and provider's events from {@code info.trace.events} plus the client's own
 * {@code ClientTransmitRequest} and {@code ClientReceivedResponse}, in time order.
 */
public final class TraceCollector implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(60)).build();
    private final String brokerUrl;
    private final Workload workload;

    /** Traces requests to the broker at {@code brokerUrl} running {@code workload}'s module. */
    public TraceCollector(String brokerUrl, Workload workload) {
        this.brokerUrl = brokerUrl;
        this.workload = workload;
    }

    /** One traced request: its events in time order and the client's own end-to-end time. */
    public record Trace(List<TraceEvent> events, long endToEndNanos) {
    }

    /** Traces one request of size {@code n} with the workload's arguments ({@code seed}: our program's only). */
    public Trace trace(int n, long seed) throws IOException {
        List<String> args = new ArrayList<>(List.of(Tsp.MODULE_NAME));
        args.addAll(workload.kind().equals(Workload.OWN_TSP) ? List.of("rand", Integer.toString(n), Long.toString(seed))
                : workload.args(n));
        String body = JSON.writeValueAsString(Map.of("info", Map.of("trace", Map.of()), "params",
                Map.of("binary", Map.of("ref", Tsp.MODULE_NAME), "args", args)));
        Request r = new Request.Builder().url(brokerUrl + "/api/client/wasimoff.v1.Tasks/RunWasip1")
                .header("Connect-Protocol-Version", "1")
                .post(RequestBody.create(body, MediaType.parse("application/json"))).build();
        List<TraceEvent> events = new ArrayList<>();
        events.add(TraceEvent.now("ClientTransmitRequest"));
        long t0 = System.nanoTime();
        JsonNode json;
        try (Response response = http.newCall(r).execute()) {
            String text = response.body().string();
            long e2e = System.nanoTime() - t0;
            events.add(TraceEvent.now("ClientReceivedResponse"));
            if (!response.isSuccessful()) {
                throw new IOException("RunWasip1 answered HTTP " + response.code() + ": " + text);
            }
            json = JSON.readTree(text);
            String stdout = new String(Base64.getDecoder().decode(json.path("ok").path("stdout").asText("")),
                    StandardCharsets.UTF_8);
            if (workload.invalid(stdout).isPresent()) {
                throw new IOException("traced request gave no TSP result: " + text);
            }
            for (JsonNode e : json.path("info").path("trace").path("events")) {
                events.add(new TraceEvent(e.path("event").asText(), Long.parseLong(e.path("unixnano").asText())));
            }
            events.sort(Comparator.comparingLong(TraceEvent::unixnano));
            return new Trace(events, e2e);
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
