package wasimoff.eval.system.wasimoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import wasimoff.eval.install.DenoProviderBuild;
import wasimoff.eval.install.InstalledBinaries;
import wasimoff.eval.load.LoadRunner;
import wasimoff.eval.load.RunSpec;
import wasimoff.eval.load.RunSummary;
import wasimoff.eval.system.BrokerAndProvidersContract;
import wasimoff.eval.system.InstalledForTests;
import wasimoff.eval.system.SystemUnderTest;
import wasimoff.eval.testbed.embedded.ChildProcessService;
import wasimoff.eval.workload.ResponseChecks;

/**
 * The real Wasimoff broker with two of Wasimoff's Deno providers ({@code denoprovider/main.ts} on
 * Deno, built by the installer from the pinned source) on embedded provider nodes: the contract of
 * every broker-and-providers system, the broker restart included, since the Deno provider retries
 * its connection by itself.
 */
class WasimoffDenoProvidersTest extends BrokerAndProvidersContract {
    @BeforeAll
    static void brokerAndDenoProviderInstalled() {
        InstalledForTests.require("wasimoff", "embedded", ProviderKind.DENO);
    }

    @Override
    protected SystemUnderTest create() {
        return new WasimoffSystem(InstalledBinaries.fromEnvironment(), "chicory", ProviderKind.DENO);
    }

    @Override
    protected boolean providersNamedAfterNodes() {
        return false; // the provider picks its own id (nanoid) and keeps it in its localStorage
    }

    @Test
    void namesDenoItsWorkersAndTheProvidersSource() {
        InstalledBinaries cache = InstalledBinaries.fromEnvironment();
        assertThat(system.parameters()).containsEntry("provider kind", "deno")
                .containsEntry("workers per provider", "2")
                .containsEntry("deno", cache.versions().get(DenoProviderBuild.DENO_KEY))
                .containsEntry("denoprovider source hash", cache.versions().get(DenoProviderBuild.HASH_KEY));
        assertThat(system.parameters().get("deno")).startsWith("deno " + DenoProviderBuild.DENO_VERSION + " ");
        assertThat(system.parameters().get("denoprovider source hash")).matches("[0-9a-f]{64}");
    }

    @Test
    void closingLeavesNoDenoProcess() {
        List<ProcessHandle> deno = system.services().stream().filter(s -> s.name().equals(DenoProvider.SERVICE))
                .map(s -> ProcessHandle.of(((ChildProcessService) s).pid()).orElseThrow()).toList();
        assertThat(deno).hasSize(2).allMatch(ProcessHandle::isAlive)
                .allSatisfy(p -> assertThat(p.info().command().orElse("")).endsWith("/" + DenoProviderBuild.DENO));
        system.close();
        assertThat(deno).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void twoDenoProvidersServeAClosedLoopRunWithoutFailures() throws Exception {
        RunSpec spec = new RunSpec("deno", system.request(8), ResponseChecks.WASIMOFF_RUN, 8, 50, 10_000, null,
                "127.0.0.1", 30_000, "locust");
        RunSummary s = new LoadRunner(spec, ResponseChecks.named(spec.check()), line -> { }).run(work.resolve("out"));
        System.out.printf(Locale.ROOT, "Deno providers, 2 x 2 workers, tsp 8, 8 users, 10 s: %.1f req/s, p50 %.0f ms%n",
                s.requestsPerSecond(), s.percentileMillis(0.5));
        assertThat(s.failed()).isZero();
        assertThat(s.nothingLost()).isTrue();
        assertThat(s.succeeded()).isPositive();
    }
}
