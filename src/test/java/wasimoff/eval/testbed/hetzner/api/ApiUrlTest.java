package wasimoff.eval.testbed.hetzner.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The token travels only over https, or over plain http to a loopback address where test doubles listen. */
class ApiUrlTest {
    private final AtomicInteger tokenAsked = new AtomicInteger();
    private final AtomicInteger requestsSent = new AtomicInteger();
    // an interceptor runs before any name lookup or connection, so a refused URL cannot reach the network
    private final OkHttpClient recording = new OkHttpClient.Builder().addInterceptor(chain -> {
        requestsSent.incrementAndGet();
        throw new java.io.IOException("no request may leave this test");
    }).build();

    private HetznerClient.Builder builder(String url) {
        return HetznerClient.builder(() -> {
            tokenAsked.incrementAndGet();
            return HetznerToken.of(MockHetzner.TOKEN);
        }).httpClient(recording).baseUrl(url);
    }

    @Test
    void httpsIsAcceptedForAnyHost() {
        builder(HetznerClient.DEFAULT_BASE_URL).build();
        builder("https://hetzner-proxy.example.com:8443/v1").build();
        assertThat(tokenAsked).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/v1", "http://127.42.7.9/v1", "http://[::1]:9000/v1",
            "http://localhost:1234/v1", "http://LOCALHOST/v1"})
    void plainHttpIsAcceptedToLoopbackAddresses(String url) {
        builder(url).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.hetzner.cloud/v1", "http://10.0.0.1/v1", "http://128.0.0.1/v1",
            "http://127.0.0.1.nip.io/v1", "http://localhost.example.com/v1", "http://[2001:db8::1]/v1",
            "http://0.0.0.0/v1"})
    void plainHttpToAnyOtherHostIsRefusedBeforeAnyRequest(String url) {
        assertThatThrownBy(() -> builder(url).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(url)
                .hasMessageContaining("not a loopback address")
                .hasMessageContaining("Use https");
        assertThat(tokenAsked).hasValue(0);
        assertThat(requestsSent).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://api.hetzner.cloud/v1", "api.hetzner.cloud/v1", ""})
    void somethingThatIsNoHttpUrlIsRefused(String url) {
        assertThatThrownBy(() -> builder(url).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an http or https URL");
    }
}
