package wasimoff.eval.testbed.ssh;

import wasimoff.eval.settings.UserHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.keyprovider.KeyPairWrapper;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;

/**
 * The key the harness logs in with: a fresh ECDSA pair per run, or the private key file the user
 * names with {@code -Dssh.key=}. Its public line goes into the servers' {@code authorized_keys}
 * (through Hetzner's SSH keys); the private key is never printed.
 */
public final class ClientKey {
    private final KeyPair generated;
    private final Path file;
    private final String publicKeyLine;

    private ClientKey(KeyPair generated, Path file, String publicKeyLine) {
        this.generated = generated;
        this.file = file;
        this.publicKeyLine = publicKeyLine;
    }

    /** A key for this run only. */
    public static ClientKey generate() {
        KeyPair pair = OpenSshKeys.generateEcdsa();
        return new ClientKey(pair, null, OpenSshKeys.publicKeyLine(pair.getPublic()));
    }

    /** The user's private key file (OpenSSH or PEM format, without a passphrase). */
    public static ClientKey fromFile(Path privateKey) {
        if (!Files.isReadable(privateKey)) {
            throw new IllegalArgumentException("ssh.key: cannot read the private key file " + privateKey);
        }
        try (SSHClient probe = new SSHClient()) {
            PublicKey pub = probe.loadKeys(privateKey.toString()).getPublic();
            return new ClientKey(null, privateKey, OpenSshKeys.publicKeyLine(pub));
        } catch (IOException e) {
            throw new UncheckedIOException("ssh.key: " + privateKey + " is not a private key sshj can read"
                    + " (OpenSSH or PEM, no passphrase): " + e.getMessage(), e);
        }
    }

    /** The key named by {@code ssh.key} in {@code properties} ({@code ~/} is the user's home), or a fresh one. */
    public static ClientKey from(java.util.Properties properties) {
        String named = properties.getProperty("ssh.key");
        return named == null || named.isBlank() ? generate()
                : fromFile(UserHome.expand(named.strip(), properties.getProperty("user.home",
                        System.getProperty("user.home"))));
    }

    /** The line for {@code authorized_keys}. */
    public String publicKeyLine() {
        return publicKeyLine;
    }

    /** Whether this key was generated for the run (and so must be removed from the cloud project after it). */
    public boolean isGenerated() {
        return generated != null;
    }

    KeyProvider provider(SSHClient client) throws IOException {
        return generated != null ? new KeyPairWrapper(generated) : client.loadKeys(file.toString());
    }

    @Override
    public String toString() {
        return generated != null ? "client key generated for this run" : "client key " + file;
    }
}
