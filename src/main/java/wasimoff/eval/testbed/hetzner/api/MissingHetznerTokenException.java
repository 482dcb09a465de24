package wasimoff.eval.testbed.hetzner.api;

/**
 * Thrown when no Hetzner Cloud API token is configured or the configured one cannot be read; the message says
 * what to set. It never contains a token.
 */
public class MissingHetznerTokenException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what to set. */
    public MissingHetznerTokenException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the I/O failure behind it. */
    public MissingHetznerTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
