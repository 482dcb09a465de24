package wasimoff.eval.testbed.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import wasimoff.eval.scenario.Location;
import wasimoff.eval.scenario.NodeRole;
import wasimoff.eval.scenario.NodeSpec;
import wasimoff.eval.scenario.ServerType;
import wasimoff.eval.system.reference.ReferenceBroker;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.RunningService;
import wasimoff.eval.testbed.ServiceDefinition;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DockerTestbedTest {
    static final Location NBG = new Location("nbg1", "Nuremberg", "DE", "eu-central");

    @TempDir
    static Path work;
    DockerTestbed testbed;
    List<Node> nodes;

    @BeforeAll
    void provision() {
        String reason = DockerTestbed.unavailableReason();
        Assumptions.assumeTrue(reason == null, reason);
        try {
            testbed = new DockerTestbed(work, false);
        } catch (IllegalStateException e) {
            Assumptions.abort(e.getMessage());
        }
        nodes = testbed.provision(List.of(
                new NodeSpec("client", NodeRole.CLIENT, new ServerType("ccx13", 2, 8, true), NBG),
                new NodeSpec("provider-1", NodeRole.PROVIDER, new ServerType("cpx11", 1, 2, false), NBG)));
    }

    @AfterAll
    void close() throws Exception {
        if (testbed == null) {
            return;
        }
        String run = testbed.parameters().get("node image");
        testbed.close();
        // the engine outlives the testbed until the JVM ends, or another run stopped it: ask one that answers
        try (DockerEngine engine = DockerEngine.start(work)) {
            String left = DockerEngine.docker(List.of("ps", "-aq", "--filter", "label=" + NodeImage.LABEL),
                    Duration.ofSeconds(30)).strip();
            assertThat(left).as("containers left behind with the harness label").isEmpty();
        }
        if (Files.exists(work.resolve("docker-build"))) {
            try (var files = Files.list(work.resolve("docker-build"))) {
                assertThat(files.toList()).as("image build directories left behind").isEmpty();
            }
        }
        assertThat(run).startsWith("wasimoff-eval-node:");
    }

    @Test
    void eachContainerIsLimitedToItsServerTypesCpusAndSaysHowOversubscribedTheMachineIs() {
        assertThat(((ContainerNode) nodes.get(0)).cpuLimit()).isEqualTo("200000 100000");
        assertThat(((ContainerNode) nodes.get(1)).cpuLimit()).isEqualTo("100000 100000");
        assertThat(nodes.get(1).exec(List.of("nproc"), Duration.ofSeconds(20)).exitCode()).isZero();
        assertThat(((ContainerNode) nodes.get(0)).memoryLimit()).isEqualTo(Long.toString(8L * 1024 * 1024 * 1024));
        assertThat(testbed.parameters().get("cpu oversubscription"))
                .startsWith("3 vCPUs asked / " + Runtime.getRuntime().availableProcessors() + " available");
        assertThat(nodes.get(0).host()).isNotEqualTo(nodes.get(1).host()).doesNotStartWith("127.");
    }

    @Test
    void withoutBrowsersAskedForProvidersRunThePlainNodeImageWithoutChromium() {
        assertThat(testbed.parameters()).doesNotContainKey("provider node image");
        Node.CommandResult chromium = nodes.get(1).exec(List.of("sh", "-c", "command -v chromium || ls /usr/lib/chromium"),
                Duration.ofSeconds(20));
        assertThat(chromium.exitCode()).as(chromium.output()).isNotZero();
    }

    @Test
    void filesGoInAndDirectoriesComeOutOfAContainer() throws Exception {
        Node node = nodes.get(0);
        node.putFile("out/a/one.txt", "one".getBytes());
        node.putFile("out/two.csv", "x,y\n".getBytes());
        Path back = work.resolve("back");
        node.fetchDirectory("out", back);
        assertThat(back.resolve("a/one.txt")).hasContent("one");
        assertThat(back.resolve("two.csv")).hasContent("x,y");

        Path script = work.resolve("hello.sh");
        Files.writeString(script, "#!/bin/sh\necho hello from $(hostname) \"$@\"\n");
        String exe = node.putExecutable(script);
        assertThat(node.exec(List.of(exe, "a b"), Duration.ofSeconds(20)).output()).contains("hello from client a b");
    }

    @Test
    void aJavaServiceRunsInsideTheContainerAndAnswersOnItsBridgeAddress() throws Exception {
        Node provider = nodes.get(1);
        int port = provider.freePort();
        RunningService broker = provider.start(new ServiceDefinition.JavaService("reference-broker",
                ReferenceBroker.class, List.of("--listen", provider.host() + ":" + port)));
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest version = HttpRequest.newBuilder(URI.create("http://" + provider.host() + ":" + port
                + "/api/version")).timeout(Duration.ofSeconds(5)).build();
        Awaitility.await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                .until(() -> http.send(version, HttpResponse.BodyHandlers.ofString()).body(),
                        body -> body.contains("reference-broker"));
        assertThat(broker.isAlive()).isTrue();

        broker.close();

        assertThat(broker.isAlive()).isFalse();
        assertThat(broker.exitCode()).isPresent();
    }
}
