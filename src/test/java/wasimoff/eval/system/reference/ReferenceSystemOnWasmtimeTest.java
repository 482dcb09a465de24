package wasimoff.eval.system.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import wasimoff.eval.system.BrokerAndProvidersContract;
import wasimoff.eval.system.SystemUnderTest;

/** The reference system with its providers on wasmtime instead of Chicory. */
class ReferenceSystemOnWasmtimeTest extends BrokerAndProvidersContract {
    @Override
    protected SystemUnderTest create() {
        return new ReferenceSystem("wasmtime");
    }

    @Test
    void reportsTheEngine() {
        assertThat(system.parameters().get("engine")).startsWith("wasmtime");
    }
}
