package wasimoff.eval.system.serverledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wasimoff.eval.load.LoadRunner;
import wasimoff.eval.load.RunSpec;
import wasimoff.eval.load.RunSummary;
import wasimoff.eval.install.InstalledBinaries;
import wasimoff.eval.system.InstalledForTests;
import wasimoff.eval.system.TwoProviderFleet;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.workload.ResponseChecks;
import wasimoff.eval.workload.Tsp;

/**
 * The real Serverledge (etcd, two nodes, the load balancer, our TSP custom image) on the embedded
 * testbed; skipped with the reason when its binaries, network namespaces or the Docker engine are
 * not available.
 */
class ServerledgeSystemTest {
    @TempDir
    Path work;
    private TwoProviderFleet fleet;
    private ServerledgeSystem system;
    private List<Node> providers;
    private Node client;

    @BeforeAll
    static void available() {
        InstalledForTests.require("serverledge", "embedded");
    }

    @BeforeEach
    void deploy() {
        fleet = new TwoProviderFleet(work);
        client = fleet.client;
        providers = fleet.providers;
        system = fleet.deploy(new ServerledgeSystem(InstalledBinaries.fromEnvironment(), 0));
    }

    @AfterEach
    void tearDown() throws Exception {
        system.close();
        fleet.close();
        assertThat(fleet.testbed.runningServices()).isEmpty();
        ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains(work.toString()) || c.contains("serverledge-lb") || c.contains("etcd-data"))
                .forEach(c -> assertThat(c).as("process left behind").isEmpty());
    }

    @Test
    void invocationsReturnATspDistance() throws Exception {
        OkHttpClient http = new OkHttpClient();
        RunSpec.HttpRequestTemplate t = system.request(8);
        for (int i = 0; i < 4; i++) {
            Request r = new Request.Builder().url(t.url())
                    .post(RequestBody.create(t.body(), MediaType.parse("application/json"))).build();
            try (Response response = http.newCall(r).execute()) {
                String body = response.body().string();
                assertThat(response.code()).as(body).isEqualTo(200);
                assertThat(body).contains("\"Success\":true");
                assertThat(ResponseChecks.named(ResponseChecks.SERVERLEDGE_INVOKE).failure(response.code(), response::header, body)).isEmpty();
            }
        }
        assertThat(system.parameters()).containsKeys("serverledge version", "etcd version", "function image");
    }

    @Test
    void killingANodeMidRunNamesTheFailuresAndLosesNothing() throws Exception {
        RunSpec spec = new RunSpec("kill", system.request(8), ResponseChecks.SERVERLEDGE_INVOKE, 6, 50, 5000, null,
                system.clientAddress(client), 30_000, "locust");
        CompletableFuture<Void> kill = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long pid = ((wasimoff.eval.testbed.embedded.ChildProcessService) system.nodeServices().get(1)).pid();
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        });
        RunSummary s = new LoadRunner(spec, ResponseChecks.named(spec.check()), line -> { }).run(work.resolve("out"));
        kill.get();
        assertThat(s.sent()).isEqualTo(s.succeeded() + s.failed());
        assertThat(s.nothingLost()).isTrue();
        assertThat(s.succeeded()).isPositive();
        assertThat(s.failed()).isPositive();
        assertThat(s.failures().keySet()).allSatisfy(reason -> assertThat(reason).isNotBlank());
    }

    @Test
    void scalingDownStartsColdWithoutOldContainers() throws Exception {
        system.scaleTo(providers.subList(0, 1));
        assertThat(system.functionContainers()).isZero();
        assertThat(Tsp.distance("distance = 1.000")).isPresent();
    }
}
