package wasimoff.eval.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Statistics of one load run: every request's response time in an HdrHistogram at full
 * resolution (microseconds), failures grouped by reason, and one {@link Second} per second of the
 * run. Recording is wait-free for the user threads; {@link #tick} is called by one reporter thread.
 */
public final class RequestStats {
    /** Highest recordable response time: one hour in microseconds. */
    private static final long MAX_MICROS = 3_600_000_000L;

    private final Recorder recorder = new Recorder(MAX_MICROS, 3);
    private final Histogram total = new Histogram(MAX_MICROS, 3);
    private final LongAdder sent = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder contentBytes = new LongAdder();
    private final Map<String, LongAdder> failuresByReason = new ConcurrentHashMap<>();
    private final List<Second> seconds = new ArrayList<>();
    private Histogram interval;
    private long failuresSoFar;

    /** One row of the per-second history. */
    public record Second(long epochSecond, int users, long requests, long failures,
                         long totalRequests, long totalFailures, Histogram cumulative) {
    }

    public void sent() {
        sent.increment();
    }

    public void record(long responseMicros, long contentLength, String failureReason) {
        recorder.recordValue(Math.min(Math.max(responseMicros, 1), MAX_MICROS));
        contentBytes.add(Math.max(contentLength, 0));
        if (failureReason != null) {
            failures.increment();
            failuresByReason.computeIfAbsent(failureReason, r -> new LongAdder()).increment();
        }
    }

    /** Folds what was recorded since the last tick into the totals and appends a history row. */
    public synchronized Second tick(long epochSecond, int users) {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        long failuresNow = failures.sum();
        Second s = new Second(epochSecond, users, interval.getTotalCount(), failuresNow - failuresSoFar,
                total.getTotalCount(), failuresNow, total.copy());
        failuresSoFar = failuresNow;
        seconds.add(s);
        return s;
    }

    public long sentCount() {
        return sent.sum();
    }

    public synchronized Histogram total() {
        return total.copy();
    }

    public long failureCount() {
        return failures.sum();
    }

    public long contentBytes() {
        return contentBytes.sum();
    }

    public Map<String, Long> failuresByReason() {
        Map<String, Long> m = new TreeMap<>();
        failuresByReason.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    public synchronized List<Second> history() {
        return List.copyOf(seconds);
    }
}
