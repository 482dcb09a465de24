package wasimoff.eval.system.wasimoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import wasimoff.eval.system.BrokerAndProvidersContract;
import wasimoff.eval.system.InstalledBinaries;
import wasimoff.eval.system.SystemUnderTest;

/** The real Wasimoff broker with two of our providers; skipped, with the reason, when the broker is not installed. */
class WasimoffSystemTest extends BrokerAndProvidersContract {
    @BeforeAll
    static void brokerInstalled() {
        Optional<String> missing = WasimoffSystem.unavailable(InstalledBinaries.fromEnvironment());
        // surefire shows a class skipped in @BeforeAll only as "0 tests run", so say why here too
        missing.ifPresent(why -> System.err.println("SKIPPED " + "WasimoffSystemTest" + ": " + why));
        assumeTrue(missing.isEmpty(), () -> missing.get());
    }

    @Override
    protected SystemUnderTest create() {
        return new WasimoffSystem(InstalledBinaries.fromEnvironment(), "chicory");
    }

    @Test
    void recordsTheBrokersOwnVersion() {
        assertThat(system.parameters()).containsEntry("broker", "wasi.team/broker").containsKey("broker revision");
    }
}
