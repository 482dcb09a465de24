package wasimoff.eval.system;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The parts of Wasimoff's broker HTTP API that deployment needs (health, version, upload), shared
 * by the reference broker and the real Wasimoff broker since both speak it.
 */
public final class BrokerApi {
    private static final OkHttpClient HTTP = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(30)).build();

    private final String baseUrl;

    public BrokerApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Waits until {@code /healthz} answers 200, failing early when {@code dead} says the broker exited. */
    public void awaitHealthy(Duration timeout, Supplier<String> deadReason) {
        try {
            Awaitility.await("broker at " + baseUrl + " healthy")
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(100))
                    .failFast(() -> deadReason.get() != null)
                    .ignoreExceptions()
                    .until(() -> get("/healthz").startsWith("OK"));
        } catch (ConditionTimeoutException e) {
            throw new SystemFailure("broker at " + baseUrl + " did not become healthy within " + timeout, e);
        }
    }

    public String get(String path) throws IOException {
        try (Response r = HTTP.newCall(new Request.Builder().url(baseUrl + path).build()).execute()) {
            String body = r.body().string();
            if (!r.isSuccessful()) {
                throw new IOException("GET " + path + ": HTTP " + r.code() + " " + body.strip());
            }
            return body;
        }
    }

    /** Uploads a file under {@code name}; returns the broker's {@code sha256:} ref. */
    public String upload(String name, byte[] content) {
        Request request = new Request.Builder().url(baseUrl + "/api/storage/upload?name=" + name)
                .post(RequestBody.create(content, MediaType.parse("application/wasm"))).build();
        try (Response r = HTTP.newCall(request).execute()) {
            String body = r.body().string().strip();
            if (!r.isSuccessful()) {
                throw new SystemFailure("upload of " + name + " failed: HTTP " + r.code() + " " + body);
            }
            return body;
        } catch (IOException e) {
            throw new SystemFailure("upload of " + name + " to " + baseUrl + " failed: " + e.getMessage(), e);
        }
    }
}
