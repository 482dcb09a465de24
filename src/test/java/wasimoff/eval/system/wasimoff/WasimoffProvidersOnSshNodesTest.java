package wasimoff.eval.system.wasimoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wasimoff.eval.install.DenoProviderBuild;
import wasimoff.eval.install.InstalledBinaries;
import wasimoff.eval.system.Deployment;
import wasimoff.eval.system.InstalledForTests;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.ssh.SshNodeFleet;
import wasimoff.eval.workload.TspTest;

/**
 * Wasimoff's browser and Deno providers deployed the way a server testbed deploys them: broker and providers are SSH
 * nodes (an sshd on loopback, services as session-leader processes since no systemd runs here),
 * the web provider's files and the Deno provider's build go up by SFTP, each browser or Deno
 * provider is a service started over SSH, and stopping the system leaves no Chromium, crashpad
 * handler, profile or Deno process on the nodes.
 */
class WasimoffProvidersOnSshNodesTest {
    @TempDir
    Path work;
    private SshNodeFleet fleet;
    private WasimoffSystem system;

    @BeforeAll
    static void brokerAndWebProviderInstalled() {
        InstalledForTests.require("wasimoff", "embedded");
    }

    @AfterEach
    void tearDown() throws Exception {
        try (SshNodeFleet nodes = fleet) {
            if (system != null) {
                system.close();
            }
        }
    }

    @Test
    void browsersOnSshNodesAnswerTspRequestsAndLeaveNothingBehind() throws Exception {
        deployOnSshNodesAndCall(ProviderKind.BROWSER);
        assertThat(BrowserTraces.directories(work)).hasSize(2);

        system.close();
        system = null;

        assertThat(BrowserTraces.directories(work)).isEmpty();
        assertThat(ProcessHandle.allProcesses().map(p -> BrowserTraces.commandLine(p.pid()))
                .filter(c -> c.contains("chrom") && c.contains(work.toString()))).isEmpty();
    }

    @Test
    void denoProvidersGoUpByCopyOfTheirBuildAndLeaveNoProcessBehind() throws Exception {
        InstalledForTests.require("wasimoff", "hetzner", ProviderKind.DENO);
        deployOnSshNodesAndCall(ProviderKind.DENO);
        Path built = DenoProviderBuild.require(InstalledBinaries.fromEnvironment());
        for (String provider : List.of("provider-1", "provider-2")) {
            Path copy = fleet.workDirectory(provider).resolve(built.getFileName());
            assertThat(copy.resolve(DenoProviderBuild.DENO)).isExecutable();
            assertThat(copy.resolve(DenoProviderBuild.MAIN)).hasSameBinaryContentAs(built.resolve(DenoProviderBuild.MAIN));
        }
        assertThat(denoProcesses()).filteredOn(c -> c.split(" ")[0].endsWith("/" + DenoProviderBuild.DENO)).hasSize(2);

        system.close();
        system = null;

        assertThat(denoProcesses()).isEmpty();
    }

    /** Broker and two providers of {@code kind} on SSH nodes; 32 concurrent requests, answered right by both. */
    private void deployOnSshNodesAndCall(ProviderKind kind) throws Exception {
        fleet = SshNodeFleet.onLoopback(work);
        List<Node> providers = fleet.providers;

        system = new WasimoffSystem(InstalledBinaries.fromEnvironment(), "chicory", kind);
        system.deploy(new Deployment(fleet.local, fleet.client, fleet.broker, providers));
        system.scaleTo(providers);

        assertThat(system.parameters()).containsEntry("provider kind", kind.word());
        OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(60)).build();
        // concurrent, so that one provider's workers are all busy and the broker uses the other's too
        List<CompletableFuture<String>> calls = new ArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            for (int i = 0; i < 32; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> call(http, system.request(8).url()), callers));
            }
            Set<String> servedBy = new HashSet<>();
            for (var c : calls) {
                String[] providerAndBody = c.get().split("\n", 2);
                assertThat(providerAndBody[1].strip()).isEqualTo("distance = " + TspTest.DISTANCE_8_SEED_42);
                servedBy.add(providerAndBody[0]);
            }
            assertThat(servedBy).doesNotContain("null").hasSize(2);
        } finally {
            callers.shutdownNow();
        }
    }

    /** Processes running a copy of the provider below this test's directory: Deno and the shells that started it. */
    private List<String> denoProcesses() {
        return ProcessHandle.allProcesses().map(p -> BrowserTraces.commandLine(p.pid()))
                .filter(c -> c.contains(work.toString()) && c.contains(DenoProviderBuild.MAIN)).toList();
    }

    /** The provider that answered, a newline, and the body. */
    private static String call(OkHttpClient http, String url) {
        Request r = new Request.Builder().url(url).header("X-Args", "rand 8 42").post(RequestBody.create(new byte[0]))
                .build();
        try (Response response = http.newCall(r).execute()) {
            return response.header("X-Wasimoff-Provider") + "\n" + response.body().string();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
