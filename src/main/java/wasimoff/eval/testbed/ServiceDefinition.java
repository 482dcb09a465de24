package wasimoff.eval.testbed;

import java.util.List;
import java.util.Map;

/**
 * A long-running service to start on a node: either one of our Java services (run in the JVM of
 * the embedded testbed, or as {@code java -cp harness.jar} elsewhere) or a native process such as
 * the Wasimoff broker.
 */
public sealed interface ServiceDefinition {
    String name();

    /** One of our services: {@code mainClass} implements {@link EmbeddableService}. */
    record JavaService(String name, Class<? extends EmbeddableService> mainClass, List<String> args)
            implements ServiceDefinition {
        public JavaService {
            args = List.copyOf(args);
        }
    }

    /**
     * A native program with its arguments and environment. {@code stopSignal} is what stopping it
     * sends first ({@code TERM}, or {@code INT} for programs that clean up only on an interrupt).
     */
    record ProcessService(String name, List<String> command, Map<String, String> environment, String stopSignal)
            implements ServiceDefinition {
        public ProcessService {
            command = List.copyOf(command);
            environment = Map.copyOf(environment);
            if (!List.of("TERM", "INT").contains(stopSignal)) {
                throw new IllegalArgumentException("stop signal must be TERM or INT, was " + stopSignal);
            }
        }

        /** A program stopped with SIGTERM. */
        public ProcessService(String name, List<String> command, Map<String, String> environment) {
            this(name, command, environment, "TERM");
        }
    }
}
