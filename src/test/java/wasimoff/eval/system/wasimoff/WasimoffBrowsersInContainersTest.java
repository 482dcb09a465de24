package wasimoff.eval.system.wasimoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import wasimoff.eval.install.InstalledBinaries;
import wasimoff.eval.load.LoadRunner;
import wasimoff.eval.load.RunSpec;
import wasimoff.eval.load.RunSummary;
import wasimoff.eval.scenario.Location;
import wasimoff.eval.scenario.NodeRole;
import wasimoff.eval.scenario.NodeSpec;
import wasimoff.eval.scenario.ServerType;
import wasimoff.eval.system.Deployment;
import wasimoff.eval.system.InstalledForTests;
import wasimoff.eval.system.TspCall;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.docker.ChromiumImage;
import wasimoff.eval.testbed.docker.ContainerNode;
import wasimoff.eval.testbed.docker.DockerEngine;
import wasimoff.eval.testbed.docker.DockerTestbed;
import wasimoff.eval.testbed.docker.NodeImage;
import wasimoff.eval.workload.ResponseChecks;
import wasimoff.eval.workload.TspTest;

/**
 * The real Wasimoff broker with two of Wasimoff's own web providers, each a headless Chromium in its
 * provider container on the docker testbed (the image with this machine's Chromium), the providers
 * in another location than the broker so that they dial it through the testbed's delay relay on
 * the bridge gateway.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WasimoffBrowsersInContainersTest {
    private static final Location NBG = new Location("nbg1", "Nuremberg", "DE", "eu-central");
    private static final Location FSN = new Location("fsn1", "Falkenstein", "DE", "eu-central");
    private static final ServerType SMALL = new ServerType("cpx11", 1, 2, false);
    private static final ServerType CCX13 = new ServerType("ccx13", 2, 8, true);

    @TempDir
    static Path work;
    private DockerTestbed testbed;
    private WasimoffSystem system;
    private List<Node> providers;
    /** Taken at deployment: a removed container no longer says its id. */
    private final Map<Node, String> containerIds = new HashMap<>();
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60)).build();

    @BeforeAll
    void deployBrowsersInContainers() {
        InstalledForTests.require("wasimoff", "docker");
        String reason = DockerTestbed.unavailableReason(true);
        Assumptions.assumeTrue(reason == null, reason);
        testbed = new DockerTestbed(work, true, true);
        List<Node> nodes = testbed.provision(List.of(new NodeSpec("client", NodeRole.CLIENT, SMALL, NBG),
                new NodeSpec("broker", NodeRole.BROKER, SMALL, NBG),
                new NodeSpec("provider-1", NodeRole.PROVIDER, CCX13, FSN),
                new NodeSpec("provider-2", NodeRole.PROVIDER, CCX13, FSN)));
        providers = nodes.subList(2, 4);
        providers.forEach(p -> containerIds.put(p, ((ContainerNode) p).containerId()));
        system = new WasimoffSystem(InstalledBinaries.fromEnvironment(), "chicory", ProviderKind.BROWSER);
        system.deploy(new Deployment(testbed, nodes.get(0), nodes.get(1), providers));
        system.scaleTo(providers);
    }

    @AfterAll
    void closeEverything() {
        if (system != null) {
            system.close();
        }
        if (testbed != null) {
            testbed.close();
        }
    }

    @Test
    @Order(1)
    void tspRequestsReturnTheDistanceAndBothBrowsersServeSome() throws Exception {
        Set<String> servedBy = new HashSet<>();
        List<CompletableFuture<String>> calls = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> call("rand 8 42", servedBy)));
        }
        for (var c : calls) {
            assertThat(c.get()).isEqualTo("distance = " + TspTest.DISTANCE_8_SEED_42);
        }
        assertThat(servedBy).doesNotContainNull().hasSize(2);
    }

    @Test
    @Order(2)
    void theResultsNameTheBrowserItsWorkersAndTheChromiumImage() {
        assertThat(system.parameters()).containsEntry("provider kind", "browser")
                .containsEntry("workers per provider", "2")
                .hasEntrySatisfying("chromium", v -> assertThat(v).startsWith("Chromium "))
                .doesNotContainKey("provider fallback");
        assertThat(testbed.parameters()).hasEntrySatisfying("provider node image",
                v -> assertThat(v).startsWith("wasimoff-eval-node-chromium:"));
        assertThat(testbed.parameters().get("cpu oversubscription")).startsWith("6 vCPUs asked");
    }

    @Test
    @Order(3)
    void theChromiumImageIsBuiltOnceAndThenFoundByTheHashOfItsInputs() throws Exception {
        long started = System.nanoTime();
        String tag = ChromiumImage.ensure(testbed.parameters().get("node image"), work.resolve("again"));
        assertThat(tag).isEqualTo(testbed.parameters().get("provider node image"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(work.resolve("again")).doesNotExist();
    }

    @Test
    @Order(4)
    void eachBrowserRunsInItsContainerWithItsOwnProfileAndDialsTheBrokerThroughTheRelay() {
        String relay = gateway();
        Set<String> profiles = new HashSet<>();
        for (Node provider : providers) {
            List<String> browsers = browsersIn(provider);
            assertThat(browsers).as("the browser's main process in " + provider.name()).hasSize(1);
            String browser = browsers.get(0);
            // a container's /dev/shm is 64 MB: the image's dev-shm setting sends Chromium's shared memory to /tmp
            assertThat(browser).contains("--headless=new", "--user-data-dir=/work/wasimoff-browser-" + provider.name(),
                            "--disable-dev-shm-usage")
                    .contains("http://" + relay + ":").contains("#autoconnect=yes&workers=2");
            profiles.add(browser.replaceFirst(".*--user-data-dir=(\\S+).*", "$1"));
        }
        assertThat(profiles).hasSize(2);
        assertThat(chromiumOnTheHostIn(providers)).isNotEmpty();
    }

    @Test
    @Order(5)
    void twoBrowsersInContainersServeAClosedLoopRunWithoutFailures() throws Exception {
        RunSpec spec = new RunSpec("browsers-in-containers", system.request(8), ResponseChecks.WASIMOFF_RUN, 8, 50,
                10_000, null, null, 30_000, "locust");
        RunSummary s = new LoadRunner(spec, ResponseChecks.named(spec.check()), line -> { }).run(work.resolve("out"));
        System.out.printf(Locale.ROOT, "browser providers in containers, 2 x 2 workers, tsp 8, 8 users, 10 s:"
                + " %.1f req/s, p50 %.0f ms%n", s.requestsPerSecond(), s.percentileMillis(0.5));
        assertThat(s.failed()).isZero();
        assertThat(s.nothingLost()).isTrue();
        assertThat(s.succeeded()).isPositive();
    }

    @Test
    @Order(6)
    void scalingDownStopsTheBrowserInItsContainerAndScalingUpStartsAFreshOne() {
        String before = browsersIn(providers.get(1)).get(0);
        system.scaleTo(List.of(providers.get(0)));
        assertThat(browsersIn(providers.get(1))).isEmpty();
        assertThat(chromiumOnTheHostIn(List.of(providers.get(1)))).isEmpty();
        assertThat(providers.get(1).exec(List.of("sh", "-c", "ls -d /work/wasimoff-browser-* 2>/dev/null"),
                Duration.ofSeconds(20)).output()).isBlank();
        assertThat(browsersIn(providers.get(0))).hasSize(1);
        system.scaleTo(providers);
        List<String> after = browsersIn(providers.get(1));
        assertThat(after).hasSize(1).doesNotContain(before);
    }

    @Test
    @Order(7)
    void closingLeavesNoBrowserOnTheHostAndNoContainer() throws Exception {
        assertThat(chromiumOnTheHostIn(providers)).isNotEmpty();
        system.close();
        testbed.close();
        assertThat(chromiumOnTheHostIn(providers)).isEmpty();
        assertThat(ProcessHandle.allProcesses().map(p -> BrowserTraces.commandLine(p.pid()))
                .filter(c -> c.contains("--user-data-dir=/work/wasimoff-browser-")
                        || c.contains("--database=/work/wasimoff-browser-"))).isEmpty();
        // the engine outlives the testbed until the JVM ends, or another run stopped it: ask one that answers
        try (DockerEngine engine = DockerEngine.start(work)) {
            assertThat(DockerEngine.docker(List.of("ps", "-aq", "--filter", "label=" + NodeImage.LABEL),
                    Duration.ofSeconds(30)).strip()).as("containers left behind").isEmpty();
        }
    }

    /** The command lines of the browsers' main processes in {@code node}'s container. */
    private static List<String> browsersIn(Node node) {
        String out = node.exec(List.of("sh", "-c", "for p in /proc/[0-9]*; do tr '\\0' ' ' < $p/cmdline; echo; done"
                        + " 2>/dev/null"), Duration.ofSeconds(30)).output();
        return out.lines().filter(l -> l.startsWith("/usr/lib/chromium/chromium ") && !l.contains("--type=")).toList();
    }

    /** Chromium and crashpad processes this machine sees in the containers of {@code nodes}. */
    private List<String> chromiumOnTheHostIn(List<Node> nodes) {
        List<String> ids = nodes.stream().map(containerIds::get).toList();
        return ProcessHandle.allProcesses().filter(p -> {
            String cgroup = read(Path.of("/proc", Long.toString(p.pid()), "cgroup"));
            return ids.stream().anyMatch(cgroup::contains);
        }).map(p -> BrowserTraces.commandLine(p.pid())).filter(c -> c.contains("chrom")).toList();
    }

    private static String gateway() {
        try {
            return DockerEngine.docker(List.of("network", "inspect", "bridge", "--format",
                    "{{(index .IPAM.Config 0).Gateway}}"), Duration.ofSeconds(30)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String call(String args, Set<String> servedBy) {
        return TspCall.call(http, system, args, servedBy);
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException processEnded) {
            return "";
        }
    }
}
