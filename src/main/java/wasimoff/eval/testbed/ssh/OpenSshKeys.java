package wasimoff.eval.testbed.ssh;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;

/**
 * Key material in the forms OpenSSH and cloud-init read: ECDSA P-256 pairs generated here, public
 * keys as {@code authorized_keys} lines, private keys as PKCS#8 PEM (which OpenSSH's sshd loads as a
 * host key) and SHA256 fingerprints as {@code ssh-keygen -l} prints them. The wire encoding comes
 * from sshj; only the PEM armour is written here, because the JDK has no PEM writer.
 */
public final class OpenSshKeys {
    private OpenSshKeys() {
    }

    /** A fresh ECDSA P-256 key pair. */
    public static KeyPair generateEcdsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate ECDSA P-256 keys", e);
        }
    }

    /** {@code ecdsa-sha2-nistp256 AAAA...}: the key as one line of {@code authorized_keys} or a cloud-init public key. */
    public static String publicKeyLine(PublicKey key) {
        return KeyType.fromKey(key) + " " + Base64.getEncoder().encodeToString(wireBlob(key));
    }

    /** The key as the SSH protocol encodes it (RFC 4253 section 6.6). */
    static byte[] wireBlob(PublicKey key) {
        return new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
    }

    /** {@code SHA256:...}, the fingerprint OpenSSH shows for the key. */
    public static String fingerprint(PublicKey key) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(wireBlob(key));
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The private key as PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}). */
    public static String privateKeyPem(PrivateKey key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }
}
