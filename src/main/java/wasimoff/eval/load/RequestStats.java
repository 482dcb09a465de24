package wasimoff.eval.load;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Statistics of one load run: every request's response time in an HdrHistogram at full
 * resolution (microseconds), failures grouped by reason, and one {@link Second} per second of the
 * run. Recording is wait-free for the event loops; {@link #tick} is called by one reporter thread.
 *
 * <p>Two times are kept per request. The <em>response time</em> runs from the moment the request
 * was due: in a closed-loop run when its user issued it, in an open-loop run its intended send time
 * from the arrival schedule (so a stalled target cannot hide its stall: coordinated omission is
 * corrected). The <em>service time</em> runs from the moment its bytes were written to the socket.
 * The CSV files and the per-second history use the response time.
 *
 * <p>The history keeps no histograms: each row holds the cumulative figures its CSV row reports
 * (a {@link LatencySnapshot}), so a run's memory grows by a few hundred bytes per second.
 *
 * <p>An arrival that was never sent (see {@link #dropped}) counts as a request and a failure but has
 * no time; so {@link #completedCount()} is the histogram's count plus the dropped ones.
 */
public final class RequestStats {
    /** Highest recordable response time: one hour in microseconds. */
    private static final long MAX_MICROS = 3_600_000_000L;

    private final Recorder recorder = new Recorder(MAX_MICROS, 3);
    private final Recorder serviceRecorder = new Recorder(MAX_MICROS, 3);
    private final Histogram total = new Histogram(MAX_MICROS, 3);
    private final Histogram serviceTotal = new Histogram(MAX_MICROS, 3);
    private final LongAdder sent = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder contentBytes = new LongAdder();
    private final Map<String, LongAdder> failuresByReason = new ConcurrentHashMap<>();
    private final List<Second> seconds = new ArrayList<>();
    private final double[] historyFractions;
    private Histogram interval;
    private Histogram serviceInterval;
    private long failuresSoFar;
    private long droppedSoFar;
    private Map<String, Long> reasonsSoFar = Map.of();

    /**
     * One row of the per-second history.
     *
     * @param requests   requests completed (or dropped) in this second
     * @param cumulative figures of the response times of all requests so far
     * @param failuresByReason the failures of this second by reason (only reasons that occurred)
     */
    public record Second(long epochSecond, int users, long requests, long failures,
                         long totalRequests, long totalFailures, LatencySnapshot cumulative,
                         Map<String, Long> failuresByReason) {
    }

    /**
     * @param historyPercentiles the percentiles (fractions, 0.5 = median) each history row keeps of
     *                           the response times so far; the median and p99 are always kept
     */
    public RequestStats(Collection<Double> historyPercentiles) {
        TreeSet<Double> fractions = new TreeSet<>(historyPercentiles);
        fractions.add(0.5);
        fractions.add(0.99);
        historyFractions = fractions.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Counts one request as issued. */
    public void sent() {
        sent.increment();
    }

    /**
     * Records one answered (or failed) request.
     *
     * @param responseMicros from the moment the request was due to its full response or failure
     * @param serviceMicros  from the moment it was written to its full response or failure; negative
     *                       for a request that was never written (it gave up waiting for a connection)
     * @param failureReason  null for a success
     */
    public void record(long responseMicros, long serviceMicros, long contentLength, String failureReason) {
        recorder.recordValue(clamp(responseMicros));
        if (serviceMicros >= 0) {
            serviceRecorder.recordValue(clamp(serviceMicros));
        }
        contentBytes.add(Math.max(contentLength, 0));
        if (failureReason != null) {
            fail(failureReason);
        }
    }

    /** Records an arrival that was never sent: a failure without a response time. */
    public void dropped(String reason) {
        dropped.increment();
        fail(reason);
    }

    private void fail(String reason) {
        failures.increment();
        failuresByReason.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    private static long clamp(long micros) {
        return Math.min(Math.max(micros, 1), MAX_MICROS);
    }

    /** Folds what was recorded since the last tick into the totals and appends a history row. */
    public synchronized Second tick(long epochSecond, int users) {
        interval = recorder.getIntervalHistogram(interval);
        serviceInterval = serviceRecorder.getIntervalHistogram(serviceInterval);
        total.add(interval);
        serviceTotal.add(serviceInterval);
        Map<String, Long> reasonsNow = failuresByReason();
        long failuresNow = failures.sum();
        long droppedNow = dropped.sum();
        Map<String, Long> newReasons = new TreeMap<>();
        reasonsNow.forEach((reason, n) -> {
            long fresh = n - reasonsSoFar.getOrDefault(reason, 0L);
            if (fresh > 0) {
                newReasons.put(reason, fresh);
            }
        });
        Second s = new Second(epochSecond, users, interval.getTotalCount() + droppedNow - droppedSoFar,
                failuresNow - failuresSoFar, total.getTotalCount() + droppedNow, failuresNow,
                LatencySnapshot.of(total, historyFractions), Map.copyOf(newReasons));
        reasonsSoFar = reasonsNow;
        failuresSoFar = failuresNow;
        droppedSoFar = droppedNow;
        seconds.add(s);
        return s;
    }

    public long sentCount() {
        return sent.sum();
    }

    /** Requests that ended, answered or failed or dropped, up to the last tick. */
    public synchronized long completedCount() {
        return total.getTotalCount() + droppedSoFar;
    }

    /** Response times (from when each request was due) up to the last tick. */
    public synchronized Histogram total() {
        return total.copy();
    }

    /** Service times (from when each request was written) up to the last tick. */
    public synchronized Histogram serviceTotal() {
        return serviceTotal.copy();
    }

    public long failureCount() {
        return failures.sum();
    }

    public long droppedCount() {
        return dropped.sum();
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
