package wasimoff.eval.load;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Open-loop load: requests leave at their intended times, one every {@code 1/rate} seconds, whether
 * or not earlier ones have been answered (up to {@code maxInFlight} concurrent requests; beyond that
 * they wait in the client, and that wait counts). Latency is measured from the intended send time,
 * so it is corrected for coordinated omission; the service time from the moment the request really
 * started is kept beside it, uncorrected.
 */
public final class OpenLoopRunner {
    /** One constant-rate step of an arrival schedule. */
    public record Step(double ratePerSecond, Duration duration) {
    }

    /** What one open-loop run measured; latencies in milliseconds. */
    public record Summary(double targetRate, double achievedRate, long sent, long succeeded, long failed,
                          long unfinished, Map<String, Double> correctedMillis, Map<String, Double> serviceMillis,
                          Map<String, Long> failures) {
        public double p99() {
            return correctedMillis.get("99%");
        }
    }

    private static final List<Double> PERCENTILES = List.of(0.5, 0.95, 0.99);

    private final RunSpec.HttpRequestTemplate request;
    private final ResponseCheck check;
    private final int maxInFlight;
    private final Duration timeout;
    private final String bindAddress;

    public OpenLoopRunner(RunSpec.HttpRequestTemplate request, ResponseCheck check, int maxInFlight, Duration timeout,
                          String bindAddress) {
        this.request = request;
        this.check = check;
        this.maxInFlight = maxInFlight;
        this.timeout = timeout;
        this.bindAddress = bindAddress;
    }

    /** Runs the steps one after another and summarises them together. */
    public Summary run(List<Step> steps) throws IOException, InterruptedException {
        Map<Call, Long> started = new ConcurrentHashMap<>();
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(maxInFlight, 1, TimeUnit.MINUTES))
                .callTimeout(timeout).readTimeout(timeout).retryOnConnectionFailure(false)
                .eventListener(new EventListener() {
                    @Override
                    public void connectionAcquired(Call call, okhttp3.Connection connection) {
                        started.putIfAbsent(call, System.nanoTime());
                    }
                });
        if (bindAddress != null) {
            b.socketFactory(new BoundSocketFactory(InetAddress.getByName(bindAddress)));
        }
        OkHttpClient http = b.build();
        http.dispatcher().setMaxRequests(maxInFlight);
        http.dispatcher().setMaxRequestsPerHost(maxInFlight);
        Recorder corrected = new Recorder(3_600_000_000L, 3);
        Recorder service = new Recorder(3_600_000_000L, 3);
        AtomicLong sent = new AtomicLong();
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        Request template = build();
        long t0 = System.nanoTime();
        long intended = t0;
        double totalRequests = 0;
        for (Step step : steps) {
            long stepEnd = intended + step.duration().toNanos();
            long gap = (long) (1e9 / step.ratePerSecond());
            while (intended < stepEnd) {
                long wait = intended - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                long due = intended;
                sent.incrementAndGet();
                totalRequests++;
                Call call = http.newCall(template);
                call.enqueue(new Callback() {
                    @Override
                    public void onFailure(Call c, IOException e) {
                        finish(c, due, "connection error: " + e.getClass().getSimpleName());
                    }

                    @Override
                    public void onResponse(Call c, Response response) {
                        try (response) {
                            String body = response.body().string();
                            finish(c, due, check.failure(response, body).orElse(null));
                        } catch (IOException e) {
                            finish(c, due, "connection error: " + e.getClass().getSimpleName());
                        }
                    }

                    private void finish(Call c, long dueNanos, String failure) {
                        long now = System.nanoTime();
                        corrected.recordValue(Math.max(1, (now - dueNanos) / 1000));
                        Long start = started.remove(c);
                        service.recordValue(Math.max(1, (now - (start == null ? dueNanos : start)) / 1000));
                        if (failure != null) {
                            failed.incrementAndGet();
                            failures.computeIfAbsent(failure, k -> new AtomicLong()).incrementAndGet();
                        }
                        done.incrementAndGet();
                    }
                });
                intended += gap;
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos() + 2_000_000_000L;
        while (done.get() < sent.get() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        double planned = steps.stream().mapToDouble(s -> s.duration().toNanos() / 1e9).sum();
        Map<String, Long> reasons = new LinkedHashMap<>();
        failures.forEach((k, v) -> reasons.put(k, v.get()));
        return new Summary(totalRequests / planned, done.get() / seconds, sent.get(), done.get() - failed.get(),
                failed.get(), sent.get() - done.get(), percentiles(corrected.getIntervalHistogram()),
                percentiles(service.getIntervalHistogram()), reasons);
    }

    private static Map<String, Double> percentiles(Histogram h) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (double p : PERCENTILES) {
            m.put(LocustFormat.percentileLabel(p), h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(p * 100) / 1000.0);
        }
        return m;
    }

    private Request build() {
        RequestBody body = request.method().equals("GET") ? null : RequestBody.create(request.body(),
                MediaType.parse(request.headers().getOrDefault("Content-Type", "text/plain")));
        Request.Builder rb = new Request.Builder().url(request.url()).method(request.method(), body);
        request.headers().forEach(rb::header);
        return rb.build();
    }
}
