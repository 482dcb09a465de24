package wasimoff.eval.testbed.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wasimoff.eval.process.RunRecord;

/**
 * After {@code kill -9} of a run's JVM, the next start removes what that run left (its services'
 * whole process groups, its test hosts) and leaves a run that is still going alone.
 */
class KilledRunLeavesNothingTest {
    @TempDir
    Path work;

    @Test
    void aKilledRunsProcessGroupsAndTestHostsAreSweptAndALiveRunsAreNot() throws Exception {
        String why = NetworkNamespace.unavailableReason();
        assumeTrue(why == null, why);
        Process killed = start("killed");
        Process alive = start("alive");
        try {
            String[] dead = ready(killed);
            String[] live = ready(alive);
            long deadGroup = Long.parseLong(dead[1]);
            long liveGroup = Long.parseLong(live[1]);
            killed.destroyForcibly().waitFor();

            assertThat(RunRecord.groupAlive(deadGroup)).as("orphaned by the kill").isTrue();
            List<String> swept = RunRecord.sweepDeadRuns(System.out::println);
            NetworkNamespace.sweepLeftovers();

            assertThat(swept).anySatisfy(s -> assertThat(s).contains("process group " + deadGroup));
            await().atMost(Duration.ofSeconds(10)).until(() -> !RunRecord.groupAlive(deadGroup));
            assertThat(sh("ip netns list")).doesNotContain(dead[2]).contains(live[2]);
            assertThat(RunRecord.groupAlive(liveGroup)).as("a live run keeps its services").isTrue();
        } finally {
            alive.destroy();
            alive.waitFor();
            killed.destroyForcibly();
        }
        // the live run ended normally: its services went with its shutdown hooks; the test host it never
        // closed goes with the next sweep, its JVM being gone now
        await().atMost(Duration.ofSeconds(15)).until(() -> !sh("ps -eo args").contains("sleep 600"));
        NetworkNamespace.sweepLeftovers();
        assertThat(sh("ip netns list")).doesNotContain("-" + alive.pid());
    }

    private Process start(String name) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LeaveBehind.class.getName(),
                work.resolve(name).toString()).redirectErrorStream(true).start();
    }

    private static String[] ready(Process p) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()));
        for (String line; (line = r.readLine()) != null; ) {
            if (line.startsWith("ready ")) {
                return line.split(" ");
            }
        }
        throw new AssertionError("the run ended before it was ready");
    }

    private static String sh(String script) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }
}
