package wasimoff.eval.testbed.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostKeyTest {
    @TempDir
    Path tmp;

    @Test
    void sshKeygenReadsThePrivateKeyTextAndDerivesTheSamePublicLine() throws Exception {
        // cloud-init derives a missing *_public with ssh-keygen -y; sshd loads the same file as HostKey
        HostKey key = HostKey.generate();
        Path file = tmp.resolve("ssh_host_ecdsa_key");
        Files.writeString(file, key.privateKeyPem());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        String derived = SshKeygen.run("-y", "-f", file.toString()).trim();

        assertThat(key.publicKeyLine()).startsWith("ecdsa-sha2-nistp256 AAAA");
        assertThat(fields(derived, 2)).isEqualTo(key.publicKeyLine());
    }

    @Test
    void theFingerprintIsTheOneSshKeygenShows() throws Exception {
        HostKey key = HostKey.generate();
        Path pub = tmp.resolve("key.pub");
        Files.writeString(pub, key.publicKeyLine() + " host\n");

        String listed = SshKeygen.run("-l", "-E", "sha256", "-f", pub.toString());

        assertThat(key.fingerprint()).startsWith("SHA256:");
        assertThat(listed.split(" ")[1]).isEqualTo(key.fingerprint());
    }

    @Test
    void everyServerGetsItsOwnKey() {
        assertThat(HostKey.generate().fingerprint()).isNotEqualTo(HostKey.generate().fingerprint());
    }

    @Test
    void theKeyTypeMatchesCloudInitsName() {
        assertThat(HostKey.CLOUD_INIT_TYPE + "_private").isEqualTo("ecdsa_private");
        assertThat(HostKey.generate().toString()).doesNotContain("PRIVATE");
    }

    static String fields(String line, int count) {
        String[] parts = line.split(" ");
        return String.join(" ", java.util.Arrays.copyOf(parts, Math.min(count, parts.length)));
    }
}
