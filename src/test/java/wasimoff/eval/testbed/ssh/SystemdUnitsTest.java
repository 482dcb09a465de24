package wasimoff.eval.testbed.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wasimoff.eval.testbed.ShellServices;

/**
 * The systemd flavour of services on Debian servers, run here against stand-ins for systemd-run,
 * systemctl and journalctl that record their arguments (systemd is not PID 1 on this machine): the
 * words arrive intact through the shell's quoting.
 */
class SystemdUnitsTest {
    @TempDir
    Path tmp;
    Path calls;
    ShellServices units = new ShellServices.SystemdUnits("/root/wasimoff eval/broker");

    @BeforeEach
    void standIns() throws Exception {
        calls = tmp.resolve("calls");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        for (String tool : List.of("systemd-run", "systemctl", "journalctl")) {
            Path script = bin.resolve(tool);
            Files.writeString(script, "#!/bin/sh\n{ echo \"[" + tool + "]\"; printf '%s\\n' \"$@\"; }"
                    + " >> " + calls + "\n"
                    + "case \"$1\" in is-active) exit 3;; show) echo 143;; esac\n"
                    + "[ " + tool + " = journalctl ] && echo 'last line'\nexit 0\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private String sh(String line) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", line).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private String withStandIns(String line) {
        return "PATH=" + tmp.resolve("bin") + ":$PATH; " + line;
    }

    private List<List<String>> recorded() throws Exception {
        List<List<String>> all = new ArrayList<>();
        for (String line : Files.readAllLines(calls)) {
            if (line.startsWith("[")) {
                all.add(new ArrayList<>(List.of(line.substring(1, line.length() - 1))));
            } else {
                all.get(all.size() - 1).add(line);
            }
        }
        return all;
    }

    @Test
    void aServiceStartsAsATransientUnitWithItsWorkDirectoryEnvironmentAndStopSignal() throws Exception {
        sh(withStandIns(units.start("broker", List.of("/opt/bin/broker", "--name", "it's a test"),
                Map.of("GREETING", "hello world", "A", "1"), "INT")));

        assertThat(recorded()).containsExactly(
                List.of("systemctl", "reset-failed", "wasimoff-eval-broker"),
                List.of("systemd-run", "--quiet", "--unit=wasimoff-eval-broker",
                        "--working-directory=/root/wasimoff eval/broker", "--property=KillSignal=SIGINT",
                        "--property=TimeoutStopSec=10", "--setenv=A=1", "--setenv=GREETING=hello world", "--",
                        "/opt/bin/broker", "--name", "it's a test"));
    }

    @Test
    void itIsWatchedStoppedAndReadThroughSystemctlAndTheJournal() throws Exception {
        assertThat(sh(withStandIns(units.alive("broker")) + "; echo exit=$?")).isEqualTo("exit=3\n");
        assertThat(sh(withStandIns(units.exitStatus("broker")))).isEqualTo("143\n");
        assertThat(sh(withStandIns(units.log("broker", 40)))).isEqualTo("last line\n");
        assertThat(sh(withStandIns(units.stop("broker", "TERM")) + "; echo exit=$?")).isEqualTo("exit=0\n");

        assertThat(recorded()).containsExactly(
                List.of("systemctl", "is-active", "--quiet", "wasimoff-eval-broker"),
                List.of("systemctl", "is-active", "--quiet", "wasimoff-eval-broker"),
                List.of("systemctl", "show", "-p", "ExecMainStatus", "--value", "wasimoff-eval-broker"),
                List.of("journalctl", "-u", "wasimoff-eval-broker", "-n", "40", "--no-pager", "-o", "cat"),
                List.of("systemctl", "stop", "wasimoff-eval-broker"));
    }

    @Test
    void unitNamesKeepOnlyCharactersSystemdAllows() throws Exception {
        sh(withStandIns(units.alive("provider 1/x")));
        assertThat(recorded()).containsExactly(List.of("systemctl", "is-active", "--quiet", "wasimoff-eval-provider_1_x"));
    }

    @Test
    void theDetectionPicksSystemdOnlyWhereItRuns() throws Exception {
        String expected = Files.isDirectory(Path.of("/run/systemd/system")) ? "systemd\n" : "plain\n";
        assertThat(sh(ShellServices.detect())).isEqualTo(expected);
    }
}
