package wasimoff.eval.system.reference;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reference broker's scheduler: a FIFO queue of tasks and the connected providers; a task goes
 * to the provider with the most free worker slots. A task is never lost: when its provider
 * disconnects it is queued again (at the front) up to {@link #MAX_ATTEMPTS} times, then failed
 * with a message naming the providers that dropped it.
 */
final class TaskScheduler {
    static final int MAX_ATTEMPTS = 3;
    static final int QUEUE_CAPACITY = 2048;

    private final Deque<Task> queue = new ArrayDeque<>();
    private final Map<String, ProviderSession> providers = new LinkedHashMap<>();

    /** Queues a task, or fails it at once when the queue is full (as Wasimoff's broker does). */
    synchronized void submit(Task task) {
        if (queue.size() >= QUEUE_CAPACITY) {
            task.outcome.complete(new Task.TaskOutcome(null, null, null, null, "429: Queue Full"));
            return;
        }
        task.trace("BrokerQueueTask");
        queue.addLast(task);
        dispatch();
    }

    synchronized void connected(ProviderSession provider) {
        providers.put(provider.sessionId, provider);
        dispatch();
    }

    synchronized void disconnected(String sessionId) {
        ProviderSession provider = providers.remove(sessionId);
        if (provider == null) {
            return;
        }
        List<Task> orphans = new ArrayList<>(provider.inFlight.values());
        provider.inFlight.clear();
        for (int i = orphans.size() - 1; i >= 0; i--) {
            Task t = orphans.get(i);
            t.assignedTo = null;
            if (t.attempts >= MAX_ATTEMPTS) {
                t.outcome.complete(new Task.TaskOutcome(provider.name, null, null, null,
                        "task lost its provider " + t.attempts + " times, last " + provider.name));
            } else {
                queue.addFirst(t);
            }
        }
        dispatch();
    }

    synchronized void completed(String sessionId, ProviderMessage result) {
        ProviderSession provider = providers.get(sessionId);
        if (provider == null) {
            return;
        }
        Task t = provider.inFlight.remove(result.id());
        if (t == null) {
            return;
        }
        t.trace("BrokerReceivedProviderResult");
        if (t.trace != null && result.events() != null) {
            t.trace.addAll(result.events());
        }
        java.util.Base64.Decoder b64 = java.util.Base64.getDecoder();
        t.outcome.complete(result.error() != null
                ? new Task.TaskOutcome(provider.name, null, null, null, result.error())
                : new Task.TaskOutcome(provider.name, result.status(),
                        b64.decode(Optional.ofNullable(result.stdout()).orElse("")),
                        b64.decode(Optional.ofNullable(result.stderr()).orElse("")), null));
        dispatch();
    }

    /** Drops a task the client gave up on: out of the queue, or cancelled at its provider. */
    synchronized void abandon(Task task) {
        if (!queue.remove(task) && task.assignedTo != null) {
            task.assignedTo.inFlight.remove(task.id);
            task.assignedTo.send(ProviderMessage.cancel(task.id));
            dispatch();
        }
    }

    synchronized int connectedProviders() {
        return providers.size();
    }

    synchronized int workers() {
        return providers.values().stream().mapToInt(p -> p.workers).sum();
    }

    private void dispatch() {
        while (!queue.isEmpty()) {
            Optional<ProviderSession> target = providers.values().stream()
                    .filter(p -> p.freeSlots() > 0)
                    .max(Comparator.comparingInt(ProviderSession::freeSlots));
            if (target.isEmpty()) {
                return;
            }
            Task t = queue.pollFirst();
            t.trace("BrokerScheduleTask");
            ProviderSession p = target.get();
            t.attempts++;
            t.assignedTo = p;
            p.inFlight.put(t.id, t);
            t.trace("BrokerTransmitProviderTask");
            p.send(ProviderMessage.task(t.id, t.binary, t.args, t.envs, t.trace != null));
        }
    }
}
