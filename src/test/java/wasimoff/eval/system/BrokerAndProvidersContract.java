package wasimoff.eval.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
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
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.RunningService;
import wasimoff.eval.workload.ResponseChecks;
import wasimoff.eval.workload.TspTest;

/**
 * What every system behind Wasimoff's client API must do, run against a real broker with two real
 * providers on the embedded testbed: correct TSP results, work spread over both providers, exit
 * codes passed through, and no request lost when a provider leaves mid-run.
 */
public abstract class BrokerAndProvidersContract {
    @TempDir
    protected Path work;
    protected TwoProviderFleet fleet;
    protected SystemUnderTest system;
    private List<Node> providers;
    private final OkHttpClient http = new OkHttpClient();

    /** A fresh, undeployed instance of the system under test. */
    protected abstract SystemUnderTest create();

    /**
     * Whether the broker names each provider by its node's name in {@code X-Wasimoff-Provider};
     * providers that pick their own ids (Wasimoff's web provider) only have to be two distinct ones.
     */
    protected boolean providersNamedAfterNodes() {
        return true;
    }

    @BeforeEach
    void deploy() {
        fleet = new TwoProviderFleet(work);
        providers = fleet.providers;
        system = fleet.deploy(create());
    }

    @AfterEach
    void tearDown() {
        system.close();
        fleet.close();
        assertThat(fleet.testbed.runningServices()).isEmpty();
    }

    @Test
    void tspRequestsReturnTheDistanceAndBothProvidersServeSome() throws Exception {
        Set<String> servedBy = new HashSet<>();
        List<CompletableFuture<String>> calls = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> call("rand 8 42", servedBy)));
        }
        for (var c : calls) {
            assertThat(c.get()).isEqualTo("distance = " + TspTest.DISTANCE_8_SEED_42);
        }
        if (providersNamedAfterNodes()) {
            assertThat(servedBy).containsExactlyInAnyOrder("provider-1", "provider-2");
        } else {
            assertThat(servedBy).doesNotContainNull().hasSize(2);
        }
    }

    @Test
    void badArgumentsAreAnExitStatusNotAnHttpError() throws Exception {
        try (Response response = http.newCall(post("bogus")).execute()) {
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

    /** Whether this system's providers reconnect by themselves after losing the broker. */
    protected boolean providersReconnect() {
        return true;
    }

    @Test
    void aKilledBrokerRestartsOnItsPortAndItsProvidersReconnect() {
        String url = system.request(8).url();
        String what = system.restartBroker();
        assertThat(system.request(8).url()).isEqualTo(url);
        if (!providersReconnect()) {
            assertThat(what).contains("only 0 of 2 providers reconnected");
            return;
        }
        assertThat(what).contains("all 2 providers reconnected");
        Set<String> servedBy = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            assertThat(call("rand 8 42", servedBy)).isEqualTo("distance = " + TspTest.DISTANCE_8_SEED_42);
        }
        assertThat(system.services()).hasSize(3).extracting(RunningService::isAlive).containsOnly(true);
    }

    @Test
    void aKilledProviderIsGoneAndTheOtherServesAlone() {
        String what = system.killProvider(1);
        assertThat(what).contains(providers.get(0).name());
        assertThat(system.services()).hasSize(2).extracting(s -> s.node().name())
                .containsExactlyInAnyOrder("broker", providers.get(1).name());
        Set<String> servedBy = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            assertThat(call("rand 8 42", servedBy)).isEqualTo("distance = " + TspTest.DISTANCE_8_SEED_42);
        }
        if (providersNamedAfterNodes()) {
            assertThat(servedBy).containsExactly(providers.get(1).name());
        }
    }

    @Test
    void reportsWhatRan() {
        assertThat(system.parameters()).containsKeys("broker", "provider", "engine");
        assertThat(system.services()).extracting(RunningService::isAlive).containsOnly(true);
    }

    private Request post(String args) {
        return TspCall.post(system, args);
    }

    private String call(String args, Set<String> servedBy) {
        return TspCall.call(http, system, args, servedBy);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
