package wasimoff.eval.system.wasimoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import wasimoff.eval.install.InstalledBinaries;
import wasimoff.eval.install.WebProvider;
import wasimoff.eval.load.LoadRunner;
import wasimoff.eval.load.RunSpec;
import wasimoff.eval.load.RunSummary;
import wasimoff.eval.system.BrokerAndProvidersContract;
import wasimoff.eval.system.InstalledForTests;
import wasimoff.eval.system.SystemUnderTest;
import wasimoff.eval.testbed.RunningService;
import wasimoff.eval.testbed.embedded.ChildProcessService;
import wasimoff.eval.workload.ResponseChecks;

/**
 * The real Wasimoff broker with two of Wasimoff's own web providers, each in a headless Chromium
 * on its embedded provider node: the contract of every broker-and-providers system, plus what a
 * browser must not leave behind.
 */
class WasimoffBrowserProvidersTest extends BrokerAndProvidersContract {
    /**
     * Measured, not assumed: Wasimoff's web provider at the pinned commit does not reconnect by itself
     * once its broker is gone (its page keeps the dead session), so a restarted broker gets none of
     * them back; the contract checks exactly that.
     */
    @Override
    protected boolean providersReconnect() {
        return false;
    }

    @BeforeAll
    static void brokerAndWebProviderInstalled() {
        InstalledForTests.require("wasimoff", "embedded");
    }

    @Override
    protected SystemUnderTest create() {
        return new WasimoffSystem(InstalledBinaries.fromEnvironment(), "chicory", ProviderKind.BROWSER);
    }

    @Override
    protected boolean providersNamedAfterNodes() {
        return false;
    }

    @Test
    void namesTheBrowserItsWorkersAndTheWebProvidersSource() {
        assertThat(system.parameters()).containsEntry("provider kind", "browser")
                .containsEntry("workers per provider", "2")
                .containsEntry("webprovider source hash", WebProvider.sourceHash(InstalledBinaries.fromEnvironment()))
                .hasEntrySatisfying("chromium", v -> assertThat(v).startsWith("Chromium "))
                .doesNotContainKey("provider fallback");
        assertThat(system.parameters().get("webprovider source hash")).matches("[0-9a-f]{64}");
    }

    @Test
    void browsersWriteOnlyIntoTheirOwnDirectories() {
        List<String> crashpad = BrowserTraces.processesNaming("chrome_crashpad_handler", work);
        assertThat(crashpad).isNotEmpty().allSatisfy(cmd -> assertThat(cmd).contains("--database=" + work));
        assertThat(BrowserTraces.processesNaming("--user-data-dir=", work)).filteredOn(cmd -> cmd.contains("/usr/lib/chromium/"))
                .isNotEmpty().allSatisfy(cmd -> assertThat(cmd).contains("--user-data-dir=" + work));
    }

    @Test
    void closingLeavesNoBrowserProcessAndNoProfile() throws IOException {
        assertThat(browserProcesses()).isNotEmpty();
        assertThat(BrowserTraces.directories(work)).hasSize(2);
        system.close();
        assertThat(browserProcesses()).isEmpty();
        assertThat(BrowserTraces.directories(work)).isEmpty();
    }

    @Test
    void scalingDownStopsABrowserAndScalingUpStartsAFreshOne() throws IOException {
        List<Path> before = BrowserTraces.directories(work);
        system.scaleTo(List.of(fleet.providers.get(0)));
        List<Path> one = BrowserTraces.directories(work);
        assertThat(one).hasSize(1);
        assertThat(runningBrowsers()).isEqualTo(1);
        system.scaleTo(fleet.providers);
        List<Path> after = BrowserTraces.directories(work);
        assertThat(after).hasSize(2).containsAll(one).doesNotContainAnyElementsOf(
                before.stream().filter(d -> !one.contains(d)).toList());
        assertThat(runningBrowsers()).isEqualTo(2);
    }

    @Test
    void aKilledBrowserLosesNoRequestAndIsNamedWithItsStatus() throws Exception {
        RunningService victim = fleet.testbed.runningServices().stream()
                .filter(s -> s.name().equals(BrowserProvider.SERVICE)).findFirst().orElseThrow();
        ProcessHandle browser = ProcessHandle.of(((ChildProcessService) victim).pid()).orElseThrow().children()
                .filter(p -> p.info().command().orElse("").contains("chromium")).findFirst().orElseThrow();
        String profile = BrowserTraces.commandLine(browser.pid()).replaceFirst(".*--user-data-dir=(\\S+)/profile.*", "$1");
        assertThat(profile).startsWith(work.toString());
        RunSpec spec = new RunSpec("kill-browser", system.request(8), ResponseChecks.WASIMOFF_RUN, 8, 50, 6000, null,
                "127.0.0.1", 30_000, "locust");
        CompletableFuture<Void> kill = CompletableFuture.runAsync(() -> {
            sleep(2000);
            browser.destroyForcibly();
        });
        RunSummary s = new LoadRunner(spec, ResponseChecks.named(spec.check()), line -> { }).run(work.resolve("out"));
        kill.get();
        System.out.printf(Locale.ROOT, "browser providers, one SIGKILLed after 2 s: %d sent, %d succeeded, %d failed %s,"
                + " %.1f req/s%n", s.sent(), s.succeeded(), s.failed(), s.failures(), s.requestsPerSecond());
        assertThat(s.nothingLost()).isTrue();
        assertThat(s.sent()).isEqualTo(s.succeeded() + s.failed());
        assertThat(s.succeeded()).isPositive();
        assertThat(s.failures().keySet()).allSatisfy(reason -> assertThat(reason).isNotBlank());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !victim.isAlive());
        assertThat(victim.exitCode()).hasValue(137);
        assertThat(victim.lastLogLines(5)).anySatisfy(l -> assertThat(l).contains("chromium exited with status 137"));
        assertThat(BrowserTraces.directories(work)).hasSize(1).noneMatch(d -> d.toString().equals(profile));
        assertThat(BrowserTraces.processesNaming(profile + "/", work)).isEmpty();
    }

    @Test
    void twoBrowsersServeAClosedLoopRunWithoutFailures() throws Exception {
        RunSpec spec = new RunSpec("browsers", system.request(8), ResponseChecks.WASIMOFF_RUN, 8, 50, 10_000, null,
                "127.0.0.1", 30_000, "locust");
        RunSummary s = new LoadRunner(spec, ResponseChecks.named(spec.check()), line -> { }).run(work.resolve("out"));
        System.out.printf(Locale.ROOT, "browser providers, 2 x 2 workers, tsp 8, 8 users, 10 s: %.1f req/s, p50 %.0f ms%n",
                s.requestsPerSecond(), s.percentileMillis(0.5));
        assertThat(s.failed()).isZero();
        assertThat(s.nothingLost()).isTrue();
        assertThat(s.succeeded()).isPositive();
    }

    private long runningBrowsers() {
        return fleet.testbed.runningServices().stream().filter(s -> s.name().equals(BrowserProvider.SERVICE)).count();
    }

    /** Command lines of the processes that run in this test's work directory and contain {@code text}. */
    /** Chromium and crashpad processes that name this test's work directory. */
    private List<String> browserProcesses() {
        return BrowserTraces.processesNaming("chrom", work);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
