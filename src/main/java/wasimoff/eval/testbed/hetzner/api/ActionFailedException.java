package wasimoff.eval.testbed.hetzner.api;

/** An {@link Action} that ended with status {@code error}; carries Hetzner's error code and message. */
public class ActionFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Action action;

    /** Creates the exception for the failed action. */
    public ActionFailedException(Action action) {
        super("Hetzner action " + action.id() + " (" + action.command() + ") failed: " + code(action) + ": "
                + message(action));
        this.action = action;
    }

    private static String code(Action action) {
        return action.error() == null || action.error().code() == null ? "<unknown>" : action.error().code();
    }

    private static String message(Action action) {
        return action.error() == null || action.error().message() == null
                ? "Unknown error" : action.error().message();
    }

    /** The failed action as last reported. */
    public Action action() {
        return action;
    }

    /** Hetzner's error code, or {@code "<unknown>"} if none was given. */
    public String code() {
        return code(action);
    }

    /** Hetzner's error message, or {@code "Unknown error"} if none was given. */
    public String errorMessage() {
        return message(action);
    }
}
