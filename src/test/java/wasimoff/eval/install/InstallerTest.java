package wasimoff.eval.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallerTest {
    @TempDir
    Path cache;
    @TempDir
    Path elsewhere;
    private final List<String> progress = new ArrayList<>();

    @Test
    void withInstallingOffAMissingBrokerIsReportedWithTheCommandThatInstallsIt() {
        var unmet = installer(new Properties(), Path.of(""), false).ensure(Map.of("wasimoff", List.of(new WasimoffBroker())));
        assertThat(unmet).containsOnlyKeys("wasimoff");
        Installer.Unmet u = unmet.get("wasimoff");
        assertThat(u.reasons()).singleElement().asString().contains("wasimoff-broker is not built").contains("-Dinstall=off");
        assertThat(u.command()).startsWith("mvn -Pinstall -Dsystems=wasimoff");
        assertThat(u.attemptFailed()).isFalse();
        assertThat(cache.resolve("bin/wasimoff-broker")).doesNotExist();
    }

    @Test
    void installIsOnOrOffAndNothingElse() {
        assertThat(Installer.parseInstall(null)).isTrue();
        assertThat(Installer.parseInstall("on")).isTrue();
        assertThat(Installer.parseInstall("OFF")).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Installer.parseInstall("no"))
                .hasMessage("-Dinstall=no is not valid; valid: on, off");
    }

    @Test
    void theBrokerIsBuiltFromThePinnedTreeWhenTheProxyRefusesItAndASecondRunBuildsNothing() throws Exception {
        assumeTrue(GoToolchain.unusable().isEmpty(), () -> GoToolchain.unusable().get());
        var unmet = installer(new Properties(), Path.of(""), true).ensure(Map.of("wasimoff", List.of(new WasimoffBroker())));
        assertThat(unmet).as(String.join("\n", progress)).isEmpty();
        Path broker = cache.resolve("bin/wasimoff-broker");
        assertThat(Arrays.copyOf(Files.readAllBytes(broker), 4)).containsExactly(0x7f, 'E', 'L', 'F');
        Map<String, String> versions = new InstalledBinaries(cache).versions();
        assertThat(versions).containsEntry(WasimoffBroker.COMMIT_KEY, Pins.WASIMOFF_COMMIT)
                .containsEntry("wasimoff.broker.version", Pins.WASIMOFF_BROKER_VERSION);
        assertThat(versions.get(WasimoffBroker.SOURCE_KEY)).matches("proxy|tree:[0-9a-f]{12}");
        assertThat(progress).anyMatch(l -> l.contains("trying the Go module proxy"));
        assertThat(cache.resolve("build")).isEmptyDirectory();

        FileTime built = Files.getLastModifiedTime(broker);
        progress.clear();
        assertThat(installer(new Properties(), Path.of(""), true).ensure(Map.of("wasimoff", List.of(new WasimoffBroker()))))
                .isEmpty();
        assertThat(Files.getLastModifiedTime(broker)).isEqualTo(built);
        assertThat(progress).singleElement().asString().contains("everything needed was in place");
    }

    @Test
    void whenNoSourceIsAtThePinEveryAttemptIsNamedAndNothingIsInstalled() throws IOException {
        assumeTrue(GoToolchain.unusable().isEmpty(), () -> GoToolchain.unusable().get());
        Path tree = elsewhere.resolve("tree");
        Files.createDirectories(tree.resolve("broker"));
        Files.writeString(tree.resolve("PROVENANCE.md"), "Commit: `0123456789abcdef0123456789abcdef01234567`\n");
        Properties settings = new Properties();
        settings.setProperty(WasimoffSource.SRC, tree.toString());
        settings.setProperty(WasimoffSource.GIT_URL, elsewhere.resolve("no-such-repository").toUri().toString());
        var unmet = installer(settings, elsewhere, true).ensure(Map.of("wasimoff", List.of(new WasimoffBroker())));
        Installer.Unmet u = unmet.get("wasimoff");
        assertThat(u.attemptFailed()).isTrue();
        assertThat(u.describe()).contains("proxy: ").contains("tree: the Wasimoff tree " + tree)
                .contains("0123456789abcdef0123456789abcdef01234567").contains(Pins.WASIMOFF_COMMIT).contains("git: ");
        assertThat(cache.resolve("bin/wasimoff-broker")).doesNotExist();
        assertThat(progress.get(progress.size() - 1)).contains("still missing for wasimoff");
    }

    private Installer installer(Properties settings, Path project, boolean installing) {
        return new Installer(new InstallContext(new InstalledBinaries(cache), settings, Map.of(), project,
                line -> {
                    progress.add(line);
                    System.out.println(line);
                }), installing);
    }
}
