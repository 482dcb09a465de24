package wasimoff.eval.testbed.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientKeyTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} key in {1} format")
    @CsvSource({"ecdsa, PEM", "rsa, RFC4716"}) // ed25519 in OpenSSH's format: KeysTest
    void aKeyFileTheUserNamesGivesTheSamePublicLineAsSshKeygen(String type, String format) throws Exception {
        Path file = tmp.resolve("id_" + type);
        SshKeygen.run("-q", "-t", type, "-m", format, "-N", "", "-C", "user@example", "-f", file.toString());

        ClientKey key = ClientKey.fromFile(file);

        assertThat(key.publicKeyLine()).isEqualTo(SshKeygen.fields(Files.readString(tmp.resolve("id_" + type + ".pub"))
                .trim(), 2));
        assertThat(key.isGenerated()).isFalse();
    }

    @Test
    void theSshKeyPropertyNamesTheFileOtherwiseAKeyIsGeneratedForTheRun() throws Exception {
        Path file = tmp.resolve("id_ed25519");
        SshKeygen.run("-q", "-t", "ed25519", "-N", "", "-f", file.toString());
        Properties named = new Properties();
        named.setProperty("ssh.key", file.toString());

        assertThat(ClientKey.from(named).isGenerated()).isFalse();
        assertThat(ClientKey.from(new Properties()).isGenerated()).isTrue();
        assertThat(ClientKey.from(new Properties()).publicKeyLine())
                .isNotEqualTo(ClientKey.from(new Properties()).publicKeyLine());
    }

    @Test
    void aTildeInTheSshKeyPropertyIsTheUsersHome() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path file = Files.createDirectories(home.resolve(".ssh")).resolve("id_ed25519");
        SshKeygen.run("-q", "-t", "ed25519", "-N", "", "-f", file.toString());
        Properties named = new Properties();
        named.setProperty("user.home", home.toString());
        named.setProperty("ssh.key", "~/.ssh/id_ed25519");

        ClientKey key = ClientKey.from(named);

        assertThat(key.isGenerated()).isFalse();
        assertThat(key.toString()).isEqualTo("client key " + file);
        assertThat(key.publicKeyLine()).isEqualTo(SshKeygen.fields(Files.readString(home.resolve(".ssh/id_ed25519.pub"))
                .trim(), 2));
    }

    @Test
    void noTextOfTheKeyShowsThePrivateKey() throws Exception {
        Path file = tmp.resolve("id_ed25519");
        SshKeygen.run("-q", "-t", "ed25519", "-N", "", "-f", file.toString());
        String secret = Files.readString(file).lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();

        ClientKey fromFile = ClientKey.fromFile(file);
        ClientKey generated = ClientKey.generate();

        assertThat(fromFile.toString()).contains(file.toString()).doesNotContain(secret);
        assertThat(generated.toString()).doesNotContain("PRIVATE").isEqualTo("client key generated for this run");
        assertThat(generated.publicKeyLine()).startsWith("ecdsa-sha2-nistp256 AAAA").doesNotContain("PRIVATE");
    }

    @Test
    void anUnreadableOrForeignFileIsRefusedNamingTheProperty() throws Exception {
        assertThatThrownBy(() -> ClientKey.fromFile(tmp.resolve("missing")))
                .hasMessageContaining("ssh.key").hasMessageContaining("missing");
        Path notAKey = Files.writeString(tmp.resolve("notes.txt"), "hello\n");
        assertThatThrownBy(() -> ClientKey.fromFile(notAKey))
                .hasMessageContaining("ssh.key").hasMessageContaining("notes.txt");
    }
}
