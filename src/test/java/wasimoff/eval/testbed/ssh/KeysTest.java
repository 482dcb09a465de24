package wasimoff.eval.testbed.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our key material as OpenSSH's own ssh-keygen reads it. */
class KeysTest {
    @TempDir
    Path tmp;

    @Test
    void sshKeygenDerivesTheSamePublicLineAndFingerprintFromOurPrivateHostKey() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh-keygen")), "no ssh-keygen (openssh-client)");
        HostKey key = HostKey.generate();
        Path file = tmp.resolve("host_key");
        Files.writeString(file, key.privateKeyPem());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        String publicLine = run("ssh-keygen", "-y", "-f", file.toString());
        Files.writeString(tmp.resolve("host_key.pub"), publicLine);
        String fingerprint = run("ssh-keygen", "-l", "-E", "sha256", "-f", tmp.resolve("host_key.pub").toString());

        assertThat(publicLine.strip()).isEqualTo(key.publicKeyLine());
        assertThat(fingerprint).contains(key.fingerprint());
        assertThat(key.toString()).doesNotContain("PRIVATE").contains(key.fingerprint());
    }

    @Test
    void aUserKeyFileWrittenBySshKeygenIsReadAndNamedByItsPublicLine() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh-keygen")), "no ssh-keygen (openssh-client)");
        Path file = tmp.resolve("id_ed25519");
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", file.toString());

        ClientKey key = ClientKey.fromFile(file);

        assertThat(key.publicKeyLine()).isEqualTo(Files.readString(tmp.resolve("id_ed25519.pub")).split(" ")[0]
                + " " + Files.readString(tmp.resolve("id_ed25519.pub")).split(" ")[1]);
        assertThat(key.isGenerated()).isFalse();
        assertThat(key.toString()).doesNotContain("PRIVATE");
    }

    @Test
    void everyServerGetsAHostKeyOfItsOwnInTheTypeCloudInitNames() {
        assertThat(HostKey.generate().fingerprint()).isNotEqualTo(HostKey.generate().fingerprint());
        assertThat(HostKey.CLOUD_INIT_TYPE + "_private").isEqualTo("ecdsa_private");
        assertThat(HostKey.generate().publicKeyLine()).startsWith("ecdsa-sha2-nistp256 AAAA");
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
