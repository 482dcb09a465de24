package wasimoff.eval.settings;

import java.nio.file.Path;

/**
 * Expands a leading {@code ~} in paths the user gives as properties ({@code -Dssh.key=~/.ssh/id_ed25519}):
 * the shell does not expand it after {@code =}, and the README writes such paths with {@code ~}.
 * {@code ~user} forms stay as written.
 */
public final class UserHome {
    private UserHome() {
    }

    /** {@code path} with {@code ~} or a leading {@code ~/} replaced by this JVM's {@code user.home}. */
    public static Path expand(String path) {
        return expand(path, System.getProperty("user.home"));
    }

    /** {@code path} with {@code ~} or a leading {@code ~/} replaced by {@code home}. */
    public static Path expand(String path, String home) {
        if (path.equals("~")) {
            return Path.of(home);
        }
        if (path.startsWith("~/")) {
            return Path.of(home, path.substring(2));
        }
        return Path.of(path);
    }
}
