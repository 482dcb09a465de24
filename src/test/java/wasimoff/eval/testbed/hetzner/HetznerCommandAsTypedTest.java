package wasimoff.eval.testbed.hetzner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wasimoff.eval.testbed.docker.DockerEngine;
import wasimoff.eval.testbed.embedded.NetworkNamespace;

/**
 * The README's Hetzner command as users type it,
 * {@code mvn verify -Pscenario=optimal -Dtestbed=hetzner -Dhetzner.allow-from=... }, pointed through
 * the documented {@code -Dhetzner.api-url} and {@code -Dhcloud.token.file} at the fake Hetzner API on
 * loopback whose servers really run (sshd in test hosts of their own): it provisions, sets the
 * servers up, runs the point from the client server, brings the results back and deletes every server.
 */
class HetznerCommandAsTypedTest {
    @TempDir
    Path tmp;

    @Test
    void theReadmesHetznerCommandProvisionsRunsAndDeletesEverything() throws Exception {
        String why = NetworkNamespace.unavailableReason();
        assumeTrue(why == null, why);
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/sshd")), "no sshd: install Debian's openssh-server");
        DockerEngine docker;
        try {
            // what a provider server's docker.io runs; these servers share this machine's
            docker = DockerEngine.start(tmp.resolve("docker"));
        } catch (java.io.IOException e) {
            assumeTrue(false, "no Docker engine: " + e.getMessage());
            return;
        }
        try (docker; FakeHetzner fake = new FakeHetzner(); SshdHosting hosting = new SshdHosting(tmp.resolve("servers"))) {
            fake.hosting = hosting;
            Path token = Files.writeString(tmp.resolve("token"), FakeHetzner.TOKEN);
            Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
            List<String> command = new ArrayList<>(List.of("mvn", "-B", "verify", "-Pscenario=optimal",
                    "-Dtestbed=hetzner", "-Dhetzner.allow-from=203.0.113.7/32",
                    "-Dhetzner.api-url=" + fake.url(), "-Dhcloud.token.file=" + token,
                    // a short point of our own system: the path, not the figure, is under test
                    "-Dsystems=reference", "-Dfleets=02x02c", "-Dtsp-n=8", "-Drun-time=4s", "-Dusers=4",
                    "-Dspawn-rate=4", "-Dworkload=own-tsp", "-Dresults.dir=" + tmp.resolve("results"),
                    "-Dallure.results.directory=" + tmp.resolve("allure")));
            Process mvn = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("mvn.log").toFile()).start();
            boolean ended = mvn.waitFor(15, TimeUnit.MINUTES);
            String log = Files.readString(tmp.resolve("mvn.log"));
            // kept where a user looks after a failure: the temporary directory goes with the test
            Files.writeString(Path.of("target", "hetzner-command-as-typed.log"), log);
            assertThat(ended).as("mvn ended").isTrue();
            assertThat(mvn.exitValue()).as("mvn's exit status; its output: target/hetzner-command-as-typed.log")
                    .isZero();
            assertThat(log).contains("cost estimate").contains("Tests run: 1, Failures: 0, Errors: 0")
                    .doesNotContain(FakeHetzner.TOKEN);
            try (Stream<Path> files = Files.walk(tmp.resolve("results"))) {
                Path params = files.filter(f -> f.getFileName().toString().equals("parameters.json")).findFirst()
                        .orElseThrow();
                assertThat(Files.readString(params)).contains("\"testbed\" : \"hetzner\"")
                        .contains("\"wan emulation\" : \"none (real network)\"");
                assertThat(params.resolveSibling("locust_stats.csv")).isRegularFile();
            }
            assertThat(fake.createdServerBodies).hasSize(4);
            assertThat(fake.servers).isEmpty();
            assertThat(fake.firewalls).isEmpty();
            assertThat(fake.sshKeys).isEmpty();
            assertThat(hosting.anyRunning()).isFalse();
        }
    }
}
