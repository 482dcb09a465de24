package wasimoff.eval.testbed.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Test hosts of concurrent and of killed runs: never shared, and swept only when their run is gone. */
class NetworkNamespaceTest {
    @BeforeEach
    void namespacesCanBeMade() {
        String why = NetworkNamespace.unavailableReason();
        assumeTrue(why == null, why);
    }

    @Test
    void aSubnetHeldByAnotherLiveRunIsSkippedAndADeadRunsLeftoversAreSwept() throws Exception {
        long livePid = ProcessHandle.current().parent().orElseThrow().pid();
        long deadPid = deadPid();
        NetworkNamespace.sweepLeftovers();
        // another run, still alive, holds subnets 10..40 and 240; a killed run left subnet 241 behind
        for (int k = 10; k <= 40; k++) {
            leftover(k, livePid);
        }
        leftover(240, livePid);
        leftover(241, deadPid);
        try {
            NetworkNamespace.sweepLeftovers();
            assertThat(sh("ip netns list")).contains("wev-ns240-" + livePid).doesNotContain("wev-ns241-" + deadPid);
            assertThat(sh("ip -o link show")).contains("wev240h").doesNotContain("wev241h");
            try (NetworkNamespace mine = NetworkNamespace.create()) {
                assertThat(mine.name()).endsWith("-" + ProcessHandle.current().pid());
                int subnet = Integer.parseInt(mine.address().split("\\.")[2]);
                assertThat(subnet).as("a subnet no other run holds").isGreaterThan(40).isNotEqualTo(240);
                NetworkNamespace.sweepLeftovers();
                assertThat(sh("ip netns list")).as("a live run's namespace survives a sweep").contains(mine.name());
            }
        } finally {
            sh("for k in $(seq 10 40); do ip link del wev${k}h; ip netns del wev-ns$k-" + livePid + "; done 2>/dev/null;"
                    + " ip netns del wev-ns240-" + livePid + "; ip link del wev240h; ip netns del wev-ns241-" + deadPid
                    + "; ip link del wev241h; true");
        }
    }

    private static void leftover(int k, long pid) throws Exception {
        sh("ip link add wev" + k + "h type veth peer name wev" + k + "n && ip netns add wev-ns" + k + "-" + pid
                + " && ip link set wev" + k + "n netns wev-ns" + k + "-" + pid);
    }

    /** The pid of a process that has ended. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    private static String sh(String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }
}
