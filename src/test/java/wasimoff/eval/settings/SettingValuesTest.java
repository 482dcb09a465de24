package wasimoff.eval.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SettingValuesTest {
    @ParameterizedTest(name = "-D{0}={1}")
    @CsvSource(delimiter = ';', value = {
            "users;0;0 is outside 1..10000",
            "users;many;not a whole number",
            "run-time;0;not a duration",
            "run-time;0s;0s is outside 1s..24h",
            "spawn-rate;NaN;NaN is outside 0.1..10000",
            "spawn-rate;-1;-1 is outside 0.1..10000",
            "tsp-n;99;99 is outside 2..16",
            "tsp-n;8,x;not a whole number",
            "wan;maybe;'maybe' is neither on nor off",
            "install;yes;'yes' is neither on nor off",
            "systems;wasimof;'wasimof' is not one of reference, wasimoff, serverledge",
            "engine;v8;'v8' is not one of chicory, wasmtime, node",
            "hetzner.allow-from;203.0.113.7;'203.0.113.7' is not a CIDR",
            "hetzner.allow-from;300.0.113.7/32;an octet above 255",
            "assert.max-failure-ratio;2;2 is outside 0..1"})
    void aBadValueIsRefusedNamingKeyValueAndWhatIsValid(String key, String value, String why) {
        Properties p = new Properties();
        p.setProperty(key, value);
        Setting<?> setting = Settings.byKey(key).orElseThrow();
        assertThatThrownBy(() -> SettingValues.parse(p)).isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("-D" + key + "=" + value + ": ").hasMessageContaining(why)
                .hasMessageContaining("(valid: " + setting.valid());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Properties p = new Properties();
        p.setProperty("users", "0");
        p.setProperty("run-time", "0");
        p.setProperty("testbed", "hetzner");
        InvalidSettingException e = (InvalidSettingException) org.assertj.core.api.Assertions.catchThrowable(
                () -> SettingValues.parse(p, java.util.Map.of()));
        assertThat(e.problems()).hasSize(4);
        assertThat(e.getMessage()).startsWith("4 settings are invalid:").contains("-Dhetzner.allow-from is not set")
                .contains("needs a Hetzner Cloud API token: set HCLOUD_TOKEN or -Dhcloud.token.file");
    }

    @Test
    void theWholeInternetAsAllowedSourceNeedsItsOverride() {
        Properties p = new Properties();
        p.setProperty("hetzner.allow-from", "0.0.0.0/0");
        assertThatThrownBy(() -> SettingValues.parse(p)).hasMessageContaining("-Dhetzner.allow-any=true");
        p.setProperty("hetzner.allow-any", "true");
        assertThat(SettingValues.parse(p).get(Settings.HETZNER_ALLOW_FROM)).contains(List.of("0.0.0.0/0"));
    }

    @Test
    void anEmptyValueIsRefusedRatherThanTakenForTheDefault() {
        Properties p = new Properties();
        p.setProperty("systems", " ");
        assertThatThrownBy(() -> SettingValues.parse(p)).hasMessageStartingWith("-Dsystems= is empty");
    }

    @Test
    void goodValuesAreTypedAndWanFalseTurnsEmulationOff() {
        Properties p = new Properties();
        p.setProperty("run-time", "90s");
        p.setProperty("tsp-n", "8, 10");
        p.setProperty("wan", "false");
        p.setProperty("results.dir", "~/eval-results");
        p.setProperty("unrelated.jvm.property", "whatever");
        SettingValues v = SettingValues.parse(p);
        assertThat(v.get(Settings.RUN_TIME)).contains(Duration.ofSeconds(90));
        assertThat(v.get(Settings.TSP_N)).contains(List.of(8, 10));
        assertThat(v.get(Settings.WAN)).contains(false);
        assertThat(v.get(Settings.RESULTS_DIR)).contains(Path.of(System.getProperty("user.home"), "eval-results"));
        assertThat(v.given(Settings.USERS)).isFalse();
        assertThat(v.asProperties()).doesNotContainKey("unrelated.jvm.property");
    }

    @Test
    void everyKeyIsDeclaredOnce() {
        assertThat(Settings.ALL.stream().map(Setting::key)).doesNotHaveDuplicates();
    }
}
