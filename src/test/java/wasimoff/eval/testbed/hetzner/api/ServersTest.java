package wasimoff.eval.testbed.hetzner.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class ServersTest extends MockHetznerTest {

    @Test
    void createServerPostsNameTypeImageLocationLabelsUserDataKeysAndFirewalls() throws Exception {
        hetzner.server.enqueue(Fixtures.json(201, "server-create"));
        String userData = "#cloud-config\nruncmd:\n- [touch, /root/cloud-init-worked]\n";

        CreatedServer created = client.createServer(CreateServerRequest.builder("my-server", "cpx22", "ubuntu-24.04")
                .location("fsn1")
                .labels(Map.of("run", "r1", "scenario", "optimal"))
                .userData(userData)
                .sshKeyIds(List.of(4711L))
                .firewallIds(List.of(38L))
                .build());

        RecordedRequest request = hetzner.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/servers");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockHetzner.TOKEN);
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        JsonNode body = Fixtures.MAPPER.readTree(request.getBody().utf8());
        assertThat(body).isEqualTo(Fixtures.MAPPER.readTree("""
                {"name":"my-server","server_type":"cpx22","image":"ubuntu-24.04","location":"fsn1",
                 "labels":{"run":"r1","scenario":"optimal"},
                 "user_data":"#cloud-config\\nruncmd:\\n- [touch, /root/cloud-init-worked]\\n",
                 "ssh_keys":[4711],"firewalls":[{"firewall":38}]}"""));

        assertThat(created.server().id()).isEqualTo(42);
        assertThat(created.server().status()).isEqualTo("initializing");
        assertThat(created.server().ipv4Address()).contains("1.2.3.4");
        assertThat(created.server().location().name()).isEqualTo("fsn1");
        assertThat(created.action().command()).isEqualTo("create_server");
        assertThat(created.action().isRunning()).isTrue();
        assertThat(created.allActions()).extracting(Action::command).containsExactly("create_server", "start_server");
        assertThat(created.rootPassword()).isEqualTo("YItygq1v3GYjjMomLaKc");
        assertThat(created.toString()).doesNotContain("YItygq1v3GYjjMomLaKc");
    }

    @Test
    void createServerRequestHidesUserDataInToString() {
        CreateServerRequest request = CreateServerRequest.builder("w-1", "ccx13", "debian-12")
                .userData("#cloud-config\nssh_keys:\n  ed25519_private: SECRET-HOST-KEY\n").build();

        assertThat(request.toString()).doesNotContain("SECRET-HOST-KEY").contains("w-1");
    }

    @Test
    void createServerRequestRejectsUserDataAbove32KiB() {
        String tooLarge = "x".repeat(CreateServerRequest.MAX_USER_DATA_BYTES + 1);

        assertThatThrownBy(() -> CreateServerRequest.builder("w-1", "ccx13", "debian-12").userData(tooLarge).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32768");
    }

    @Test
    void listServersByLabelSelectorFollowsNextPageUntilNull() throws Exception {
        hetzner.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String page = request.getUrl().queryParameter("page");
                return "2".equals(page) ? Fixtures.json(200, serversPage(2, null, 44, "w-2"))
                        : Fixtures.json(200, serversPage(1, 2L, 43, "w-1"));
            }
        });

        List<Server> servers = client.listServers("run=r1,scenario=optimal");

        assertThat(servers).extracting(Server::id).containsExactly(43L, 44L);
        assertThat(servers).extracting(Server::name).containsExactly("w-1", "w-2");
        RecordedRequest first = hetzner.take();
        RecordedRequest second = hetzner.take();
        assertThat(first.getMethod()).isEqualTo("GET");
        assertThat(first.getUrl().encodedPath()).isEqualTo("/v1/servers");
        assertThat(first.getUrl().queryParameter("label_selector")).isEqualTo("run=r1,scenario=optimal");
        assertThat(first.getUrl().encodedQuery()).contains("label_selector=run%3Dr1%2Cscenario%3Doptimal");
        assertThat(first.getUrl().queryParameter("page")).isEqualTo("1");
        assertThat(second.getUrl().queryParameter("page")).isEqualTo("2");
        assertThat(second.getUrl().queryParameter("label_selector")).isEqualTo("run=r1,scenario=optimal");
        assertThat(second.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockHetzner.TOKEN);
        assertThat(hetzner.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void listServersRefusesAPaginationThatDoesNotAdvance() {
        hetzner.server.enqueue(Fixtures.json(200, serversPage(1, 1L, 43, "w-1")));

        assertThatThrownBy(() -> client.listServers("run=r1")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("next_page 1");
    }

    @Test
    void getServerReadsTheServerObject() throws Exception {
        hetzner.server.enqueue(Fixtures.json(200, "server-get"));

        Server server = client.getServer(42);

        assertThat(hetzner.take().getUrl().encodedPath()).isEqualTo("/v1/servers/42");
        assertThat(server.isRunning()).isTrue();
        assertThat(server.serverType().name()).isEqualTo("cpx22");
        assertThat(server.labels()).containsEntry("environment", "prod");
        assertThat(server.publicNet().ipv6().ip()).isEqualTo("2001:db8::/64");
    }

    @Test
    void deleteServerReturnsItsDeleteAction() throws Exception {
        ObjectNode reply = Fixtures.tree("server-delete");
        ((ObjectNode) reply.get("action")).put("command", "delete_server");
        hetzner.server.enqueue(Fixtures.json(200, reply));

        Action action = client.deleteServer(42).orElseThrow();

        RecordedRequest request = hetzner.take();
        assertThat(request.getMethod()).isEqualTo("DELETE");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/servers/42");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockHetzner.TOKEN);
        assertThat(action.command()).isEqualTo("delete_server");
    }

    @Test
    void deleteServerThatIsAlreadyGoneCountsAsSuccess() {
        hetzner.server.enqueue(Fixtures.json(404, Fixtures.error("not_found", "server with ID '42' not found")));

        assertThat(client.deleteServer(42)).isEmpty();
        assertThat(hetzner.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void deleteServerAnsweredByABare404IsAnErrorNotSilentSuccess() {
        hetzner.server.enqueue(new MockResponse.Builder().code(404).body("404 page not found").build());

        assertThatThrownBy(() -> client.deleteServer(42))
                .isInstanceOfSatisfying(HetznerApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.code()).isNull();
                });
    }

    @Test
    void rebuildServerPostsTheImageToTheRebuildAction() throws Exception {
        hetzner.server.enqueue(Fixtures.json(201, "server-rebuild"));

        Action action = client.rebuildServer(42, "debian-12");

        RecordedRequest request = hetzner.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/servers/42/actions/rebuild");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockHetzner.TOKEN);
        assertThat(Fixtures.MAPPER.readTree(request.getBody().utf8()))
                .isEqualTo(Fixtures.MAPPER.readTree("{\"image\":\"debian-12\"}"));
        assertThat(action.command()).isEqualTo("rebuild_server");
        assertThat(action.isRunning()).isTrue();
    }

    @Test
    void rebuildServerWithUserDataSendsIt() throws Exception {
        hetzner.server.enqueue(Fixtures.json(201, "server-rebuild"));

        client.rebuildServer(42, "debian-12", "#cloud-config\n");

        assertThat(Fixtures.MAPPER.readTree(hetzner.take().getBody().utf8()).path("user_data").asText())
                .isEqualTo("#cloud-config\n");
    }

    @Test
    void powerOffPostsToThePoweroffActionWithoutBody() throws Exception {
        hetzner.server.enqueue(Fixtures.json(201, "server-poweroff"));

        Action action = client.powerOff(42);

        RecordedRequest request = hetzner.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/servers/42/actions/poweroff");
        assertThat(request.getBodySize()).isZero();
        assertThat(action.command()).isEqualTo("stop_server");
    }

    private static ObjectNode serversPage(long page, Long nextPage, long id, String name) {
        ObjectNode reply = Fixtures.tree("servers-list");
        ObjectNode server = (ObjectNode) reply.get("servers").get(0);
        server.put("id", id);
        server.put("name", name);
        server.putObject("labels").put("run", "r1").put("scenario", "optimal");
        ObjectNode pagination = (ObjectNode) reply.get("meta").get("pagination");
        pagination.put("page", page);
        pagination.put("per_page", 1);
        pagination.put("last_page", 2);
        pagination.put("total_entries", 2);
        if (page > 1) {
            pagination.put("previous_page", page - 1);
        } else {
            pagination.putNull("previous_page");
        }
        if (nextPage == null) {
            pagination.putNull("next_page");
        } else {
            pagination.put("next_page", nextPage);
        }
        return reply;
    }
}
