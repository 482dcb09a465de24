package wasimoff.eval.system.reference;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A client's request to run a binary, while the broker holds it: queued, then assigned to a
 * provider, until the provider answers or the task fails. {@code attempts} counts assignments, so
 * a task whose providers keep disconnecting fails instead of circling forever.
 */
final class Task {
    final String id;
    final String binary;
    final List<String> args;
    final List<String> envs;
    final CompletableFuture<TaskOutcome> outcome = new CompletableFuture<>();
    /** The trace of this task in Wasimoff's event names, or null when the client asked for none. */
    final List<wasimoff.eval.system.TraceEvent> trace;
    int attempts;
    ProviderSession assignedTo;

    Task(String id, String binary, List<String> args, List<String> envs, boolean traced) {
        this.id = id;
        this.binary = binary;
        this.args = args;
        this.envs = envs;
        this.trace = traced ? java.util.Collections.synchronizedList(new java.util.ArrayList<>()) : null;
    }

    void trace(String event) {
        if (trace != null) {
            trace.add(wasimoff.eval.system.TraceEvent.now(event));
        }
    }

    /** What the client is told: the provider's name and either an exit code with output, or an error. */
    record TaskOutcome(String provider, Integer status, byte[] stdout, byte[] stderr, String error) {
    }
}
