package wasimoff.eval.testbed.ssh;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

/**
 * Accepts exactly one host key, the one the harness generated for the server; any other key is
 * refused and remembered, so the failure can name both fingerprints.
 */
final class PinnedHostKey implements HostKeyVerifier {
    private final PublicKey expected;
    private volatile String refused;

    PinnedHostKey(PublicKey expected) {
        this.expected = expected;
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        // compared in SSH wire form: the JDK and BouncyCastle encode the same EC key differently in X.509
        boolean same = Arrays.equals(OpenSshKeys.wireBlob(key), OpenSshKeys.wireBlob(expected));
        if (!same) {
            refused = hostname + ":" + port + " offered host key " + OpenSshKeys.fingerprint(key) + " but the key"
                    + " generated for this server is " + OpenSshKeys.fingerprint(expected)
                    + "; refusing to connect (a different server, or one not set up by this run)";
        }
        return same;
    }

    /** Makes the server offer the pinned key's type first. */
    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        return List.of(KeyType.fromKey(expected).toString());
    }

    /** Why the last key was refused, or null. */
    String refusal() {
        return refused;
    }
}
