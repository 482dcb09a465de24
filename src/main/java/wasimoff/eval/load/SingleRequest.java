package wasimoff.eval.load;

import wasimoff.eval.workload.ResponseCheck;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends one request outside any load run and judges it with a {@link ResponseCheck}: the warm-up
 * that proves a deployed system answers correctly before its load run starts.
 */
public final class SingleRequest {
    private SingleRequest() {
    }

    /** The outcome: the failure reason (empty on success), the body and how long it took. */
    public record Outcome(Optional<String> failure, String body, Duration took) {
    }

    public static Outcome send(RunSpec.HttpRequestTemplate t, ResponseCheck check, Duration timeout) {
        OkHttpClient http = new OkHttpClient.Builder().callTimeout(timeout).readTimeout(timeout).build();
        RequestBody body = t.method().equals("GET") ? null
                : RequestBody.create(t.body(), MediaType.parse(t.headers().getOrDefault("Content-Type", "text/plain")));
        Request.Builder b = new Request.Builder().url(t.url()).method(t.method(), body);
        t.headers().forEach(b::header);
        long t0 = System.nanoTime();
        try (Response r = http.newCall(b.build()).execute()) {
            String text = r.body().string();
            return new Outcome(check.failure(r.code(), r::header, text), text,
                    Duration.ofNanos(System.nanoTime() - t0));
        } catch (IOException e) {
            return new Outcome(Optional.of("connection error: " + e), "", Duration.ofNanos(System.nanoTime() - t0));
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
