package wasimoff.eval.testbed.hetzner.api;

import wasimoff.eval.settings.UserHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The secret API token of one Hetzner Cloud project. It is read from the file named by the system property
 * {@value #FILE_PROPERTY} if that is set ({@code ~/} is the user's home; the file must not be readable or
 * writable by group or others), otherwise from the environment variable {@value #ENV_VAR}.
 * {@link #toString()} masks it completely; only {@link HetznerClient} reads {@link #secret()}, to put it into
 * the {@code Authorization} header. Never log or store the secret.
 */
public final class HetznerToken {

    /** The environment variable holding the token, as for Hetzner's own {@code hcloud} CLI. */
    public static final String ENV_VAR = "HCLOUD_TOKEN";

    /** The system property naming a file whose content is the token. */
    public static final String FILE_PROPERTY = wasimoff.eval.settings.Settings.HCLOUD_TOKEN_FILE.key();

    private final String secret;

    private HetznerToken(String secret) {
        this.secret = secret;
    }

    /**
     * Wraps a token given as text; surrounding white space is removed.
     *
     * @throws IllegalArgumentException if it is blank or contains white space or control characters
     */
    public static HetznerToken of(String secret) {
        String trimmed = secret == null ? "" : secret.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("the Hetzner token is empty");
        }
        if (!trimmed.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("the Hetzner token contains white space or non-ASCII characters");
        }
        return new HetznerToken(trimmed);
    }

    /**
     * The token from {@code -D}{@value #FILE_PROPERTY} or {@value #ENV_VAR}.
     *
     * @throws MissingHetznerTokenException if neither is set, or the file cannot be read or is empty
     */
    public static HetznerToken fromEnvironment() {
        return findInEnvironment().orElseThrow(() -> new MissingHetznerTokenException(missingMessage()));
    }

    /**
     * The token if one is configured, for deciding whether cloud tests can run.
     *
     * @throws MissingHetznerTokenException if {@value #FILE_PROPERTY} names a file that cannot be read or is empty
     */
    public static Optional<HetznerToken> findInEnvironment() {
        return find(System::getenv, System::getProperty);
    }

    /** {@link #findInEnvironment()} with the environment and the system properties as parameters, for tests. */
    static Optional<HetznerToken> find(Function<String, String> environment, Function<String, String> properties) {
        String file = properties.apply(FILE_PROPERTY);
        if (file != null && !file.isBlank()) {
            String home = properties.apply("user.home");
            return Optional.of(readFile(UserHome.expand(file.strip(),
                    home != null ? home : System.getProperty("user.home"))));
        }
        String value = environment.apply(ENV_VAR);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(of(value));
        } catch (IllegalArgumentException e) {
            throw new MissingHetznerTokenException("the environment variable " + ENV_VAR
                    + " does not hold a usable Hetzner Cloud API token: " + e.getMessage());
        }
    }

    private static HetznerToken readFile(Path file) {
        requirePrivate(file);
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MissingHetznerTokenException("cannot read the Hetzner Cloud API token file " + file
                    + " named by -D" + FILE_PROPERTY + " (" + e.getClass().getSimpleName() + ")", e);
        }
        try {
            return of(content);
        } catch (IllegalArgumentException e) {
            throw new MissingHetznerTokenException("the file " + file + " named by -D" + FILE_PROPERTY
                    + " does not hold a usable Hetzner Cloud API token: " + e.getMessage());
        }
    }

    /** Refuses a token file that group or others may read or write: anyone on the machine could use or swap it. */
    private static void requirePrivate(Path file) {
        Set<PosixFilePermission> mode;
        try {
            mode = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException notPosix) {
            return;
        } catch (IOException e) {
            throw new MissingHetznerTokenException("cannot read the Hetzner Cloud API token file " + file
                    + " named by -D" + FILE_PROPERTY + " (" + e.getClass().getSimpleName() + ")", e);
        }
        Set<PosixFilePermission> shared = EnumSet.of(PosixFilePermission.GROUP_READ,
                PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
        shared.retainAll(mode);
        if (!shared.isEmpty()) {
            throw new MissingHetznerTokenException("the Hetzner Cloud API token file " + file + " named by -D"
                    + FILE_PROPERTY + " has mode " + octal(mode) + " (" + PosixFilePermissions.toString(mode)
                    + "): group or others may read or change it. Make it private with: chmod 600 " + file);
        }
    }

    private static String octal(Set<PosixFilePermission> mode) {
        int bits = 0;
        for (PosixFilePermission p : mode) {
            bits |= 0400 >> p.ordinal();
        }
        return String.format("%04o", bits);
    }

    private static String missingMessage() {
        return "No Hetzner Cloud API token configured. Set the environment variable " + ENV_VAR
                + " to a read-write API token of your project (Hetzner Console > project > Security > API tokens),"
                + " or set the system property " + FILE_PROPERTY + " to the path of a file containing it,"
                + " e.g. -D" + FILE_PROPERTY + "=$HOME/.config/hcloud/token";
    }

    /** The secret itself; for the {@code Authorization} header only. */
    public String secret() {
        return secret;
    }

    /** A fully masked form that is safe to log. */
    @Override
    public String toString() {
        return "HetznerToken[****]";
    }
}
