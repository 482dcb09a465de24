package wasimoff.eval.testbed.hetzner.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class ActionPollingTest extends MockHetznerTest {

    @Test
    void awaitActionPollsWhileRunningAndReturnsTheSucceededAction() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        hetzner.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (!"/v1/actions/13".equals(request.getUrl().encodedPath())) {
                    return Fixtures.json(404, Fixtures.error("not_found", "no such route"));
                }
                String status = polls.incrementAndGet() < 3 ? "running" : "success";
                return Fixtures.json(200, Fixtures.action(13, "create_server", status));
            }
        });
        Action running = Fixtures.parsedAction(13, "create_server", "running");

        Action done = client.awaitAction(running, Duration.ofSeconds(5));

        assertThat(done.isSuccess()).isTrue();
        assertThat(done.progress()).isEqualTo(100);
        assertThat(polls).hasValue(3);
        RecordedRequest poll = hetzner.take();
        assertThat(poll.getMethod()).isEqualTo("GET");
        assertThat(poll.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockHetzner.TOKEN);
    }

    @Test
    void awaitActionFailsWithTheActionsErrorCodeAndMessage() {
        ObjectNode failed = Fixtures.action(13, "create_server", "error");
        ((ObjectNode) failed.get("action")).putObject("error")
                .put("code", "action_failed").put("message", "Action failed");
        hetzner.server.enqueue(Fixtures.json(200, failed));

        assertThatThrownBy(() -> client.awaitAction(running(13), Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(ActionFailedException.class, e -> {
                    assertThat(e.code()).isEqualTo("action_failed");
                    assertThat(e.errorMessage()).isEqualTo("Action failed");
                    assertThat(e.action().id()).isEqualTo(13);
                })
                .hasMessageContaining("action_failed").hasMessageContaining("Action failed");
    }

    @Test
    void awaitActionTimesOutWhenTheActionKeepsRunning() {
        hetzner.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return Fixtures.json(200, Fixtures.action(13, "create_server", "running"));
            }
        });

        assertThatThrownBy(() -> client.awaitAction(running(13), Duration.ofMillis(300)))
                .isInstanceOfSatisfying(ActionTimeoutException.class,
                        e -> assertThat(e.lastSeen().isRunning()).isTrue())
                .hasMessageContaining("13").hasMessageContaining("PT0.3S");
    }

    @Test
    void awaitActionOfAFinishedActionSendsNoRequest() {
        Action finished = Fixtures.parsedAction(13, "create_server", "success");

        assertThat(client.awaitAction(finished, Duration.ofSeconds(1))).isSameAs(finished);
        assertThat(hetzner.server.getRequestCount()).isZero();
    }

    @Test
    void awaitActionPropagatesApiErrorsWhilePolling() {
        hetzner.server.enqueue(Fixtures.json(404, Fixtures.error("not_found", "action not found")));

        assertThatThrownBy(() -> client.awaitAction(running(99), Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(HetznerApiException.class, e -> assertThat(e.isNotFound()).isTrue());
    }

    @Test
    void awaitActionsWaitsForCreateAndStartOfANewServer() {
        hetzner.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                long id = Long.parseLong(request.getUrl().pathSegments().get(2));
                return Fixtures.json(200, Fixtures.action(id, id == 1 ? "create_server" : "start_server", "success"));
            }
        });

        List<Action> done = client.awaitActions(List.of(running(1), running(13)), Duration.ofSeconds(5));

        assertThat(done).extracting(Action::command).containsExactly("create_server", "start_server");
        assertThat(done).allMatch(Action::isSuccess);
    }

    private static Action running(long id) {
        return Fixtures.parsedAction(id, "create_server", "running");
    }
}
