package wasimoff.eval.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Writes a load run's results directory: Locust 2.12-compatible {@code <prefix>_stats.csv},
 * {@code <prefix>_stats_history.csv} (one row per second, cumulative percentiles as Locust's
 * default history), {@code <prefix>_failures.csv} and {@code <prefix>_exceptions.csv}, plus
 * {@code summary.json}, the {@code run.json} spec that produced them, and
 * {@code failures_over_time.csv} ({@code second;reason;count}: the failures of each second of the
 * history by reason, the second counted from 1 as the history's rows are).
 *
 * <p>The percentiles are response times from when each request was due; in an open-loop run that is
 * its intended send time (coordinated omission corrected), as {@code summary.json} says in
 * {@code coordinatedOmissionCorrected}. Open-loop arrivals that were never sent count in Request
 * Count and Failure Count but have no response time.
 *
 * <p>One difference from Locust, on purpose: the history's Requests/s is the number of requests
 * completed in that very second, not Locust's ten-second moving average, so the throughput chart
 * shows changes when they happen.
 */
public final class ResultsWriter {
    /** Shared JSON mapper for specs and summaries (ISO dates, indented). */
    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final RunSpec spec;
    private final RequestStats stats;
    private final RunSummary summary;

    ResultsWriter(RunSpec spec, RequestStats stats, RunSummary summary) {
        this.spec = spec;
        this.stats = stats;
        this.summary = summary;
    }

    public static List<String> statsColumns(List<Double> percentiles) {
        List<String> c = new ArrayList<>(List.of("Type", "Name", "Request Count", "Failure Count",
                "Median Response Time", "Average Response Time", "Min Response Time", "Max Response Time",
                "Average Content Size", "Requests/s", "Failures/s"));
        percentiles.forEach(p -> c.add(LocustFormat.percentileLabel(p)));
        return c;
    }

    public static List<String> historyColumns(List<Double> percentiles) {
        List<String> c = new ArrayList<>(
                List.of("Timestamp", "User Count", "Type", "Name", "Requests/s", "Failures/s"));
        percentiles.forEach(p -> c.add(LocustFormat.percentileLabel(p)));
        c.addAll(List.of("Total Request Count", "Total Failure Count", "Total Median Response Time",
                "Total Average Response Time", "Total Min Response Time", "Total Max Response Time",
                "Total Average Content Size"));
        return c;
    }

    /** The file of failures per second and reason, and its header. */
    public static final String FAILURES_OVER_TIME = "failures_over_time.csv";
    public static final String FAILURES_OVER_TIME_HEADER = "second;reason;count";

    public static final List<String> FAILURES_COLUMNS = List.of("Method", "Name", "Error", "Occurrences");
    public static final List<String> EXCEPTIONS_COLUMNS = List.of("Count", "Message", "Traceback", "Nodes");

    void writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        String prefix = spec.csvPrefix();
        JSON.writeValue(dir.resolve("run.json").toFile(), spec);
        JSON.writeValue(dir.resolve("summary.json").toFile(), summary);
        Histogram total = stats.total();
        String method = spec.request().method();
        String name = spec.request().path();
        try (Writer w = Files.newBufferedWriter(dir.resolve(prefix + "_stats.csv"))) {
            LocustFormat.row(w, statsColumns(spec.percentiles()));
            LocustFormat.row(w, statsRow(method, name, total));
            LocustFormat.row(w, statsRow("", "Aggregated", total));
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve(prefix + "_stats_history.csv"))) {
            LocustFormat.row(w, historyColumns(spec.percentiles()));
            for (RequestStats.Second s : stats.history()) {
                List<String> r = new ArrayList<>(List.of(Long.toString(s.epochSecond()), Integer.toString(s.users()),
                        "", "Aggregated", fixed6(s.requests()), fixed6(s.failures())));
                LatencySnapshot h = s.cumulative();
                boolean none = h.count() == 0;
                for (double p : spec.percentiles()) {
                    r.add(none ? "N/A" : Long.toString(percentile(h, p)));
                }
                r.addAll(List.of(Long.toString(s.totalRequests()), Long.toString(s.totalFailures()),
                        none ? "0" : Long.toString(percentile(h, 0.5)), LocustFormat.number(none ? 0 : h.meanMicros() / 1000.0),
                        LocustFormat.number(none ? 0 : h.minMicros() / 1000.0), LocustFormat.number(none ? 0 : h.maxMicros() / 1000.0),
                        LocustFormat.number(s.totalRequests() == 0 ? 0 : (double) stats.contentBytes() / total.getTotalCount())));
                LocustFormat.row(w, r);
            }
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve(prefix + "_failures.csv"))) {
            LocustFormat.row(w, FAILURES_COLUMNS);
            for (var e : summary.failures().entrySet()) {
                LocustFormat.row(w, List.of(method, name, e.getKey(), Long.toString(e.getValue())));
            }
        }
        List<String> overTime = new ArrayList<>(List.of(FAILURES_OVER_TIME_HEADER));
        int second = 0;
        for (RequestStats.Second s : stats.history()) {
            second++;
            for (var e : s.failuresByReason().entrySet()) {
                overTime.add(second + ";" + e.getKey().replace(';', ',').replace('\n', ' ') + ";" + e.getValue());
            }
        }
        Files.write(dir.resolve(FAILURES_OVER_TIME), overTime);
        try (Writer w = Files.newBufferedWriter(dir.resolve(prefix + "_exceptions.csv"))) {
            LocustFormat.row(w, EXCEPTIONS_COLUMNS);
        }
    }

    private List<String> statsRow(String type, String name, Histogram h) {
        long n = h.getTotalCount();
        long requests = summary.succeeded() + summary.failed();
        List<String> r = new ArrayList<>(List.of(type, name, Long.toString(requests), Long.toString(summary.failed()),
                n == 0 ? "0" : Long.toString(percentile(h, 0.5)), LocustFormat.number(mean(h)), LocustFormat.number(min(h)), LocustFormat.number(max(h)),
                LocustFormat.number(n == 0 ? 0 : (double) stats.contentBytes() / n), LocustFormat.number(requests / summary.durationSeconds()),
                LocustFormat.number(summary.failed() / summary.durationSeconds())));
        for (double p : spec.percentiles()) {
            r.add(n == 0 ? "N/A" : Long.toString(percentile(h, p)));
        }
        return r;
    }

    /** A percentile in Locust's response-time buckets (milliseconds). */
    static long percentile(Histogram h, double fraction) {
        long micros = fraction >= 1.0 ? h.getMaxValue() : h.getValueAtPercentile(fraction * 100);
        return LocustFormat.bucket(micros / 1000.0);
    }

    /** The same percentile from a history row's snapshot of the cumulative histogram. */
    static long percentile(LatencySnapshot h, double fraction) {
        long micros = fraction >= 1.0 ? h.maxMicros() : h.valueAtFraction(fraction);
        return LocustFormat.bucket(micros / 1000.0);
    }

    private static double mean(Histogram h) {
        return h.getTotalCount() == 0 ? 0 : h.getMean() / 1000.0;
    }

    private static double min(Histogram h) {
        return h.getTotalCount() == 0 ? 0 : h.getMinValue() / 1000.0;
    }

    private static double max(Histogram h) {
        return h.getTotalCount() == 0 ? 0 : h.getMaxValue() / 1000.0;
    }

    private static String fixed6(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }


}
