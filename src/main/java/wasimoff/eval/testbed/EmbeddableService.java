package wasimoff.eval.testbed;

import java.util.List;

/**
 * One of our own services (the reference broker, a reference provider). It has a public no-argument
 * constructor and starts from command-line style arguments, so the embedded testbed can run it
 * in-process and other testbeds as a separate JVM.
 */
public interface EmbeddableService {
    /** Starts the service and returns the handle that stops it. */
    AutoCloseable start(List<String> args) throws Exception;
}
