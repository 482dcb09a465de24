package wasimoff.eval.testbed.hetzner;

import wasimoff.eval.cli.HarnessMain;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import wasimoff.eval.junit.ScenarioSession;

class KilledRunCleanupTest {
    @TempDir
    Path tmp;

    @Test
    void theCleanupCommandDeletesEveryServerOfARunKilledWhileProvisioningAndNeverPrintsTheToken() throws Exception {
        try (FakeHetzner fake = new FakeHetzner()) {
            long foreign = fake.addForeignServer("someone-elses-server");
            fake.createDelayMillis = 500;
            Process run = java(ProvisionUntilKilled.class.getName(), List.of(fake.url(), "30"), "provision");
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> fake.servers.size() >= 4 || !run.isAlive());
            run.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            // a create request already sent completes on the API's side, as on Hetzner's
            Thread.sleep(3 * fake.createDelayMillis);
            int leaked = fake.servers.size() - 1;
            // a SIGKILL runs no shutdown hook: the servers created so far are left behind
            assertThat(leaked).as("servers created before the kill, of 32").isBetween(4, 31);
            assertThat(fake.sshKeys).hasSize(1);
            assertThat(fake.firewalls).hasSize(1);
            fake.createDelayMillis = 0;

            Process dry = java(HarnessMain.class.getName(), List.of("cleanup", "--all", "--dry-run",
                    "-Dhetzner.api-url=" + fake.url()), "dry-run");
            assertThat(dry.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(dry.exitValue()).isZero();
            assertThat(fake.servers.size()).isEqualTo(leaked + 1);
            assertThat(Files.readString(tmp.resolve("dry-run.log")))
                    .contains("dry run: " + leaked + " servers, 1 firewalls, 1 SSH keys match 'wasimoff-eval'");

            Process sweep = java(HarnessMain.class.getName(), List.of("cleanup", "--all", "-Dhetzner.api-url=" + fake.url()),
                    "cleanup");
            assertThat(sweep.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(sweep.exitValue()).as(Files.readString(tmp.resolve("cleanup.log"))).isZero();

            assertThat(fake.servers.keySet()).containsOnly(foreign);
            assertThat(fake.firewalls).isEmpty();
            assertThat(fake.sshKeys).isEmpty();
            assertThat(Files.readString(tmp.resolve("provision.log"))).contains("mvn -Pcleanup -Drun-id=");
            assertThat(filesContaining(FakeHetzner.TOKEN)).isEmpty();
        }
    }

    @Test
    void withoutATokenTheHetznerTestbedFailsAtOnceSayingWhatToSet() {
        Assumptions.assumeTrue(System.getenv("HCLOUD_TOKEN") == null, "HCLOUD_TOKEN is set in this environment");
        Properties p = new Properties();
        p.setProperty("testbed", "hetzner");
        p.setProperty("hetzner.allow-from", "203.0.113.7/32");

        long t0 = System.nanoTime();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ScenarioSession.open("optimal", p))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("-Dtestbed=hetzner")
                .hasMessageContaining("HCLOUD_TOKEN")
                .hasMessageContaining("hcloud.token.file");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }

    /** Starts {@code main} in a JVM of its own with this class path and the fake's token in the environment. */
    private Process java(String main, List<String> args, String log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        args.stream().filter(a -> a.startsWith("-D")).forEach(command::add);
        command.add(main);
        args.stream().filter(a -> !a.startsWith("-D")).forEach(command::add);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve(log + ".log").toFile()).directory(tmp.toFile());
        pb.environment().put("HCLOUD_TOKEN", FakeHetzner.TOKEN);
        return pb.start();
    }

    /** Every file under the run's directory (logs, the testbed's work files) holding {@code secret}. */
    private List<Path> filesContaining(String secret) throws IOException {
        try (Stream<Path> files = Files.walk(tmp)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1)
                            .contains(secret);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
