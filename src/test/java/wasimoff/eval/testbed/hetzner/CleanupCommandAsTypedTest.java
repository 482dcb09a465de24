package wasimoff.eval.testbed.hetzner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's cleanup command as users type it, {@code mvn -Pcleanup -Drun-id=<id> [-Ddry-run=true]},
 * run by Maven against the fake Hetzner API on loopback (reached through the documented
 * {@code -Dhetzner.api-url} and {@code -Dhcloud.token.file}).
 */
class CleanupCommandAsTypedTest {
    @TempDir
    Path tmp;

    @Test
    void aDryRunListsTheRunsServersAndTheCommandThenDeletesThemAndNothingElse() throws Exception {
        try (FakeHetzner fake = new FakeHetzner()) {
            long mine = fake.addRunServer("provider-ccx13-01", "run-a", "ccx13", "nbg1");
            long other = fake.addRunServer("provider-ccx13-01", "run-b", "ccx13", "nbg1");
            long foreign = fake.addForeignServer("someone-elses");
            Path token = Files.writeString(tmp.resolve("token"), FakeHetzner.TOKEN);
            Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));

            Result dry = mvn(fake, token, "-Drun-id=run-a", "-Ddry-run=true");
            assertThat(dry.exit()).as(dry.output()).isZero();
            assertThat(dry.output()).contains("dry run: 1 servers").contains("provider-ccx13-01");
            assertThat(fake.servers).containsKeys(mine, other, foreign);

            Result yes = mvn(fake, token, "-Drun-id=run-a", "-Ddry-run=yes");
            assertThat(yes.exit()).isNotZero();
            assertThat(yes.output()).contains("-Ddry-run=yes").contains("true and false");
            assertThat(fake.servers).containsKeys(mine, other, foreign);

            Result real = mvn(fake, token, "-Drun-id=run-a");
            assertThat(real.exit()).as(real.output()).isZero();
            assertThat(fake.servers.keySet()).containsOnly(other, foreign);
            assertThat(dry.output() + yes.output() + real.output()).doesNotContain(FakeHetzner.TOKEN);
        }
    }

    private record Result(int exit, String output) {
    }

    private Result mvn(FakeHetzner fake, Path token, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q", "-Pcleanup",
                "-Dhetzner.api-url=" + fake.url(), "-Dhcloud.token.file=" + token));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Result(p.exitValue(), out);
    }
}
