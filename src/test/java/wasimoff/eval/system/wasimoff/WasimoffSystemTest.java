package wasimoff.eval.system.wasimoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import wasimoff.eval.system.BrokerAndProvidersContract;
import wasimoff.eval.install.InstalledBinaries;
import wasimoff.eval.install.Pins;
import wasimoff.eval.system.InstalledForTests;
import wasimoff.eval.system.SystemUnderTest;

/** The real Wasimoff broker with two of our Java providers ({@code provider: ours}); skipped, with the reason, when the broker is not installed. */
class WasimoffSystemTest extends BrokerAndProvidersContract {
    @BeforeAll
    static void brokerInstalled() {
        InstalledForTests.require("wasimoff", "embedded");
    }

    @Override
    protected SystemUnderTest create() {
        return new WasimoffSystem(InstalledBinaries.fromEnvironment(), "chicory", ProviderKind.OURS);
    }

    @Test
    void recordsTheBrokersPinnedCommitAndWhereItCameFrom() {
        assertThat(system.parameters()).containsEntry("broker", "wasi.team/broker")
                .containsEntry("broker commit", Pins.WASIMOFF_COMMIT)
                .hasEntrySatisfying("broker source", s -> assertThat(s).matches("proxy|git|tree:[0-9a-f]{12}"));
    }
}
