package wasimoff.eval.run;

/**
 * A scenario that cannot start as configured: an invalid setting, a testbed that cannot run here, a
 * system named on the command line that cannot run. Raised before anything is provisioned.
 */
public class ScenarioConfigurationException extends RuntimeException {
    public ScenarioConfigurationException(String message) {
        super(message);
    }

    public ScenarioConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
