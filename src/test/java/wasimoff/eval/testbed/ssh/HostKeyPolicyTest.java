package wasimoff.eval.testbed.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The project's rule for SSH host keys, checked over its sources: every connection pins the key the
 * harness generated, so no verifier that accepts any key, and no trust on first use, may appear.
 */
class HostKeyPolicyTest {
    // spelled in pieces so this file does not match itself
    private static final List<String> FORBIDDEN = List.of("Promiscuous" + "Verifier", "loadKnown" + "Hosts(",
            "StrictHostKeyChecking" + "=no", "Accept" + "AllHostKeys");

    @Test
    void noSourceAcceptsAnyHostKey() throws Exception {
        List<String> offending;
        try (Stream<Path> files = Files.walk(Path.of("src"))) {
            offending = files.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sh"))
                    .filter(p -> {
                        try {
                            String text = Files.readString(p);
                            return FORBIDDEN.stream().anyMatch(text::contains);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString).toList();
        }
        assertThat(offending).as("sources that accept any host key").isEmpty();
    }

    @Test
    void connectionsVerifyWithThePinnedKeyOnly() throws Exception {
        String connection = Files.readString(Path.of("src/main/java/wasimoff/eval/testbed/ssh/SshConnection.java"));
        assertThat(connection).contains("addHostKeyVerifier(pin)");
        assertThat(connection.split("addHostKeyVerifier", -1)).hasSize(2);
    }
}
