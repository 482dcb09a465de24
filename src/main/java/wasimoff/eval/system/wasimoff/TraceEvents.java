package wasimoff.eval.system.wasimoff;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * Appends provider-side events to a task's {@code info.trace.events} in Wasimoff's format (event
 * name, {@code unixnano} as a decimal string), but only when the request asked for a trace.
 */
final class TraceEvents {
    private final ArrayNode events;

    TraceEvents(ObjectNode info) {
        this.events = info.has("trace") && info.get("trace").isObject()
                ? ((ObjectNode) info.get("trace")).withArray("events") : null;
    }

    void add(String event) {
        if (events == null) {
            return;
        }
        Instant now = Instant.now();
        ObjectNode e = events.addObject();
        e.put("unixnano", Long.toString(now.getEpochSecond() * 1_000_000_000L + now.getNano()));
        e.put("event", event);
    }
}
