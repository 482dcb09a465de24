package wasimoff.eval.system.reference;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** A provider connected to the reference broker: its name, worker count and the tasks it holds. */
final class ProviderSession {
    final String sessionId;
    final String name;
    final int workers;
    final Map<String, Task> inFlight = new LinkedHashMap<>();
    private final Consumer<ProviderMessage> sender;

    ProviderSession(String sessionId, String name, int workers, Consumer<ProviderMessage> sender) {
        this.sessionId = sessionId;
        this.name = name;
        this.workers = workers;
        this.sender = sender;
    }

    int freeSlots() {
        return workers - inFlight.size();
    }

    void send(ProviderMessage message) {
        sender.accept(message);
    }
}
