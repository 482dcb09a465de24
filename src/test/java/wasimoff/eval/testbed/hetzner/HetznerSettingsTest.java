package wasimoff.eval.testbed.hetzner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import wasimoff.eval.testbed.hetzner.api.HetznerToken;

/** What the Hetzner settings refuse: an API URL that would expose the token, a firewall open to everyone. */
class HetznerSettingsTest {
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private HetznerSettings settings(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return HetznerSettings.from(p, new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return console.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0/0", "::/0", "198.51.100.7/32, ::/0", "10.0.0.0/0"})
    void allowingEveryAddressIsRefusedWithoutTheOverrideNamingIt(String allow) {
        assertThatThrownBy(() -> settings("hetzner.allow-from", allow))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("every address on the internet")
                .hasMessageContaining("-Dhetzner.allow-any=true");
        assertThatThrownBy(() -> settings("hetzner.allow-from", allow, "hetzner.allow-any", "false"))
                .hasMessageContaining("-Dhetzner.allow-any=true");
    }

    @Test
    void allowingEveryAddressWithTheOverrideIsAcceptedAndWarned() {
        HetznerSettings s = settings("hetzner.allow-from", "0.0.0.0/0,::/0", "hetzner.allow-any", "TRUE");

        assertThat(s.allowFrom()).containsExactly("0.0.0.0/0", "::/0");
        assertThat(printed()).contains("WARNING").contains("0.0.0.0/0,::/0").contains("every address on the internet");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", ""})
    void theOverrideIsTrueOrFalseOnly(String value) {
        assertThatThrownBy(() -> settings("hetzner.allow-from", "0.0.0.0/0", "hetzner.allow-any", value))
                .hasMessageContaining("-Dhetzner.allow-any=" + value + " is not a boolean")
                .hasMessageContaining("true and false");
    }

    @Test
    void aNarrowAddressNeedsNoOverrideAndIsNotWarned() {
        HetznerSettings s = settings("hetzner.allow-from", "203.0.113.7/32,2001:db8::/64");

        assertThat(s.allowFrom()).containsExactly("203.0.113.7/32", "2001:db8::/64");
        assertThat(printed()).isEmpty();
    }

    @Test
    void anApiUrlOverPlainHttpToARemoteHostIsRefusedNamingTheProperty() {
        Properties p = new Properties();
        p.setProperty(HetznerSettings.API_URL, "http://api.hetzner.cloud/v1");

        assertThatThrownBy(() -> HetznerSettings.apiClient(HetznerToken.of(FakeHetzner.TOKEN), p))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-Dhetzner.api-url refused")
                .hasMessageContaining("http://api.hetzner.cloud/v1")
                .message().doesNotContain(FakeHetzner.TOKEN);
    }

    @Test
    void theCleanupCommandRefusesAPlainHttpApiUrlToARemoteHost() {
        Properties p = new Properties();
        p.setProperty(HetznerSettings.API_URL, "http://api.hetzner.cloud/v1");
        p.setProperty("run-id", "run-a");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // the API client is refused at construction: the cleanup has nothing to send a request with
        int status = HetznerCleanup.run(new String[0], p, () -> HetznerToken.of(FakeHetzner.TOKEN),
                new PrintStream(console, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("-Dhetzner.api-url refused").contains("Use https");
        assertThat(printed()).isEmpty();
    }
}
