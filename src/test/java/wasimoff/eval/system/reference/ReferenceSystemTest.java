package wasimoff.eval.system.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import wasimoff.eval.system.BrokerAndProvidersContract;
import wasimoff.eval.system.SystemUnderTest;

class ReferenceSystemTest extends BrokerAndProvidersContract {
    @Override
    protected SystemUnderTest create() {
        return new ReferenceSystem("chicory");
    }

    @Test
    void saysItIsTheReferenceBrokerNotWasimoff() {
        assertThat(system.parameters()).containsEntry("broker", ReferenceBroker.PACKAGE);
    }
}
