package wasimoff.eval.testbed.hetzner.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

class RetryAndRateLimitTest extends MockHetznerTest {

    @Test
    void rateLimitedRequestWaitsUntilRateLimitResetThenSucceeds() throws Exception {
        long reset = MockHetzner.NOW.getEpochSecond() + 7;
        hetzner.server.enqueue(new MockResponse.Builder().code(429)
                .addHeader("RateLimit-Limit", "3600")
                .addHeader("RateLimit-Remaining", "0")
                .addHeader("RateLimit-Reset", Long.toString(reset))
                .body(Fixtures.error("rate_limit_exceeded", "limit of 3600 requests per hour reached").toString())
                .build());
        hetzner.server.enqueue(Fixtures.json(200, "locations-list"));

        assertThat(client.listLocations()).extracting(Location::name).containsExactly("fsn1");

        assertThat(hetzner.sleeps).containsExactly(Duration.ofSeconds(7));
        assertThat(hetzner.server.getRequestCount()).isEqualTo(2);
        assertThat(hetzner.take().getUrl().encodedPath()).isEqualTo("/v1/locations");
        assertThat(hetzner.take().getUrl().encodedPath()).isEqualTo("/v1/locations");
    }

    @Test
    void rateLimitWaitIsBoundedByThePolicy() {
        long resetInAnHour = MockHetzner.NOW.getEpochSecond() + 3600;
        hetzner.server.enqueue(new MockResponse.Builder().code(429)
                .addHeader("RateLimit-Reset", Long.toString(resetInAnHour))
                .body(Fixtures.error("rate_limit_exceeded", "limit reached").toString()).build());
        hetzner.server.enqueue(Fixtures.json(200, "locations-list"));

        client.listLocations();

        assertThat(hetzner.sleeps).containsExactly(RetryPolicy.defaults().maxRateLimitWait());
    }

    @Test
    void rateLimitHeadersOfTheLastResponseAreExposed() {
        hetzner.server.enqueue(Fixtures.json(200, "locations-list"));

        client.listLocations();

        assertThat(client.rateLimit())
                .isEqualTo(new RateLimit(3600, 3599, Instant.ofEpochSecond(1_731_000_000L)));
    }

    @Test
    void serviceUnavailableIsRetriedWithBackoffThenSucceeds() {
        hetzner.server.enqueue(Fixtures.json(503, Fixtures.error("unavailable", "service unavailable")));
        hetzner.server.enqueue(Fixtures.json(200, "server-get"));

        assertThat(client.getServer(42).id()).isEqualTo(42);
        assertThat(hetzner.sleeps).containsExactly(Duration.ofSeconds(1));
        assertThat(hetzner.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void retriesExhaustedThrowTheLastErrorAfterMaxAttemptsWithDoublingBackoff() {
        for (int i = 0; i < 5; i++) {
            hetzner.server.enqueue(Fixtures.json(503, Fixtures.error("unavailable", "service unavailable")));
        }

        assertThatThrownBy(() -> client.getServer(42))
                .isInstanceOfSatisfying(HetznerApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.code()).isEqualTo("unavailable");
                })
                .hasMessageContaining("after 5 attempts");
        assertThat(hetzner.server.getRequestCount()).isEqualTo(5);
        assertThat(hetzner.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    void maxAttemptsIsConfigurable() {
        client = hetzner.client(RetryPolicy.defaults().withMaxAttempts(2));
        for (int i = 0; i < 2; i++) {
            hetzner.server.enqueue(Fixtures.json(502, Fixtures.error("bad_gateway", "bad gateway")));
        }

        assertThatThrownBy(() -> client.getServer(42)).isInstanceOf(HetznerApiException.class);
        assertThat(hetzner.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void conflictIsRetriedButValidationErrorsAreNot() {
        hetzner.server.enqueue(Fixtures.json(409, Fixtures.error("conflict", "resource changed during request")));
        hetzner.server.enqueue(Fixtures.json(201, "server-poweroff"));
        hetzner.server.enqueue(Fixtures.json(422, Fixtures.error("invalid_input", "invalid input in field 'image'")));

        assertThat(client.powerOff(42).command()).isEqualTo("stop_server");
        assertThatThrownBy(() -> client.rebuildServer(42, "no-such-image")).isInstanceOf(HetznerApiException.class);
        assertThat(hetzner.server.getRequestCount()).isEqualTo(3);
        assertThat(hetzner.sleeps).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void networkErrorOnGetIsRetried() {
        hetzner.server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        hetzner.server.enqueue(Fixtures.json(200, "server-get"));

        assertThat(client.getServer(42).id()).isEqualTo(42);
        assertThat(hetzner.sleeps).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void networkErrorOnPostIsNotRetriedBecauseTheServerMayExist() {
        hetzner.server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        hetzner.server.enqueue(Fixtures.json(201, "server-create"));

        assertThatThrownBy(() -> client.createServer(CreateServerRequest.builder("w-1", "ccx13", "debian-12").build()))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("POST /v1/servers");
        assertThat(hetzner.server.getRequestCount()).isEqualTo(1);
        assertThat(hetzner.sleeps).isEmpty();
    }
}
