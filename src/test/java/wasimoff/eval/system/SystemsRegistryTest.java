package wasimoff.eval.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import wasimoff.eval.settings.Kinds;
import wasimoff.eval.settings.TestbedKind;
import wasimoff.eval.system.wasimoff.ProviderKind;

class SystemsRegistryTest {
    @Test
    void theNamesSettingsAcceptAreExactlyTheRegisteredSystems() {
        assertThat(Systems.REGISTRY.stream().map(SystemKind::id).toList())
                .as("a system registered in Systems.REGISTRY is also named in Kinds.SYSTEMS, and only those")
                .isEqualTo(Kinds.SYSTEMS);
    }

    @Test
    void anUnknownSystemIsRefusedWithTheValidNames() {
        assertThatThrownBy(() -> Systems.kind("openwhisk"))
                .hasMessage("unknown system 'openwhisk'; valid: [reference, wasimoff, serverledge]");
    }

    @Test
    void aSystemIsNamedByItsIdInItsDefaultSetUpAndWithWhatDiffersOtherwise() {
        ProviderKind browser = ProviderKind.BROWSER;
        assertThat(Systems.variant("wasimoff", "wasmtime", "seed-tsp", browser)).isEmpty();
        assertThat(Systems.variant("wasimoff", "chicory", "seed-tsp", browser)).as("browsers run no engine of ours").isEmpty();
        assertThat(Systems.variant("wasimoff", "chicory", "seed-tsp", ProviderKind.DENO)).isEqualTo("+deno");
        assertThat(Systems.variant("wasimoff", "wasmtime", "seed-tsp", ProviderKind.OURS)).isEqualTo("+ours");
        assertThat(Systems.variant("wasimoff", "chicory", "own-tsp", ProviderKind.OURS)).isEqualTo("+ours+chicory+own-tsp");
        assertThat(Systems.variant("reference", "wasmtime", "seed-tsp", browser)).isEmpty();
        assertThat(Systems.variant("reference", "node", "seed-tsp", ProviderKind.DENO)).isEqualTo("+node");
        assertThat(Systems.variant("serverledge", "chicory", "own-tsp", ProviderKind.OURS)).isEqualTo("+own-tsp");
    }

    @Test
    void everySystemAnswersForEveryTestbed() {
        for (SystemKind system : Systems.REGISTRY) {
            for (TestbedKind testbed : TestbedKind.values()) {
                assertThat(system.requirements(testbed.id(), wasimoff.eval.system.wasimoff.ProviderKind.BROWSER))
                        .as(system.id() + " on " + testbed.id()).isNotNull();
                assertThat(system.unavailable(testbed.id())).as(system.id() + " on " + testbed.id()).isNotNull();
            }
        }
    }
}
