package wasimoff.eval.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import wasimoff.eval.settings.SettingValues;

class RunSettingsTest {
    private final Scenario optimal = ScenarioLoader.of(Path.of("scenarios")).load("optimal");

    @Test
    void embeddedTestbedShrinksRunTimeAndSweepAndSaysSo() {
        RunSettings s = RunSettings.resolve(optimal, SettingValues.parse(new Properties()));
        assertThat(s.load().runTime()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.fleets()).extracting(Fleet::label).containsExactly("02x02c", "04x02c");
        assertThat(s.systems()).containsExactly("reference", "wasimoff", "serverledge");
        assertThat(s.notes()).anySatisfy(n -> assertThat(n).contains("run-time = 10s (local-testbed default")
                .contains("scenario file says 180s"));
    }

    @Test
    void cloudTestbedKeepsTheScenarioFileValues() {
        Properties p = new Properties();
        p.setProperty("testbed", "hetzner");
        p.setProperty("hetzner.allow-from", "203.0.113.7/32");
        p.setProperty("hcloud.token.file", "~/.config/hcloud/token");
        RunSettings s = RunSettings.resolve(optimal, SettingValues.parse(p));
        assertThat(s.load()).isEqualTo(optimal.load());
        assertThat(s.fleets()).hasSize(16);
        assertThat(s.systems()).containsExactly("wasimoff", "serverledge");
    }

    @Test
    void propertiesOverrideEveryValue() {
        Properties p = new Properties();
        p.setProperty("run-time", "1m");
        p.setProperty("users", "3");
        p.setProperty("systems", "reference");
        p.setProperty("tsp-n", "9");
        p.setProperty("fleets", "06x02c");
        RunSettings s = RunSettings.resolve(optimal, SettingValues.parse(p));
        assertThat(s.load().runTime()).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.load().users()).isEqualTo(3);
        assertThat(s.systems()).containsExactly("reference");
        assertThat(s.tspN()).containsExactly(9);
        assertThat(s.fleets()).extracting(Fleet::label).containsExactly("06x02c");
        assertThat(s.notes()).contains("users = 3 (from -Dusers)");
    }

    @Test
    void unknownFleetLabelListsTheValidOnes() {
        Properties p = new Properties();
        p.setProperty("fleets", "05x02c");
        assertThatThrownBy(() -> RunSettings.resolve(optimal, SettingValues.parse(p)))
                .hasMessageContaining("-Dfleets=05x02c: '05x02c' is not in this scenario").hasMessageContaining("02x02c, 04x02c");
    }

    @Test
    void unknownTestbedIsRefusedWithTheChoices() {
        Properties p = new Properties();
        p.setProperty("testbed", "aws");
        assertThatThrownBy(() -> RunSettings.resolve(optimal, SettingValues.parse(p)))
                .hasMessageStartingWith("-Dtestbed=aws: 'aws' is not one of embedded, docker, hetzner");
    }

    @Test
    void sweepRunsLargestFleetFirstAndProvisionsItsUnion() {
        Scenario dvg = ScenarioLoader.of(Path.of("scenarios")).load("david-v-goliath");
        Properties p = new Properties();
        p.setProperty("testbed", "hetzner");
        p.setProperty("hetzner.allow-from", "203.0.113.7/32");
        p.setProperty("hcloud.token.file", "~/.config/hcloud/token");
        RunSettings s = RunSettings.resolve(dvg, SettingValues.parse(p));
        List<ScenarioPoint> points = Sweep.points(dvg, s);
        assertThat(points).hasSize(2 * 6 * 2);
        assertThat(points.get(0).system()).isEqualTo("wasimoff");
        List<NodeSpec> nodes = Sweep.nodes(dvg, dvg.placements().get(0), s.fleets());
        // 1 ccx63, 4 ccx43 (max of 1 and 4), 2 ccx53, 8 ccx33, 16 ccx23, 32 ccx13, plus client and broker
        assertThat(nodes).hasSize(2 + 1 + 4 + 2 + 8 + 16 + 32);
        Fleet first = dvg.fleets().get(0);
        assertThat(Sweep.activeProviders(first, nodes.subList(2, nodes.size()), NodeSpec::type))
                .extracting(NodeSpec::name).containsExactly("provider-ccx63-01", "provider-ccx43-01");
    }

    @Test
    void repetitionsAreShuffledByTheSeedAndTheSameSeedGivesTheSameOrder() {
        RunSettings s = RunSettings.resolve(optimal, SettingValues.parse(new Properties()));
        List<ScenarioPoint> sweep = Sweep.points(optimal, s);
        List<ScenarioPoint> a = Sweep.ordered(sweep, 3, true, 42);
        assertThat(a).hasSize(3 * sweep.size()).isEqualTo(Sweep.ordered(sweep, 3, true, 42))
                .isNotEqualTo(Sweep.ordered(sweep, 3, true, 43));
        assertThat(a).filteredOn(p -> p.repetition() == 2).hasSize(sweep.size());
        assertThat(Sweep.ordered(sweep, 1, false, 42)).isEqualTo(sweep);
    }

    @Test
    void pointsOfUniformFleetsComeLargestFirst() {
        RunSettings s = RunSettings.resolve(optimal, SettingValues.parse(new Properties()));
        assertThat(Sweep.points(optimal, s)).extracting(pt -> pt.fleet().label()).startsWith("04x02c", "04x02c",
                "02x02c", "02x02c");
    }
}
