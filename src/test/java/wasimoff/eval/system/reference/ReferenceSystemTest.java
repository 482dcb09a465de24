package wasimoff.eval.system.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wasimoff.eval.load.LoadRunner;
import wasimoff.eval.load.RunSpec;
import wasimoff.eval.load.RunSummary;
import wasimoff.eval.scenario.Location;
import wasimoff.eval.scenario.NodeRole;
import wasimoff.eval.scenario.NodeSpec;
import wasimoff.eval.scenario.ServerType;
import wasimoff.eval.system.Deployment;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.embedded.EmbeddedTestbed;
import wasimoff.eval.workload.ResponseChecks;
import wasimoff.eval.workload.TspTest;

class ReferenceSystemTest {
    private static final ServerType TINY = new ServerType("ccx13", 2, 8, true);
    private static final Location NBG = new Location("nbg1", "Nuremberg", "DE", "eu-central");

    @TempDir
    Path work;
    private EmbeddedTestbed testbed;
    private ReferenceSystem system;
    private List<Node> providers;

    @BeforeEach
    void deploy() {
        testbed = new EmbeddedTestbed(work);
        List<Node> nodes = testbed.provision(List.of(
                new NodeSpec("client", NodeRole.CLIENT, TINY, NBG),
                new NodeSpec("broker", NodeRole.BROKER, TINY, NBG),
                new NodeSpec("provider-1", NodeRole.PROVIDER, TINY, NBG),
                new NodeSpec("provider-2", NodeRole.PROVIDER, TINY, NBG)));
        providers = nodes.subList(2, 4);
        system = new ReferenceSystem();
        system.deploy(new Deployment(testbed, nodes.get(0), nodes.get(1), providers));
        system.scaleTo(providers);
    }

    @AfterEach
    void tearDown() {
        system.close();
        testbed.close();
    }

    @Test
    void tspRequestsReturnTheDistanceAndBothProvidersServeSome() throws Exception {
        OkHttpClient http = new OkHttpClient();
        Set<String> servedBy = new HashSet<>();
        List<CompletableFuture<String>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> call(http, "rand 8 42", servedBy)));
        }
        for (var c : calls) {
            assertThat(c.get()).isEqualTo(expectedDistance8Seed42());
        }
        assertThat(servedBy).containsExactlyInAnyOrder("provider-1", "provider-2");
    }

    @Test
    void badArgumentsAreAnExitStatusNotAnHttpError() throws Exception {
        OkHttpClient http = new OkHttpClient();
        RunSpec.HttpRequestTemplate t = system.request(8);
        Request r = new Request.Builder().url(t.url()).header("X-Args", "bogus").post(RequestBody.create(new byte[0]))
                .build();
        try (Response response = http.newCall(r).execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.header("X-Wasimoff-Result")).isEqualTo("Ok");
            assertThat(response.header("X-Wasimoff-Status")).isEqualTo("2");
        }
    }

    @Test
    void stoppingAProviderMidRunLosesNoRequest() throws Exception {
        RunSpec spec = new RunSpec("kill", system.request(8), ResponseChecks.WASIMOFF_RUN, 8, 50, 4000, null,
                "127.0.0.1", 30_000, "locust");
        CompletableFuture<Void> kill = CompletableFuture.runAsync(() -> {
            sleep(1500);
            system.scaleTo(List.of(providers.get(0)));
        });
        RunSummary s = new LoadRunner(spec, ResponseChecks.named(spec.check()), line -> { }).run(work.resolve("out"));
        kill.get();
        assertThat(s.nothingLost()).isTrue();
        assertThat(s.sent()).isEqualTo(s.succeeded() + s.failed());
        assertThat(s.succeeded()).isPositive();
        assertThat(s.failures().keySet()).allSatisfy(reason -> assertThat(reason).isNotBlank());
    }

    @Test
    void versionEndpointSaysItIsTheReferenceBroker() throws Exception {
        OkHttpClient http = new OkHttpClient();
        String base = system.request(8).url().replace("/api/client/run/tsp.wasm", "");
        try (Response r = http.newCall(new Request.Builder().url(base + "/api/version").build()).execute()) {
            assertThat(r.body().string()).contains(ReferenceBroker.PACKAGE);
        }
    }

    private String call(OkHttpClient http, String args, Set<String> servedBy) {
        RunSpec.HttpRequestTemplate t = system.request(8);
        Request r = new Request.Builder().url(t.url()).header("X-Args", args).post(RequestBody.create(new byte[0]))
                .build();
        try (Response response = http.newCall(r).execute()) {
            synchronized (servedBy) {
                servedBy.add(response.header("X-Wasimoff-Provider"));
            }
            return response.body().string().strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String expectedDistance8Seed42() {
        return "distance = " + TspTest.DISTANCE_8_SEED_42;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
