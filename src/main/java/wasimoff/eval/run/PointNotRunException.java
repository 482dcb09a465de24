package wasimoff.eval.run;

/**
 * A point of a system that cannot run on this machine: not measured, with the reason and the
 * command that would install what is missing (also written as {@code not-run.json}).
 */
public class PointNotRunException extends RuntimeException {
    public PointNotRunException(String message) {
        super(message);
    }
}
