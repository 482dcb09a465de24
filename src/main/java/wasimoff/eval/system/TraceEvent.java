package wasimoff.eval.system;

import java.time.Instant;

/**
 * One event of a task's trace, named as in Wasimoff's {@code Task.TraceEvent.EventType}
 * ({@code BrokerQueueTask}, {@code ProviderWorkerExecute}, ...), with its time in Unix nanoseconds.
 */
public record TraceEvent(String event, long unixnano) {
    /** The event {@code event} now. */
    public static TraceEvent now(String event) {
        Instant t = Instant.now();
        return new TraceEvent(event, t.getEpochSecond() * 1_000_000_000L + t.getNano());
    }
}
