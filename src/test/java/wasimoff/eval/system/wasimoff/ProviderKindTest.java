package wasimoff.eval.system.wasimoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import wasimoff.eval.install.DebianTool;
import wasimoff.eval.install.DenoProviderBuild;
import wasimoff.eval.install.Requirement;
import wasimoff.eval.install.WebProvider;
import wasimoff.eval.system.Systems;

class ProviderKindTest {
    @Test
    void theSettingIsBrowserDenoOrOursAndBrowserByDefault() {
        assertThat(ProviderKind.parse(null)).isEqualTo(ProviderKind.BROWSER);
        assertThat(ProviderKind.parse(" ")).isEqualTo(ProviderKind.BROWSER);
        assertThat(ProviderKind.parse("Ours")).isEqualTo(ProviderKind.OURS);
        assertThat(ProviderKind.parse("deno")).isEqualTo(ProviderKind.DENO);
        assertThatThrownBy(() -> ProviderKind.parse("node")).hasMessage("provider 'node' is not valid; valid: browser, deno, ours");
    }

    @Test
    void onlyBrowserProvidersNeedTheWebProviderBuildAndChromiumOnlyWhereItIsTakenFromThisMachine() {
        assertThat(Systems.requirements("wasimoff", "embedded")).extracting(Requirement::name)
                .contains(DebianTool.CHROMIUM.name(), new WebProvider().name(), "wasimoff-broker");
        assertThat(Systems.requirements("wasimoff", "embedded", ProviderKind.OURS)).extracting(Requirement::name)
                .containsExactly("wasimoff-broker");
        // the docker testbed's provider image is built from this machine's Chromium
        assertThat(Systems.requirements("wasimoff", "docker", ProviderKind.BROWSER)).extracting(Requirement::name)
                .contains(DebianTool.CHROMIUM.name(), new WebProvider().name(), "wasimoff-broker");
        assertThat(Systems.requirements("wasimoff", "docker", ProviderKind.OURS)).extracting(Requirement::name)
                .containsExactly("wasimoff-broker");
        assertThat(Systems.requirements("wasimoff", "hetzner", ProviderKind.BROWSER)).extracting(Requirement::name)
                .contains(new WebProvider().name()).doesNotContain(DebianTool.CHROMIUM.name());
    }

    @Test
    void denoProvidersNeedTheirBuildOnEveryTestbedAndNeitherChromiumNorTheWebProvider() {
        for (String testbed : new String[] {"embedded", "docker", "hetzner"}) {
            assertThat(Systems.requirements("wasimoff", testbed, ProviderKind.DENO)).extracting(Requirement::name)
                    .as(testbed).containsExactly(DebianTool.NPM.name(), "wasimoff-broker", new DenoProviderBuild().name());
        }
    }
}
