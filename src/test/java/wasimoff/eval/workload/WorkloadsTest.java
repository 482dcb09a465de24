package wasimoff.eval.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wasimoff.eval.install.InstallContext;
import wasimoff.eval.install.InstalledBinaries;

class WorkloadsTest {
    @TempDir
    Path dir;

    private InstallContext context(Path project, Properties settings) {
        return new InstallContext(new InstalledBinaries(dir.resolve("cache")), settings, Map.of(), project, line -> { });
    }

    @Test
    void unsetTheSeedProgramIsTheDefaultWhereThePinnedSourceIsBesideTheProject() {
        InstallContext here = context(Path.of("").toAbsolutePath(), new Properties());
        Optional<String> noSource = Workloads.seedUnavailable(here);
        assertThat(Workloads.kind(null, here)).isEqualTo(noSource.isEmpty() ? Workload.SEED_TSP : Workload.OWN_TSP);
    }

    @Test
    void withoutThePinnedSourceTheDefaultIsOurProgramLabelledWithTheReason() {
        InstallContext nowhere = context(dir.resolve("project"), new Properties());
        assertThat(Workloads.kind("", nowhere)).isEqualTo(Workload.OWN_TSP);
        Workload w = Workloads.resolve(null, nowhere);
        assertThat(w.kind()).isEqualTo(Workload.OWN_TSP);
        assertThat(w.label()).startsWith("own-tsp (default: the pinned Wasimoff source is not available");
        assertThat(Workloads.requirements(null, nowhere)).isEmpty();
    }

    @Test
    void anUnknownKindIsRefusedNamingTheValidOnes() {
        assertThatThrownBy(() -> Workloads.kind("tsp", context(dir, new Properties())))
                .hasMessageContaining("seed-tsp").hasMessageContaining("own-tsp");
    }

    @Test
    void theSeedProgramAskedForButNotBuiltFailsWithTheCommandThatBuildsIt() {
        Properties settings = new Properties();
        settings.setProperty("wasimoff.src", "/work/shared/third-party/wasimoff");
        assertThatThrownBy(() -> Workloads.resolve("seed-tsp", context(dir, settings)))
                .hasMessageContaining("is not built").hasMessageContaining("mvn -Pinstall");
    }

    @Test
    void ourProgramSendsRandNAndIsJudgedByTheChecksOfBefore() {
        Workload own = Workloads.own();
        assertThat(own.xArgs(10)).isEqualTo("rand 10");
        assertThat(own.responseCheck(ResponseChecks.WASIMOFF_RUN)).isEqualTo(ResponseChecks.WASIMOFF_RUN);
        assertThat(own.responseCheck(ResponseChecks.SERVERLEDGE_INVOKE)).isEqualTo(ResponseChecks.SERVERLEDGE_INVOKE);
        assertThat(own.moduleSha256()).matches("[0-9a-f]{64}");
    }
}
