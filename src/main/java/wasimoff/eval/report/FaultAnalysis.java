package wasimoff.eval.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a faults run: the steady throughput before the first event, and for every event what it
 * cost until the next one (or the run's end): the lowest throughput (three-second moving average of
 * successful requests per second), how long after the event that average was back at 90% of the
 * steady throughput, and the failures by reason. Seconds are rows of the run's history: row {@code i}
 * (from 0) covers the run's second {@code i} to {@code i + 1}.
 */
public final class FaultAnalysis {
    /** The share of the steady throughput that counts as recovered. */
    public static final double RECOVERED = 0.9;
    private static final int AVERAGE_OVER = 3;

    private FaultAnalysis() {
    }

    /** An event as it happened: at {@code second} since the run's start; {@code enacted} false if the system could not. */
    public record Event(double second, String label, boolean enacted, String detail) {
    }

    /**
     * One event's cost. {@code recoverySeconds} counts from the event to the first second after the
     * throughput fell below 90% of the steady one at which it was back there; 0 when it never fell
     * below, -1 when it was not back within the window.
     */
    public record Impact(Event event, int fromRow, int toRow, double lowest, int recoverySeconds,
                         Map<String, Long> failures) {
        public long failureCount() {
            return failures.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Mean successful requests per second over the second half of the time before the first event. */
    public static double steady(List<Double> successes, List<Event> events) {
        int first = events.isEmpty() ? successes.size() : Math.min(successes.size(), (int) events.get(0).second());
        return successes.subList(first / 2, first).stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /**
     * @param successes successful requests in each row of the history
     * @param failures  failures by reason in each row (same length)
     */
    public static List<Impact> analyse(List<Double> successes, List<Map<String, Long>> failures, List<Event> events,
                                       double steady) {
        List<Impact> impacts = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            int from = Math.min(successes.size(), (int) e.second());
            int to = i + 1 < events.size() ? Math.min(successes.size(), (int) events.get(i + 1).second()) : successes.size();
            to = Math.max(from, to);
            Map<String, Long> byReason = new TreeMap<>();
            for (int r = from; r < to; r++) {
                failures.get(r).forEach((reason, n) -> byReason.merge(reason, n, Long::sum));
            }
            double lowest = Double.MAX_VALUE;
            int dip = -1;
            for (int r = from; r < to; r++) {
                double avg = average(successes, r, to);
                lowest = Math.min(lowest, avg);
                if (dip < 0 && avg < RECOVERED * steady) {
                    dip = r;
                }
            }
            int recovery = dip < 0 ? 0 : -1;
            for (int r = Math.max(dip, from) + 1; dip >= 0 && r < to; r++) {
                if (average(successes, r, to) >= RECOVERED * steady) {
                    recovery = r - from;
                    break;
                }
            }
            impacts.add(new Impact(e, from, to, from == to ? 0 : lowest, recovery, byReason));
        }
        return impacts;
    }

    /** The mean of up to three rows from {@code r}, not beyond {@code end}. */
    private static double average(List<Double> values, int r, int end) {
        int last = Math.min(end, r + AVERAGE_OVER);
        return values.subList(r, last).stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /** What a failure reason means for the request that failed. */
    public enum Fate {
        /** No answer within the request timeout (or no connection within it). */
        TIMED_OUT("timed out"),
        /** No answer at all (refused, reset, closed): the closed-loop user backed off and sent again. */
        NO_RESPONSE_RETRIED("no response; the client backed off and sent again"),
        /** The system answered, with an error or a wrong result: it reported the loss. */
        ANSWERED_WITH_ERROR("answered with an error");

        private final String words;

        Fate(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** The fate of a request that failed for {@code reason} (the load generator's words). */
    public static Fate fate(String reason) {
        if (reason.startsWith("timeout") || reason.equals("connection error: connect timeout")) {
            return Fate.TIMED_OUT;
        }
        return reason.startsWith("connection error") ? Fate.NO_RESPONSE_RETRIED : Fate.ANSWERED_WITH_ERROR;
    }

    /** {@code failures} summed by {@link Fate}, every fate present. */
    public static Map<Fate, Long> byFate(Map<String, Long> failures) {
        Map<Fate, Long> fates = new java.util.EnumMap<>(Fate.class);
        for (Fate f : Fate.values()) {
            fates.put(f, 0L);
        }
        failures.forEach((reason, n) -> fates.merge(fate(reason), n, Long::sum));
        return fates;
    }
}
