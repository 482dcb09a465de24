package wasimoff.eval.testbed.hetzner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import wasimoff.eval.testbed.hetzner.api.HetznerToken;

/** The cleanup command against the fake API: what it refuses, what it deletes, and that it lists first. */
class HetznerCleanupTest {
    private FakeHetzner fake;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private long foreign;
    private long runA;
    private long runB;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeHetzner();
        foreign = fake.addForeignServer("someone-elses-server");
        runA = fake.addRunServer("we-run-a-client", "run-a", "ccx13", "nbg1");
        runB = fake.addRunServer("we-run-b-client", "run-b", "ccx23", "hel1");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private Properties props(String... keyValues) {
        Properties p = new Properties();
        p.setProperty(HetznerSettings.API_URL, fake.url());
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    private int cleanup(Properties p, String... args) {
        return HetznerCleanup.run(args, p, () -> HetznerToken.of(FakeHetzner.TOKEN),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "no", "", "on", "truee"})
    void aDryRunValueOtherThanTrueOrFalseIsRefusedNamingKeyValueAndValidValuesBeforeAnyApiCall(String value) {
        int status = cleanup(props("dry-run", value, "run-id", "run-a"));

        assertThat(status).isEqualTo(2);
        assertThat(errors()).contains("-Ddry-run=" + value + " is not a boolean").contains("true and false");
        assertThat(fake.requests).isEmpty();
        assertThat(fake.servers).containsKeys(foreign, runA, runB);
    }

    @Test
    void anAllValueOtherThanTrueOrFalseIsRefusedBeforeAnyApiCall() {
        assertThat(cleanup(props("all", "yes"))).isEqualTo(2);
        assertThat(errors()).contains("-Dall=yes is not a boolean; valid values are true and false");
        assertThat(fake.requests).isEmpty();
    }

    @Test
    void booleansAreTrueOrFalseInAnyCase() {
        assertThat(HetznerCleanup.parse(new String[0], props("run-id", "run-a", "dry-run", "TRUE")).dryRun()).isTrue();
        assertThat(HetznerCleanup.parse(new String[0], props("run-id", "run-a", "dry-run", "False")).dryRun())
                .isFalse();
        assertThat(HetznerCleanup.parse(new String[0], props("all", "True")).selector()).isEqualTo("wasimoff-eval");
    }

    @Test
    void aDryRunWithTrueListsButDeletesNothing() {
        assertThat(cleanup(props("dry-run", "true", "all", "true"))).isZero();

        assertThat(fake.servers).containsKeys(foreign, runA, runB);
        assertThat(fake.requests).noneMatch(r -> r.startsWith("DELETE"));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("dry run: 2 servers, 0 firewalls, 0 SSH keys");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void anEmptyRunIdIsRefusedAsPerhapsAnUnsetShellVariable(String empty) {
        int status = cleanup(props("run-id", empty));

        assertThat(status).isEqualTo(2);
        assertThat(errors()).contains("run id is empty").contains("unset shell variable").contains("-Dall=true");
        assertThat(fake.requests).isEmpty();
        assertThat(fake.servers).containsKeys(foreign, runA, runB);
    }

    @Test
    void anEmptyRunIdArgumentIsRefusedLikeTheProperty() {
        assertThat(cleanup(props(), "cleanup", "--run-id", "")).isEqualTo(2);
        assertThat(errors()).contains("run id is empty");
        assertThat(fake.requests).isEmpty();
    }

    @Test
    void neitherRunIdNorAllIsRefusedNamingBothChoices() {
        int status = cleanup(props(), "cleanup");

        assertThat(status).isEqualTo(2);
        assertThat(errors()).contains("-Drun-id=<id>").contains("--run-id <id>").contains("-Dall=true")
                .contains("--all");
        assertThat(fake.requests).isEmpty();
        assertThat(fake.servers).containsKeys(foreign, runA, runB);
    }

    @Test
    void aRunIdTogetherWithAllIsRefused() {
        assertThat(cleanup(props("run-id", "run-a"), "cleanup", "--all")).isEqualTo(2);
        assertThat(errors()).contains("contradict");
        assertThat(fake.requests).isEmpty();
    }

    @Test
    void aRunIdThatWouldWidenTheLabelSelectorIsRefused() {
        assertThat(cleanup(props("run-id", "run-a,!wasimoff-eval-role"))).isEqualTo(2);
        assertThat(errors()).contains("is not a run id");
        assertThat(fake.requests).isEmpty();
    }

    @Test
    void aRunIdDeletesOnlyThatRun() {
        assertThat(cleanup(props("run-id", "run-a"))).isZero();

        assertThat(fake.servers).containsOnlyKeys(foreign, runB);
    }

    @Test
    void allTrueDeletesEveryRunButNothingWithoutTheHarnessLabel() {
        assertThat(cleanup(props("all", "true"))).isZero();
        assertThat(fake.servers).containsOnlyKeys(foreign);

        runA = fake.addRunServer("we-run-a-client", "run-a", "ccx13", "nbg1");
        assertThat(cleanup(props(), "cleanup", "--all")).isZero();
        assertThat(fake.servers).containsOnlyKeys(foreign);
    }

    @Test
    void everyDeletionIsListedWithCountsBeforeTheFirstDeleteRequest() {
        // the console's lines go into the fake's request log, so one list holds the true order of both
        OutputStream console = new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
                if (b == '\n') {
                    fake.requests.add("out: " + line.toString(StandardCharsets.UTF_8));
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        };
        int status = HetznerCleanup.run(new String[] {"cleanup", "--all"}, props(),
                () -> HetznerToken.of(FakeHetzner.TOKEN), new PrintStream(console, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isZero();
        List<String> events = List.copyOf(fake.requests);
        int firstDelete = indexOf(events, "DELETE ");
        assertThat(firstDelete).as("a delete request was sent: %s", events).isPositive();
        List<String> before = events.subList(0, firstDelete);
        assertThat(before).contains("out: [cleanup] deleting: 2 servers, 0 firewalls, 0 SSH keys match"
                + " 'wasimoff-eval'");
        assertThat(before).anyMatch(e -> e.startsWith("out: [cleanup]   server we-run-a-client (id " + runA
                + ", ccx13 @ nbg1, run run-a)"));
        assertThat(before).anyMatch(e -> e.startsWith("out: [cleanup]   server we-run-b-client (id " + runB
                + ", ccx23 @ hel1, run run-b)"));
        assertThat(events.subList(firstDelete, events.size())).noneMatch(e -> e.startsWith("out: [cleanup]   "));
        assertThat(fake.servers).containsOnlyKeys(foreign);
    }

    @Test
    void unknownArgumentsAreRefusedWithTheUsage() {
        assertThatThrownBy(() -> HetznerCleanup.parse(new String[] {"cleanup", "--yes"}, props()))
                .hasMessageContaining("unknown argument '--yes'").hasMessageContaining("--run-id ID | --all");
    }

    private static int indexOf(List<String> events, String prefix) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
