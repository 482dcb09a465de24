package wasimoff.eval.testbed.hetzner.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token must not show up in anything the client produces besides the Authorization header. */
class TokenSecrecyTest {

    private MockHetzner hetzner;
    private HetznerClient client;
    private final List<String> logLines = new ArrayList<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            logLines.add(formatter.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void startMockApi() throws IOException {
        hetzner = new MockHetzner();
        client = hetzner.client();
        Logger logger = Logger.getLogger(HetznerClient.class.getName());
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
    }

    @AfterEach
    void stopMockApi() {
        Logger.getLogger(HetznerClient.class.getName()).removeHandler(capture);
        hetzner.close();
    }

    @Test
    void tokenIsSentAsBearerOnEveryRequestButNeverInTheUrl() throws Exception {
        hetzner.server.enqueue(Fixtures.json(200, "locations-list"));
        hetzner.server.enqueue(Fixtures.json(200, "server-types-list"));

        client.listLocations();
        client.listServerTypes();

        for (int i = 0; i < 2; i++) {
            var request = hetzner.take();
            assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockHetzner.TOKEN);
            assertThat(request.getUrl().toString()).doesNotContain(MockHetzner.TOKEN);
        }
    }

    @Test
    void tokenNeverAppearsInExceptionsOrLogs() {
        List<Throwable> failures = new ArrayList<>();
        hetzner.server.enqueue(Fixtures.json(401, Fixtures.error("unauthorized", "unable to authenticate")));
        failures.add(catchThrowable(client::listLocations));
        for (int i = 0; i < 5; i++) {
            hetzner.server.enqueue(Fixtures.json(503, Fixtures.error("unavailable", "service unavailable")));
        }
        failures.add(catchThrowable(() -> client.getServer(1)));
        hetzner.server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        failures.add(catchThrowable(() -> client.powerOn(1)));
        for (int i = 0; i < 5; i++) {
            hetzner.server.enqueue(new MockResponse.Builder().code(500).body("upstream said: no").build());
        }
        failures.add(catchThrowable(() -> client.shutdown(1)));
        ObjectNode failedAction = Fixtures.action(5, "start_server", "error");
        ((ObjectNode) failedAction.get("action")).putObject("error").put("code", "action_failed").put("message", "x");
        hetzner.server.enqueue(Fixtures.json(200, failedAction));
        Action running = Fixtures.parsedAction(5, "start_server", "running");
        failures.add(catchThrowable(() -> client.awaitAction(running, Duration.ofSeconds(5))));

        assertThat(failures).hasExactlyElementsOfTypes(HetznerApiException.class, HetznerApiException.class,
                UncheckedIOException.class, HetznerApiException.class, ActionFailedException.class);
        for (Throwable failure : failures) {
            assertThat(stackTraceOf(failure)).doesNotContain(MockHetzner.TOKEN);
        }
        assertThat(logLines).isNotEmpty();
        assertThat(String.join("\n", logLines)).doesNotContain(MockHetzner.TOKEN).doesNotContain("Bearer");
    }

    @Test
    void clientAndTokenToStringDoNotRevealTheToken() {
        assertThat(client.toString()).doesNotContain(MockHetzner.TOKEN);
        assertThat(HetznerToken.of(MockHetzner.TOKEN).toString()).doesNotContain(MockHetzner.TOKEN);
        assertThat(String.valueOf(new MissingHetznerTokenException("x"))).doesNotContain(MockHetzner.TOKEN);
    }

    private static String stackTraceOf(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
