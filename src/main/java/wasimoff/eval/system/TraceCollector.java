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
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import wasimoff.eval.workload.Tsp;

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

    public TraceCollector(String brokerUrl) {
        this.brokerUrl = brokerUrl;
    }

    /** One traced request: its events in time order and the client's own end-to-end time. */
    public record Trace(List<TraceEvent> events, long endToEndNanos) {
    }

    public Trace trace(int n, long seed) throws IOException {
        String body = String.format("{\"info\":{\"trace\":{}},\"params\":{\"binary\":{\"ref\":\"%s\"},"
                + "\"args\":[\"%s\",\"rand\",\"%d\",\"%d\"]}}", Tsp.MODULE_NAME, Tsp.MODULE_NAME, n, seed);
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
            if (Tsp.invalid(stdout).isPresent()) {
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
