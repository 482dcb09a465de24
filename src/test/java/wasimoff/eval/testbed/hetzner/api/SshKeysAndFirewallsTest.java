package wasimoff.eval.testbed.hetzner.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class SshKeysAndFirewallsTest extends MockHetznerTest {

    @Test
    void createSshKeyPostsNamePublicKeyAndLabels() throws Exception {
        hetzner.server.enqueue(Fixtures.json(201, "ssh-key-create"));

        SshKey key = client.createSshKey("my-resource", "ssh-rsa AAAjjk76kgf...Xt", Map.of("run", "r1"));

        RecordedRequest request = hetzner.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/ssh_keys");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockHetzner.TOKEN);
        assertThat(Fixtures.MAPPER.readTree(request.getBody().utf8())).isEqualTo(Fixtures.MAPPER.readTree(
                "{\"name\":\"my-resource\",\"public_key\":\"ssh-rsa AAAjjk76kgf...Xt\",\"labels\":{\"run\":\"r1\"}}"));
        assertThat(key.id()).isEqualTo(42);
        assertThat(key.fingerprint()).isEqualTo("b7:2f:30:a0:2f:6c:58:6c:21:04:58:61:ba:06:3b:2f");
    }

    @Test
    void listSshKeysSendsTheLabelSelector() throws Exception {
        hetzner.server.enqueue(Fixtures.json(200, "ssh-keys-list"));

        assertThat(client.listSshKeys("run=r1")).extracting(SshKey::name).containsExactly("my-resource");
        assertThat(hetzner.take().getUrl().queryParameter("label_selector")).isEqualTo("run=r1");
    }

    @Test
    void deleteSshKeyAnswers204AndTreats404AsAlreadyGone() throws Exception {
        hetzner.server.enqueue(Fixtures.noContent());
        hetzner.server.enqueue(Fixtures.json(404, Fixtures.error("not_found", "ssh key not found")));

        assertThat(client.deleteSshKey(42)).isTrue();
        assertThat(client.deleteSshKey(42)).isFalse();
        RecordedRequest request = hetzner.take();
        assertThat(request.getMethod()).isEqualTo("DELETE");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/ssh_keys/42");
    }

    @Test
    void createFirewallPostsRulesLabelsAndTargets() throws Exception {
        hetzner.server.enqueue(Fixtures.json(201, "firewall-create"));

        CreatedFirewall created = client.createFirewall(new CreateFirewallRequest("new-name", Map.of("run", "r1"),
                List.of(FirewallRule.inbound("tcp", "80", List.of("192.0.2.2/32", "192.0.2.0/24"))
                        .withDescription("http")),
                List.of(FirewallResource.server(42), FirewallResource.labelSelector("run=r1"))));

        RecordedRequest request = hetzner.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/firewalls");
        assertThat(Fixtures.MAPPER.readTree(request.getBody().utf8())).isEqualTo(Fixtures.MAPPER.readTree("""
                {"name":"new-name","labels":{"run":"r1"},
                 "rules":[{"direction":"in","protocol":"tcp","port":"80",
                           "source_ips":["192.0.2.2/32","192.0.2.0/24"],"description":"http"}],
                 "apply_to":[{"type":"server","server":{"id":42}},
                             {"type":"label_selector","label_selector":{"selector":"run=r1"}}]}"""));
        assertThat(created.firewall().id()).isEqualTo(42);
        assertThat(created.firewall().rules()).singleElement().satisfies(rule -> {
            assertThat(rule.port()).isEqualTo("80");
            assertThat(rule.sourceIps()).contains("192.0.2.0/24");
        });
        assertThat(created.firewall().appliedTo().get(0).appliedToResources()).singleElement()
                .satisfies(target -> assertThat(target.server().id()).isEqualTo(42));
        assertThat(created.actions()).extracting(Action::command)
                .containsExactly("set_firewall_rules", "apply_firewall");
    }

    @Test
    void applyFirewallPostsTheResourcesAndReturnsTheActions() throws Exception {
        hetzner.server.enqueue(Fixtures.json(201, "firewall-apply"));

        List<Action> actions = client.applyFirewall(38, List.of(FirewallResource.server(42)));

        RecordedRequest request = hetzner.take();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/firewalls/38/actions/apply_to_resources");
        assertThat(Fixtures.MAPPER.readTree(request.getBody().utf8())).isEqualTo(
                Fixtures.MAPPER.readTree("{\"apply_to\":[{\"type\":\"server\",\"server\":{\"id\":42}}]}"));
        assertThat(actions).extracting(Action::command).containsExactly("apply_firewall");
    }

    @Test
    void listFirewallsByLabelSelectorAndDeleteThem() throws Exception {
        hetzner.server.enqueue(Fixtures.json(200, "firewalls-list"));
        hetzner.server.enqueue(Fixtures.noContent());

        List<Firewall> firewalls = client.listFirewalls("run=r1");
        boolean deleted = client.deleteFirewall(firewalls.get(0).id());

        assertThat(firewalls).extracting(Firewall::name).containsExactly("new-name");
        assertThat(deleted).isTrue();
        assertThat(hetzner.take().getUrl().queryParameter("label_selector")).isEqualTo("run=r1");
        RecordedRequest delete = hetzner.take();
        assertThat(delete.getMethod()).isEqualTo("DELETE");
        assertThat(delete.getUrl().encodedPath()).isEqualTo("/v1/firewalls/42");
    }
}
