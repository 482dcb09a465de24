package wasimoff.eval.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import wasimoff.eval.system.TraceEvent;

/**
 * Turns a trace into the steps of a request's way from client to provider and back: the time
 * between consecutive events, named by the step that ends with the later event (send request,
 * decode, queue, schedule, transmit to provider, get a worker, prepare, run, transmit result,
 * respond). The steps of one trace add up to its first-to-last span.
 */
public final class TraceSteps {
    /** The steps in the order a request passes them. */
    public static final List<String> ORDER = List.of("send request", "decode", "queue", "schedule",
            "transmit to provider", "get a worker", "prepare", "run", "transmit result", "respond");

    private static final Map<String, String> STEP_ENDING_WITH = Map.ofEntries(
            Map.entry("BrokerReceivedClientRequest", "send request"),
            Map.entry("BrokerQueueTask", "decode"),
            Map.entry("BrokerScheduleTask", "queue"),
            Map.entry("BrokerTransmitProviderTask", "schedule"),
            Map.entry("ProviderTaskReceived", "transmit to provider"),
            Map.entry("ProviderGetWorker", "get a worker"),
            Map.entry("ProviderPostToWorker", "get a worker"),
            Map.entry("ProviderWorkerPrepare", "get a worker"),
            Map.entry("ProviderWorkerExecute", "prepare"),
            Map.entry("ProviderWorkerDone", "run"),
            Map.entry("ProviderTransmitResult", "transmit result"),
            Map.entry("BrokerReceivedProviderResult", "transmit result"),
            Map.entry("BrokerTransmitClientResponse", "respond"),
            Map.entry("ClientReceivedResponse", "respond"));

    private TraceSteps() {
    }

    /** Milliseconds per step of one trace (events in time order); unknown events fold into the step before. */
    public static Map<String, Double> of(List<TraceEvent> events) {
        Map<String, Double> steps = new LinkedHashMap<>();
        ORDER.forEach(s -> steps.put(s, 0.0));
        String last = ORDER.get(0);
        for (int i = 1; i < events.size(); i++) {
            String step = STEP_ENDING_WITH.getOrDefault(events.get(i).event(), last);
            double ms = (events.get(i).unixnano() - events.get(i - 1).unixnano()) / 1e6;
            steps.merge(step, ms, Double::sum);
            last = step;
        }
        return steps;
    }
}
