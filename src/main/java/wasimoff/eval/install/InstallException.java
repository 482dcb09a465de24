package wasimoff.eval.install;

/** An installation that did not succeed, with the reason in words a user can act on. */
public class InstallException extends Exception {
    public InstallException(String message) {
        super(message);
    }

    public InstallException(String message, Throwable cause) {
        super(message, cause);
    }
}
