package wasimoff.eval.testbed.hetzner.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HetznerTokenTest {

    private static final String SECRET = MockHetzner.TOKEN;

    @TempDir
    Path dir;

    @Test
    void toStringNeverRevealsTheToken() {
        HetznerToken token = HetznerToken.of(SECRET);

        assertThat(token.toString()).isEqualTo("HetznerToken[****]");
        assertThat(token.toString()).doesNotContain(SECRET.substring(SECRET.length() - 4));
        assertThat(token.secret()).isEqualTo(SECRET);
    }

    @Test
    void tokenIsReadFromHcloudTokenEnvironmentVariable() {
        Optional<HetznerToken> token = HetznerToken.find(Map.of("HCLOUD_TOKEN", SECRET)::get, Map.<String, String>of()::get);

        assertThat(token).map(HetznerToken::secret).contains(SECRET);
    }

    @Test
    void tokenFileNamedBySystemPropertyIsReadAndTrimmedAndWinsOverTheEnvironment() throws IOException {
        Path file = privateFile("token", SECRET + "\n");

        Optional<HetznerToken> token = HetznerToken.find(Map.of("HCLOUD_TOKEN", "other-token")::get,
                Map.of("hcloud.token.file", file.toString())::get);

        assertThat(token).map(HetznerToken::secret).contains(SECRET);
    }

    @Test
    void missingTokenFailsWithAMessageSayingWhatToSet() {
        assertThat(HetznerToken.find(Map.<String, String>of()::get, Map.<String, String>of()::get)).isEmpty();
        // fromEnvironment reads the real environment; only check it when the developer has no token set
        if (HetznerToken.findInEnvironment().isEmpty()) {
            assertThatThrownBy(HetznerToken::fromEnvironment)
                    .isInstanceOf(MissingHetznerTokenException.class)
                    .hasMessageContaining("HCLOUD_TOKEN")
                    .hasMessageContaining("hcloud.token.file");
        }
    }

    @Test
    void unreadableTokenFileFailsNamingThePropertyAndPath() {
        Path missing = dir.resolve("no-such-file");

        assertThatThrownBy(() -> HetznerToken.find(Map.<String, String>of()::get,
                Map.of("hcloud.token.file", missing.toString())::get))
                .isInstanceOf(MissingHetznerTokenException.class)
                .hasMessageContaining("hcloud.token.file")
                .hasMessageContaining(missing.toString());
    }

    @Test
    void emptyTokenFileIsRejected() throws IOException {
        Path file = privateFile("token", "\n");

        assertThatThrownBy(() -> HetznerToken.find(Map.<String, String>of()::get,
                Map.of("hcloud.token.file", file.toString())::get))
                .isInstanceOf(MissingHetznerTokenException.class)
                .hasMessageContaining("empty");
    }

    @ParameterizedTest
    @CsvSource({"rw-r-----, 0640", "rw----r--, 0604", "rw--w----, 0620", "rw-----w-, 0602", "rw-rw-rw-, 0666"})
    void aTokenFileGroupOrOthersMayReadOrWriteIsRefusedNamingTheFileItsModeAndTheChmod(String mode, String octal)
            throws IOException {
        Path file = Files.writeString(dir.resolve("token"), SECRET + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));

        assertThatThrownBy(() -> HetznerToken.find(Map.<String, String>of()::get,
                Map.of("hcloud.token.file", file.toString())::get))
                .isInstanceOf(MissingHetznerTokenException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("has mode " + octal + " (" + mode + ")")
                .hasMessageContaining("chmod 600 " + file)
                .message().doesNotContain(SECRET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-------", "r--------", "rwx------"})
    void aTokenFileOnlyItsOwnerMayReadOrWriteIsRead(String mode) throws IOException {
        Path file = Files.writeString(dir.resolve("token"), SECRET + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));

        assertThat(HetznerToken.find(Map.<String, String>of()::get, Map.of("hcloud.token.file", file.toString())::get))
                .map(HetznerToken::secret).contains(SECRET);
    }

    @Test
    void aTildeInTheTokenFilePropertyIsTheUsersHome() throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(home.resolve(".config/hcloud"));
        Path file = Files.writeString(home.resolve(".config/hcloud/token"), SECRET);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThat(HetznerToken.find(Map.<String, String>of()::get, Map.of("hcloud.token.file",
                "~/.config/hcloud/token", "user.home", home.toString())::get)).map(HetznerToken::secret)
                .contains(SECRET);
    }

    @Test
    void tokenWithInnerWhiteSpaceIsRejectedWithoutEchoingIt() {
        assertThatThrownBy(() -> HetznerToken.of("abc def-secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("def-secret");
    }

    private Path privateFile(String name, String content) throws IOException {
        Path file = Files.writeString(dir.resolve(name), content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
