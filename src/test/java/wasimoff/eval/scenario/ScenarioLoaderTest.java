package wasimoff.eval.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScenarioLoaderTest {
    private static final Path PROJECT_SCENARIOS = Path.of("scenarios");

    @TempDir
    Path dir;

    @BeforeEach
    void copyCatalogue() throws IOException {
        Files.copy(PROJECT_SCENARIOS.resolve("catalogue.yaml"), dir.resolve("catalogue.yaml"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lots-of-small", "optimal", "badconn", "worstcase", "some-medium", "geospread",
            "david-v-goliath"})
    void everySeedScenarioLoadsWithTheSeedsLoad(String id) {
        Scenario s = ScenarioLoader.of(PROJECT_SCENARIOS).load(id);
        assertThat(s.id()).isEqualTo(id);
        assertThat(s.load()).isEqualTo(new LoadProfile(64, 4, Duration.ofSeconds(180)));
        assertThat(s.systems()).containsExactly("wasimoff", "serverledge");
        assertThat(s.tspN()).containsExactly(8, 10);
    }

    @Test
    void projectHasTheSevenSeedScenariosAndTheAdditionalEvaluations() {
        assertThat(ScenarioLoader.of(PROJECT_SCENARIOS).ids()).containsExactlyInAnyOrder("lots-of-small", "optimal",
                "badconn", "worstcase", "some-medium", "geospread", "david-v-goliath", "livescaling", "knee", "trace", "pingtest", "binaryformats",
                "faults");
    }

    @Test
    void liveScalingScheduleGrowsToEightAndShrinksAgain() {
        Scenario s = ScenarioLoader.of(PROJECT_SCENARIOS).load("livescaling");
        assertThat(s.schedule()).extracting(Scenario.Phase::providers).containsExactly(2, 4, 6, 8, 6, 4, 2);
        assertThat(s.schedule().get(1).at()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void faultsTimelineKillsCutsHealsAndRestartsInOrder() {
        Scenario s = ScenarioLoader.of(PROJECT_SCENARIOS).load("faults");
        assertThat(s.events()).extracting(FaultEvent::label)
                .containsExactly("kill-provider 1", "cut (blackhole)", "heal", "restart-broker");
        assertThat(s.placements().get(0).broker()).isNotEqualTo(s.placements().get(0).providers().get(0));
    }

    @Test
    void aHealWithoutACutIsRefused() throws IOException {
        Path file = write("optimal", valid() + "events: [{at: 5s, event: heal}]\n");
        assertThatThrownBy(() -> ScenarioLoader.of(dir).load(file))
                .hasMessageContaining("events[0]").hasMessageContaining("a heal without a cut before it");
    }

    @Test
    void anUnknownFaultEventListsTheValidOnes() throws IOException {
        Path file = write("optimal", valid() + "events: [{at: 5s, event: explode}]\n");
        assertThatThrownBy(() -> ScenarioLoader.of(dir).load(file))
                .hasMessageContaining("events[0].event")
                .hasMessageContaining("kill-provider, restart-broker, cut, heal");
    }

    @Test
    void anEventAfterTheRunTimeIsRefused() throws IOException {
        Path file = write("optimal", valid() + "events: [{at: 1h, event: restart-broker}]\n");
        assertThatThrownBy(() -> ScenarioLoader.of(dir).load(file))
                .hasMessageContaining("events[0].at").hasMessageContaining("not within the run time");
    }

    @Test
    void aScheduleBeyondTheLargestFleetIsRefused() throws IOException {
        Path file = write("optimal", valid().replace("2..32:2", "2..4:2")
                + "schedule: [{at: 0s, providers: 2}, {at: 10s, providers: 6}]\n");
        assertThatThrownBy(() -> ScenarioLoader.of(dir).load(file))
                .hasMessageContaining("schedule[1].providers")
                .hasMessageContaining("6 providers, but the largest fleet has 4");
    }

    @Test
    void lotsOfSmallSweepsSixteenFleetsOverFiveProviderLocations() {
        Scenario s = ScenarioLoader.of(PROJECT_SCENARIOS).load("lots-of-small");
        assertThat(s.fleets()).extracting(Fleet::label).hasSize(16).startsWith("02x02c", "04x02c").endsWith("32x02c");
        assertThat(s.placements()).extracting(Placement::label).containsExactly("nbg1-nbg1-nbg1",
                "nbg1-nbg1-fsn1", "nbg1-nbg1-hel1", "nbg1-nbg1-ash", "nbg1-nbg1-hil");
    }

    @Test
    void davidVGoliathFleetsAllHaveSixtyFourCores() {
        Scenario s = ScenarioLoader.of(PROJECT_SCENARIOS).load("david-v-goliath");
        assertThat(s.fleets()).extracting(Fleet::vcpus).containsOnly(64);
        assertThat(s.fleets()).extracting(Fleet::label).containsExactly("01x48c+01x16c", "02x32c", "04x16c",
                "08x08c", "16x04c", "32x02c");
    }

    @Test
    void geospreadPlacesProvidersRoundRobinOverFourLocations() {
        Scenario s = ScenarioLoader.of(PROJECT_SCENARIOS).load("geospread");
        Placement p = s.placements().get(0);
        assertThat(List.of(0, 1, 2, 3, 4)).extracting(i -> p.providerLocation(i).id())
                .containsExactly("fsn1", "hel1", "ash", "hil", "fsn1");
        assertThat(s.fleets()).extracting(Fleet::providers).containsExactly(4, 8, 16, 32);
    }

    @Test
    void unknownKeyNamesFileLineFieldAndValidKeys() throws IOException {
        Path file = write("optimal", valid().replace("load: {users: 64", "load: {user: 64"));
        assertThatThrownBy(() -> ScenarioLoader.of(dir).load(file))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining(file.toString() + ":4:")
                .hasMessageContaining("field 'load.user'")
                .hasMessageContaining("valid keys here are run-time, spawn-rate, users");
    }

    @Test
    void unknownServerTypeListsTheCatalogue() throws IOException {
        Path file = write("optimal", valid().replace("{count: \"2..32:2\", type: ccx13}", "{count: \"2..32:2\", type: ccx99}"));
        assertThatThrownBy(() -> ScenarioLoader.of(dir).load(file))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining(":8:")
                .hasMessageContaining("fleets[0].type")
                .hasMessageContaining("unknown server type 'ccx99'")
                .hasMessageContaining("ccx13, ccx23, ccx33");
    }

    @Test
    void unknownLocationListsTheValidLocations() throws IOException {
        Path file = write("optimal", valid().replace("providers: [nbg1]", "providers: [nbg9]"));
        assertThatThrownBy(() -> ScenarioLoader.of(dir).load(file))
                .hasMessageContaining(":10:")
                .hasMessageContaining("placements[0].providers[0]")
                .hasMessageContaining("valid locations are ash, fsn1, hel1, hil, nbg1");
    }

    @Test
    void malformedRangeIsExplained() throws IOException {
        Path file = write("optimal", valid().replace("2..32:2", "32..2:2"));
        assertThatThrownBy(() -> ScenarioLoader.of(dir).load(file))
                .hasMessageContaining(":8:")
                .hasMessageContaining("fleets[0].count")
                .hasMessageContaining("malformed range '32..2:2'");
    }

    @Test
    void badNumberIsNamed() throws IOException {
        Path file = write("optimal", valid().replace("users: 64", "users: lots"));
        assertThatThrownBy(() -> ScenarioLoader.of(dir).load(file))
                .hasMessageContaining(":4:")
                .hasMessageContaining("field 'load.users'")
                .hasMessageContaining("'lots' is not a whole number");
    }

    @Test
    void badRunTimeSaysHowToWriteOne() throws IOException {
        Path file = write("optimal", valid().replace("run-time: 180s", "run-time: soon"));
        assertThatThrownBy(() -> ScenarioLoader.of(dir).load(file))
                .hasMessageContaining("load.run-time")
                .hasMessageContaining("write e.g. 180s");
    }

    @Test
    void unknownSystemListsTheSystems() throws IOException {
        Path file = write("optimal", valid().replace("[wasimoff, serverledge]", "[wasimoff, openwhisk]"));
        assertThatThrownBy(() -> ScenarioLoader.of(dir).load(file))
                .hasMessageContaining(":3:")
                .hasMessageContaining("systems[1]")
                .hasMessageContaining("valid systems are reference, serverledge, wasimoff");
    }

    @Test
    void missingKeyIsNamed() throws IOException {
        Path file = write("optimal", valid().replace("tsp-n: [8, 10]\n", ""));
        assertThatThrownBy(() -> ScenarioLoader.of(dir).load(file))
                .hasMessageContaining("field 'tsp-n'")
                .hasMessageContaining("missing required key");
    }

    @Test
    void brokenYamlNamesTheLine() throws IOException {
        Path file = write("optimal", valid().replace("load: {users: 64,", "load: {users: 64,, ]"));
        assertThatThrownBy(() -> ScenarioLoader.of(dir).load(file))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining(":4:")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void serverledgeCpuVariantIsAScenarioOption() throws IOException {
        Path file = write("optimal", valid() + "serverledge-cpu: 1.0\n");
        assertThat(ScenarioLoader.of(dir).load(file).serverledgeCpu()).isEqualTo(1.0);
        assertThat(ScenarioLoader.of(PROJECT_SCENARIOS).load("optimal").serverledgeCpu()).isZero();
        Path bad = write("optimal", valid() + "serverledge-cpu: -1\n");
        assertThatThrownBy(() -> ScenarioLoader.of(dir).load(bad)).hasMessageContaining("field 'serverledge-cpu'")
                .hasMessageContaining("must be a positive number");
    }

    @Test
    void unknownScenarioIdListsTheValidIds() throws IOException {
        write("optimal", valid());
        assertThatThrownBy(() -> ScenarioLoader.of(dir).load("optimum"))
                .hasMessageContaining("no such scenario 'optimum'; valid ids are optimal");
    }

    private Path write(String id, String text) throws IOException {
        Path file = dir.resolve(id + ".yaml");
        Files.writeString(file, text);
        return file;
    }

    private static String valid() {
        return String.join("\n",
                "id: optimal",
                "description: test",
                "systems: [wasimoff, serverledge]",
                "load: {users: 64, spawn-rate: 4, run-time: 180s}",
                "tsp-n: [8, 10]",
                "client: {type: ccx23}",
                "broker: {type: ccx23}",
                "fleets: [{count: \"2..32:2\", type: ccx13}]",
                "placements:",
                "  - {name: nbg1, client: nbg1, broker: nbg1, providers: [nbg1]}",
                "");
    }
}
