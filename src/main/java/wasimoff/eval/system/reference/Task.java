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
    int attempts;
    ProviderSession assignedTo;

    Task(String id, String binary, List<String> args, List<String> envs) {
        this.id = id;
        this.binary = binary;
        this.args = args;
        this.envs = envs;
    }

    /** What the client is told: the provider's name and either an exit code with output, or an error. */
    record TaskOutcome(String provider, Integer status, byte[] stdout, byte[] stderr, String error) {
    }
}
