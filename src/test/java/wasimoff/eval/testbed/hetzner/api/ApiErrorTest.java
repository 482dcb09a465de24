package wasimoff.eval.testbed.hetzner.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

class ApiErrorTest extends MockHetznerTest {

    @Test
    void errorEnvelopeBecomesHetznerApiExceptionWithStatusCodeMessageAndDetails() {
        ObjectNode body = Fixtures.error("uniqueness_error", "SSH key with the same fingerprint already exists");
        ((ObjectNode) body.get("error")).putObject("details").putArray("fields").addObject().put("name", "public_key");
        hetzner.server.enqueue(new MockResponse.Builder().code(409)
                .addHeader("X-Correlation-Id", "a1b2c3d4e5f6")
                .body(body.toString()).build());

        assertThatThrownBy(() -> client.createSshKey("k", "ssh-ed25519 AAAA test", Map.of()))
                .isInstanceOfSatisfying(HetznerApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("uniqueness_error");
                    assertThat(e.errorMessage()).isEqualTo("SSH key with the same fingerprint already exists");
                    assertThat(e.details().at("/fields/0/name").asText()).isEqualTo("public_key");
                    assertThat(e.correlationId()).isEqualTo("a1b2c3d4e5f6");
                    assertThat(e.isNotFound()).isFalse();
                })
                .hasMessage("Hetzner API POST /v1/ssh_keys failed: HTTP 409 uniqueness_error: SSH key with the same"
                        + " fingerprint already exists (correlation id a1b2c3d4e5f6)");
        assertThat(hetzner.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void unauthorizedIsNotRetried() {
        hetzner.server.enqueue(Fixtures.json(401, Fixtures.error("unauthorized", "unable to authenticate")));

        assertThatThrownBy(() -> client.listServers(null))
                .isInstanceOfSatisfying(HetznerApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.code()).isEqualTo("unauthorized");
                });
        assertThat(hetzner.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void nonJsonErrorBodyKeepsStatusAndAnExcerpt() {
        hetzner.server.enqueue(new MockResponse.Builder().code(403).body("<html>forbidden</html>").build());

        assertThatThrownBy(() -> client.listLocations())
                .isInstanceOfSatisfying(HetznerApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.code()).isNull();
                    assertThat(e.errorMessage()).isEqualTo("<html>forbidden</html>");
                });
    }
}
