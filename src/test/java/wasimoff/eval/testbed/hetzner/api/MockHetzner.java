package wasimoff.eval.testbed.hetzner.api;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;

/**
 * A MockWebServer standing in for {@code api.hetzner.cloud}, and a {@link HetznerClient} pointed at it with a
 * fixed clock and a sleeper that records waits instead of sleeping. A request for which no response was
 * enqueued gets HTTP 418 {@code unexpected_request} at once instead of hanging.
 */
final class MockHetzner implements AutoCloseable {

    static final String TOKEN = "hc-test-7f3a9c1e5b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a";
    static final Instant NOW = Instant.ofEpochSecond(1_731_000_000L);

    final MockWebServer server = new MockWebServer();
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    MockHetzner() throws IOException {
        QueueDispatcher queue = new QueueDispatcher();
        queue.setFailFast(Fixtures.json(418, Fixtures.error("unexpected_request",
                "the test enqueued no response for this request")));
        server.setDispatcher(queue);
        server.start();
    }

    /** A client with the default retry policy. */
    HetznerClient client() {
        return client(RetryPolicy.defaults());
    }

    HetznerClient client(RetryPolicy policy) {
        OkHttpClient http = new OkHttpClient.Builder()
                .retryOnConnectionFailure(false)
                .callTimeout(Duration.ofSeconds(10))
                .build();
        return HetznerClient.builder(() -> HetznerToken.of(TOKEN))
                .httpClient(http)
                .baseUrl(server.url("/v1").toString())
                .retryPolicy(policy)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .sleeper(sleeps::add)
                .actionPollInterval(Duration.ofMillis(10))
                .build();
    }

    RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("the client sent no (further) request");
        }
        return request;
    }

    @Override
    public void close() {
        server.close();
    }
}
